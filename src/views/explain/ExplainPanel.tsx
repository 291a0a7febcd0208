// "Why": the engine's reasons for the selected event, or the cluster, events and profile of the selected id.
// With nothing selected it follows the newest event as the user steps; selecting a row or a node pins that one.
import { useMemo } from 'react';
import type { EventRow, StepModel } from '../../store/derive.ts';
import { explainSelection, type Explanation } from '../../store/explanation.ts';
import { useActions, useAppState, useEventRows, useExplanation, useStepModel } from '../../store/hooks.ts';
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

/** What the panel explains: the pinned selection, else the newest event. */
function useShownExplanation(): { explanation: Explanation | null; following: boolean } {
  const pinned = useExplanation();
  const selection = useAppState((state) => state.selection);
  const model = useStepModel();
  const rows = useEventRows();
  // Explaining the newest event runs the engine's reasons: only while following, not under a pinned selection.
  const following = selection === null;
  const newest = useMemo(() => (following ? followed(model, rows) : null), [following, model, rows]);
  if (!following) return { explanation: pinned, following: false };
  return { explanation: newest, following: newest !== null };
}

function followed(model: StepModel, rows: readonly EventRow[]): Explanation | null {
  const newest = newestShownEvent(rows);
  if (newest === undefined) return null;
  return explainSelection(model, rows, { kind: 'event', recordIndex: newest.recordIndex });
}

export function ExplainPanel() {
  const { explanation, following } = useShownExplanation();
  const { label, played } = useStepModel();
  const { select } = useActions();
  if (explanation === null)
    return (
      <p className="panel-empty" data-testid="explain.empty">
        Select a row or a node to see why.
      </p>
    );
  return (
    <>
      {following ? (
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
}

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
