// What the selection and the step point at in the graph: the ids to highlight, and the ids this step re-resolved.
import type { ResolutionView } from '../../engine/index.ts';
import type { Selection } from '../../store/appStore.ts';

export interface GraphFocus {
  /** The id the explanation panel is about, when the selection is an id. */
  readonly selectedId: string | undefined;
  readonly highlightedIds: ReadonlySet<string>;
  /** Canonical id of the cluster to highlight. */
  readonly highlightedCluster: string | undefined;
  /** Record index of the selected event: the link or failure it made is highlighted. */
  readonly highlightedEvent: number | undefined;
}

export const NO_FOCUS: GraphFocus = {
  selectedId: undefined,
  highlightedIds: new Set(),
  highlightedCluster: undefined,
  highlightedEvent: undefined,
};

/**
 * An id selection highlights that id; an event selection highlights the id derived from it and the link it made.
 * The cluster comes from `clusterIds`, the store's highlight, so the graph lights up the cluster whose rows the
 * table lights up.
 */
export function focusOf(
  selection: Selection | null,
  view: ResolutionView | undefined,
  recordEnd: number,
  clusterIds: ReadonlySet<string>,
): GraphFocus {
  if (selection === null || view === undefined) return NO_FOCUS;
  const [member] = clusterIds;
  const highlightedCluster = member === undefined ? undefined : view.canonicalOf(member);
  if (selection.kind === 'id') {
    const highlightedIds = new Set([selection.id]);
    return { selectedId: selection.id, highlightedIds, highlightedCluster, highlightedEvent: undefined };
  }
  // An event not sent yet has no outcome at this step.
  if (selection.recordIndex >= recordEnd) return NO_FOCUS;
  const { derivedId } = view.outcome(selection.recordIndex);
  return {
    selectedId: undefined,
    highlightedIds: new Set(derivedId === '' ? [] : [derivedId]),
    highlightedCluster,
    highlightedEvent: selection.recordIndex,
  };
}

/** Drawn ids whose resolved id differs from the step before: a link or merge reached them now. */
export function changedIdsAt(
  view: ResolutionView | undefined,
  previous: ResolutionView | undefined,
  drawn: ReadonlyMap<string, unknown>,
): Set<string> {
  const changed = new Set<string>();
  if (view === undefined || previous === undefined) return changed;
  for (const id of drawn.keys()) {
    if (previous.canonicalOf(id) !== view.canonicalOf(id)) changed.add(id);
  }
  return changed;
}
