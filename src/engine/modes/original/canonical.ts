// Original's canonical id (O-3, Q-5): undocumented, so a named, pluggable strategy decides which cluster's survives.
import { looksAnonymous } from '../../ids.ts';
import type { CanonicalStrategyName } from '../../types.ts';

/** What a strategy may look at when two clusters merge. */
export interface ClusterSummary {
  readonly canonical: string;
  readonly size: number;
  /** Rank of the cluster's earliest-seen id in the stream; lower was seen first. */
  readonly firstSeenRank: number;
}

/** Returns true when `a`'s canonical id should survive the merge of `a` and `b`. */
export type CanonicalStrategy = (a: ClusterSummary, b: ClusterSummary) => boolean;

const seenFirst: CanonicalStrategy = (a, b) => a.firstSeenRank < b.firstSeenRank;

/** Default: the larger cluster keeps its canonical id, so the fewest events move; ties go to the one seen first. */
const largerCluster: CanonicalStrategy = (a, b) => (a.size === b.size ? seenFirst(a, b) : a.size > b.size);

/** What users expect (P-6): a user id over a device or GUID id; otherwise as larger-cluster. */
const userIdWhenPresent: CanonicalStrategy = (a, b) => {
  const aIsUser = !looksAnonymous(a.canonical);
  const bIsUser = !looksAnonymous(b.canonical);
  return aIsUser === bIsUser ? largerCluster(a, b) : aIsUser;
};

/** the canonical-id strategies by name, as options choose them. */
export const CANONICAL_STRATEGY: Readonly<Record<CanonicalStrategyName, CanonicalStrategy>> = {
  'larger-cluster': largerCluster,
  'user-id-when-present': userIdWhenPresent,
  'first-seen': seenFirst,
};

/** each canonical-id strategy in words, for explanations and the assumptions panel. */
export const CANONICAL_STRATEGY_TEXT: Readonly<Record<CanonicalStrategyName, string>> = {
  'larger-cluster': 'the larger cluster keeps its canonical id; ties go to the cluster seen first',
  'user-id-when-present':
    'a user id is preferred over a $device: or GUID id; otherwise the larger cluster wins',
  'first-seen': 'the id seen first in the stream stays canonical',
};
