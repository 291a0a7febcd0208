// Pure: how the selection marks a row, from the store's highlight (the cluster the table and the graph agree on).
import type { Selection } from '../../store/appStore.ts';
import type { Highlight } from '../../store/highlight.ts';

/**
 * `selected`: the selected event. `cluster`: an event of the id picked in the graph.
 * `related`: another event of the selected event's cluster (a lighter mark).
 */
export type Emphasis = 'selected' | 'cluster' | 'related' | undefined;

export function emphasisOf(recordIndex: number, selection: Selection | null, highlight: Highlight): Emphasis {
  if (selection === null) return undefined;
  if (selection.kind === 'event' && selection.recordIndex === recordIndex) return 'selected';
  if (!highlight.recordIndexes.has(recordIndex)) return undefined;
  return selection.kind === 'id' ? 'cluster' : 'related';
}
