// Cross-highlighting: a selected row lights up its id's cluster in the graph; a selected node, its cluster's rows.
import type { Selection } from './appStore.ts';
import type { EventRow, StepModel } from './derive.ts';

/** What to highlight for the selection: ids (graph nodes) and record indexes (table rows). */
export interface Highlight {
  readonly ids: ReadonlySet<string>;
  readonly recordIndexes: ReadonlySet<number>;
}

export const NO_HIGHLIGHT: Highlight = { ids: new Set(), recordIndexes: new Set() };

/** The cluster the selection belongs to at this step, as ids and as the rows attributed to it. */
export function highlightFor(
  model: StepModel,
  rows: readonly EventRow[],
  selection: Selection | null,
): Highlight {
  const canonical = canonicalOfSelection(model, rows, selection);
  if (canonical === undefined || model.view === undefined) return NO_HIGHLIGHT;
  const cluster = model.view.clusters().find((c) => c.canonical === canonical);
  const ids = new Set(cluster?.members.map((member) => member.id) ?? [canonical]);
  const recordIndexes = new Set(
    rows.filter((row) => row.outcome.resolvedId === canonical).map((row) => row.recordIndex),
  );
  return { ids, recordIndexes };
}

function canonicalOfSelection(
  model: StepModel,
  rows: readonly EventRow[],
  selection: Selection | null,
): string | undefined {
  if (selection === null || model.view === undefined) return undefined;
  if (selection.kind === 'id') return model.view.canonicalOf(selection.id);
  const row = rows.find((candidate) => candidate.recordIndex === selection.recordIndex);
  const resolved = row?.outcome.resolvedId;
  return resolved === null || resolved === undefined || resolved === '' ? undefined : resolved;
}
