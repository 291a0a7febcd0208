// "Why": the engine's reasons for the selected event, or the cluster, events and profile of the selected id.
// With nothing selected it follows the newest event as the user steps; selecting a row or a node pins that one.
import { memo, useDeferredValue, useMemo } from 'react';
import type { Selection } from '../../store/appStore.ts';
import type { EventRow, StepModel } from '../../store/derive.ts';
import { explainSelection, type Explanation } from '../../store/explanation.ts';
import { useActions, useAppState, useEventRows, useStepModel } from '../../store/hooks.ts';
import { EventExplanationView } from './EventExplanationView.tsx';
import { lazyView } from '../shared/lazyView.tsx';

/** An id's explanation shows only once a graph node is chosen: its code loads then (or when the page is idle). */
const IdExplanationView = lazyView(
  "The id's explanation",
  async () => (await import('./IdExplanationView.tsx')).IdExplanationView,
);
import './explain.css';

/** The newest event the table shows (a hidden identity event is skipped), or undefined before the first. */
function newestShownEvent(rows: readonly EventRow[]): EventRow | undefined {
  return rows.findLast((row) => row.displayNumber !== undefined);
}

/** The step the panel explains from. */
interface ShownStep {
  readonly model: StepModel;
  readonly rows: readonly EventRow[];
}

/**
 * While the panel follows the newest event, it shows each step in a deferred render, with the graph's (IdentityGraph):
 * the key press's task paints the table, timeline and story, and the engine's reasons for the newest event (~2 ms a
 * step on the 500-event scenarios) come right after, one frame later. A pinned selection (a click, Enter on a node)
 * is explained at once, as before, so a choice is answered in the frame that shows it.
 */
export function ExplainPanel() {
  const selection = useAppState((state) => state.selection);
  const model = useStepModel();
  const rows = useEventRows();
  const step = useMemo(() => ({ model, rows }), [model, rows]);
  const deferred = useDeferredValue(step);
  return <ExplainContent step={selection === null ? deferred : step} selection={selection} />;
}

/** What the panel explains: the pinned selection, else the newest event. */
function explanationOf(step: ShownStep, selection: Selection | null): Explanation | null {
  if (selection !== null) return explainSelection(step.model, step.rows, selection);
  const newest = newestShownEvent(step.rows);
  if (newest === undefined) return null;
  return explainSelection(step.model, step.rows, { kind: 'event', recordIndex: newest.recordIndex });
}

const ExplainContent = memo(function ExplainContent(props: {
  readonly step: ShownStep;
  readonly selection: Selection | null;
}) {
  const { step, selection } = props;
  const explanation = useMemo(() => explanationOf(step, selection), [step, selection]);
  const { label, played } = step.model;
  const { select } = useActions();
  if (explanation === null)
    return (
      <p className="panel-empty" data-testid="explain.empty">
        Select a row or a node to see why.
      </p>
    );
  return (
    <>
      {selection === null ? (
        <p className="explain-mode" data-testid="explain.following">
          Following the newest event as you step. Select a row or a node to pin it here.
        </p>
      ) : (
        <p className="explain-mode">
          <button
            type="button"
            className="link-button"
            data-testid="explain.follow"
            onClick={() => select(null)}
          >
            Follow the newest event
          </button>
        </p>
      )}
      <ExplanationBody explanation={explanation} label={label} aliases={played.aliases} />
    </>
  );
});

function ExplanationBody(props: {
  readonly explanation: Explanation;
  readonly label: (id: string) => string;
  readonly aliases: ReadonlyMap<string, string>;
}) {
  const { explanation, label, aliases } = props;
  if (explanation.kind === 'not-yet')
    return (
      <p className="panel-empty" data-testid="explain.not-yet">
        {explanation.what}
      </p>
    );
  if (explanation.kind === 'event')
    return <EventExplanationView explanation={explanation} label={label} aliases={aliases} />;
  return <IdExplanationView explanation={explanation} label={label} />;
}
