// Measures each step from the action to the frame that shows it: performance measures named 'idmerge:step'.
import { useEffect } from 'react';
import { useAppState, useStoreApi } from '../store/hooks.ts';
import { afterNextPaint } from './afterNextPaint.ts';

export const STEP_MEASURE = 'idmerge:step';
const STEP_START = 'idmerge:step-start';

export function useStepTiming(): void {
  const { store } = useStoreApi();
  const cursor = useAppState((state) => state.cursor);
  // The store calls listeners inside the action, so this mark is the moment the user stepped.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.cursor !== previous.cursor) performance.mark(STEP_START);
      }),
    [store],
  );
  // After commit, the next painted frame is the one that shows the step.
  useEffect(() => afterNextPaint(measureStep), [cursor]);
}

function measureStep(): void {
  if (performance.getEntriesByName(STEP_START, 'mark').length === 0) return;
  performance.measure(STEP_MEASURE, STEP_START);
  performance.clearMarks(STEP_START);
}
