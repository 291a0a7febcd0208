// Performance measures of each step, read by scripts/measure-steps.ts: from the moment the user stepped to the frame
// that shows it. The table, timeline and story render with the step; the graph renders the step just after (a
// deferred render, so the key press's task stays short), so it has a measure of its own.
import { afterNextPaint } from './afterNextPaint.ts';

/** From the step to the first frame painted after it: the table, the timeline and the step's story. */
export const STEP_MEASURE = 'idmerge:step';
/** From the step to the first frame painted after the graph drew it. */
export const GRAPH_STEP_MEASURE = 'idmerge:step-graph';

const STEP_START = 'idmerge:step-start';
const GRAPH_STEP_START = 'idmerge:step-graph-start';

/** Marks the moment the user stepped (called by the store's listener, inside the action). */
export function markStep(): void {
  performance.mark(STEP_START);
  performance.mark(GRAPH_STEP_START);
}

/** After the next painted frame, measures the step shown by the views that render with it; returns a cancel. */
export function measureStepAfterPaint(): () => void {
  return afterNextPaint(() => measureFrom(STEP_START, STEP_MEASURE));
}

/** After the next painted frame, measures the step as the graph drew it; returns a cancel. */
export function measureGraphStepAfterPaint(): () => void {
  return afterNextPaint(() => measureFrom(GRAPH_STEP_START, GRAPH_STEP_MEASURE));
}

/** One measure per mark: a step's frame measured twice (or a render without a step) adds nothing. */
function measureFrom(start: string, name: string): void {
  if (performance.getEntriesByName(start, 'mark').length === 0) return;
  performance.measure(name, start);
  performance.clearMarks(start);
}
