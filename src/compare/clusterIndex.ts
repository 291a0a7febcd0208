// Per variant, its clusters as the metrics ask about them: which hold a user id, how big they are, where an id lives.
import { looksAnonymous, type Resolution, type ResolutionView } from '../engine/index.ts';
import type { IdKinds } from './data.ts';

/**
 * Whether an id is a user id: the stream sent it as one (`$user_id`, `$identified_id`, `alias`); or it was never sent
 * as an anonymous id (`$device_id`, `$anon_id`, `$anon_distinct_id`) and is neither a `$device:` key nor
 * GUID-shaped (the shape O-8's check calls anonymous).
 */
export function isUserId(id: string, ids: IdKinds): boolean {
  return ids.users.has(id) || (!ids.anonymous.has(id) && !looksAnonymous(id));
}

/** One resolution's clusters, read once: built on first use and shared by the summary and the splits. */
export class ClusterIndex {
  readonly view: ResolutionView;
  /** Canonical id → number of ids in its cluster. */
  readonly sizes = new Map<string, number>();
  /** Canonical ids of clusters holding a user id. */
  readonly identified = new Set<string>();

  constructor(resolution: Resolution, ids: IdKinds) {
    this.view = resolution.final();
    for (const cluster of this.view.clusters()) {
      this.sizes.set(cluster.canonical, cluster.members.length);
      if (cluster.members.some((member) => !member.isDevice && isUserId(member.id, ids)))
        this.identified.add(cluster.canonical);
    }
  }

  /** The canonical id of `id`'s cluster; a resolved id usually is one already, which skips the engine lookup. */
  canonicalOf(id: string): string {
    return this.sizes.has(id) ? id : this.view.canonicalOf(id);
  }

  /** Whether `id` resolves into a cluster that holds a user id. */
  isIdentified(id: string): boolean {
    return this.identified.has(this.canonicalOf(id));
  }
}

const cache = new WeakMap<Resolution, ClusterIndex>();

/** The cluster index of a resolution, built once. */
export function clusterIndexOf(resolution: Resolution, ids: IdKinds): ClusterIndex {
  let index = cache.get(resolution);
  if (index === undefined) cache.set(resolution, (index = new ClusterIndex(resolution, ids)));
  return index;
}
