// Original ID Merge is not generated: every rule that decides its clusters depends on the order of the identity
// events and on the state they built, which set-based SQL cannot carry. The limits are stated where users look.
import type { Dialect } from '../dialects/index.ts';
import type { SqlOptions, Statement } from '../types.ts';

/**
 * The rules plain SQL cannot express, each with why. Set-based SQL could carry O-1 and Q-7 (which id an event is
 * attributed to), O-7.1 errSameIDs and O-8 the GUID check (tests on one event), O-13 (the channel) and O-14 merges
 * as connected components, but a cluster in Original is the result of applying every identity event in order.
 */
export const ORIGINAL_LIMITS: readonly string[] = [
  'O-7.3 errAnonDistinctIdAssignedAlready: whether the anon id is already identified depends on the clusters every earlier $identify built',
  'O-11 errAliasAlreadyExists: an alias value counts as used only if its earlier $create_alias succeeded, which depends on O-15 at that moment',
  'O-15 / Q-2 the cluster cap (errManyIDs): a merge is refused by the size of the clusters at that moment, so a refusal changes every later merge',
  'Q-5 the canonical id (larger-cluster, the default): the survivor of each merge depends on the sizes when it happened',
  'so `--mode original` prints no script: it would need a loop over the identity events in ingestion order (a stored procedure, or a driver-side loop), not yet written',
];

export function originalPlan(_options: SqlOptions, _dialect: Dialect): Statement[] {
  throw new RangeError(
    `Original ID Merge cannot be expressed in set-based SQL yet; see idmerge sql --help:\n  ${ORIGINAL_LIMITS.join('\n  ')}`,
  );
}
