// The order of the imported file's clusters list: most events first, then most ids, then by canonical id. The list
// shows the first hundred of up to a few hundred thousand clusters, so the full order is only built when asked.
import type { Cluster } from '../engine/index.ts';

/** A cluster in the clusters list: its size in ids and in events. */
export interface ClusterSummary {
  readonly canonical: string;
  readonly ids: number;
  readonly devices: number;
  readonly events: number;
}

/** Each cluster's size in ids, devices and events, in the clusters' order. */
export function summarise(
  clusters: readonly Cluster[],
  eventsOf: (canonical: string) => number,
): ClusterSummary[] {
  return clusters.map(({ canonical, members }) => {
    let devices = 0;
    for (const member of members) if (member.isDevice) devices++;
    return { canonical, ids: members.length, devices, events: eventsOf(canonical) };
  });
}

/**
 * Most events first, then most ids, then by canonical id. Sorted as names first (the built-in sort, which orders
 * strings by UTF-16 code units as `<` does), then two stable counting passes by ids and by events: a comparator over
 * a few hundred thousand clusters cost more than the rest of the index.
 */
export function sortClusters(summaries: readonly ClusterSummary[]): ClusterSummary[] {
  const byCanonical = new Map(summaries.map((summary) => [summary.canonical, summary]));
  const byName = [...byCanonical.keys()].sort().map((name) => byCanonical.get(name)!);
  return stableDescending(
    stableDescending(byName, (c) => c.ids),
    (c) => c.events,
  );
}

/** Whether `a` comes before `b` in `sortClusters`' order (canonical ids are unique, so the order is total). */
function before(a: ClusterSummary, b: ClusterSummary): boolean {
  if (a.events !== b.events) return a.events > b.events;
  if (a.ids !== b.ids) return a.ids > b.ids;
  return a.canonical < b.canonical;
}

/**
 * The first `limit` of `sortClusters(summaries)`, in one pass that keeps the best `limit` seen so far in order: most
 * clusters are out at the first comparison with the last kept one, so this is linear for a short list.
 */
export function firstClusters(summaries: readonly ClusterSummary[], limit: number): ClusterSummary[] {
  const kept: ClusterSummary[] = [];
  if (limit <= 0) return kept;
  for (const summary of summaries) {
    const last = kept[kept.length - 1];
    if (kept.length >= limit && last !== undefined && !before(summary, last)) continue;
    let at = kept.length;
    while (at > 0 && before(summary, kept[at - 1]!)) at--;
    kept.splice(at, 0, summary);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** A stable counting sort of `items` by a small non-negative integer, largest first. */
function stableDescending<T>(items: readonly T[], keyOf: (item: T) => number): T[] {
  let max = 0;
  for (const item of items) max = Math.max(max, keyOf(item));
  const starts = new Int32Array(max + 2);
  for (const item of items) starts[max - keyOf(item) + 1]!++;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1] ?? 0;
  const out = new Array<T>(items.length);
  for (const item of items) out[starts[max - keyOf(item)]!++] = item;
  return out;
}
