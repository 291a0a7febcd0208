// The scenario format's word lists, free of any schema library so the app's first load can use them (picker groups).
// schema.ts builds the one scenario schema from these lists; nothing else restates them.
import type { FailureCode } from '../engine/index.ts';

/** Lesson groups of the scenario picker, in the order it shows them. */
export const SCENARIO_GROUPS = [
  'Simplified basics',
  'Shared devices',
  'Simplified pitfalls',
  'Server-side',
  'Original ID Merge',
  'Original guardrails',
  'Legacy alias',
  'Profiles',
] as const;
/** A group of the scenario picker. */
export type ScenarioGroup = (typeof SCENARIO_GROUPS)[number];

/** Every failure code an expectation may name: Mixpanel's own and the engine's (engine/types.ts). */
const FAILURE_CODE_SET: { readonly [K in FailureCode]: true } = {
  errAnonDistinctIdAssignedAlready: true,
  errSameIDs: true,
  errAnonDistinctIdNonGUIDForm: true,
  errManyIDs: true,
  errAliasAlreadyExists: true,
  mergeNotImported: true,
  malformedMerge: true,
  missingAnonId: true,
  missingIdentifiedId: true,
  missingAlias: true,
  aliasEqualsDistinctId: true,
  aliasAlreadyMapped: true,
  aliasLoop: true,
};
/** The failure codes, in a fixed order (the completion list of the editor, the enum of the JSON Schema). */
export const FAILURE_CODES = Object.keys(FAILURE_CODE_SET) as readonly FailureCode[];

/** How a profile stands at a step (engine ProfileView.status). */
export const PROFILE_STATUSES = ['visible', 'hidden', 'stranded'] as const;
/** A profile's status an expectation may name (S-16, O-17). */
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** Which mixpanel-browser a scenario simulates: ≥ 2.46 ($device: prefix) or before (SDK-1). */
export const SDK_VERSIONS = ['current', 'legacy'] as const;

/** How a raw record reached Mixpanel; `$merge` counts only through import (O-13). */
export const CHANNELS = ['track', 'import'] as const;

/** Most repetitions a repeat step may ask for: enough for SC-O7's 500-id cap, small enough to stay playable. */
export const MAX_REPEAT = 10_000;

/** What a step's expectation may pin, in the order the format documents them. */
export const EXPECTATION_FIELDS = [
  'distinctIds',
  'distinctIdAt',
  'failures',
  'clusters',
  'clusterSizes',
  'profiles',
  'profileCounts',
] as const;
