// The one cluster routine: every seen id grouped by the id it resolves to, whichever mode or step is asking.
import { isDeviceKey } from './ids.ts';
import { NO_ID, type IdTable } from './idTable.ts';
import type { Cluster, ClusterMember } from './types.ts';

/** How to place an id: what it resolves to, and the event that brought it into its cluster (NO_ID: founder). */
export interface ClusterPlacement {
  canonicalOf(id: number): number;
  joinedByOf(id: number): number;
}

/**
 * Clusters of every id first seen by record `step`, with the canonical id first and the other members in
 * first-seen order. Kernels place ids by their live state; a view at an earlier step places them by the step log.
 */
export function groupClusters(table: IdTable, step: number, placement: ClusterPlacement): Cluster[] {
  const byCanonical = new Map<number, ClusterMember[]>();
  for (let id = 0; id < table.size; id++) {
    const firstSeen = table.firstSeen[id] ?? NO_ID;
    if (firstSeen === NO_ID || firstSeen > step) continue;
    const text = table.textOf(id);
    const joined = placement.joinedByOf(id);
    const member: ClusterMember = {
      id: text,
      isDevice: isDeviceKey(text),
      joinedBy: joined === NO_ID ? undefined : joined,
      firstSeen,
    };
    const canonical = placement.canonicalOf(id);
    const members = byCanonical.get(canonical);
    if (members === undefined) byCanonical.set(canonical, [member]);
    else members.push(member);
  }
  return [...byCanonical].map(([id, members]) => {
    const canonical = table.textOf(id);
    return { canonical, members: canonicalFirst(members, canonical) };
  });
}

function canonicalFirst(members: ClusterMember[], canonical: string): ClusterMember[] {
  return members.sort((a, b) =>
    a.id === canonical ? -1 : b.id === canonical ? 1 : a.firstSeen - b.firstSeen,
  );
}
