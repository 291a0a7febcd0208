// The scenario format: a story told as SDK calls and raw events, with the ids each mode must resolve after a step.
import type { Channel, FailureCode, Mode } from '../engine/index.ts';
import type { DeviceKind, SdkCall, SdkVersion, ServerCall } from '../simulator/index.ts';

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
export const FAILURE_CODES = Object.keys(FAILURE_CODE_SET) as readonly FailureCode[];

/** How a profile stands at a step (engine ProfileView.status). */
export type ProfileStatus = 'visible' | 'hidden' | 'stranded';
export const PROFILE_STATUSES: readonly ProfileStatus[] = ['visible', 'hidden', 'stranded'];

/** One simulated device or server. `id` is what steps name ("A"); `label` is what the learner reads. */
export interface ScenarioDevice {
  readonly id: string;
  readonly label: string;
  readonly kind: DeviceKind;
}

export interface ProfileExpectation {
  readonly status: ProfileStatus;
  /** When given, the profile's properties exactly. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * What one mode must show right after a step. Ids may be written as aliases: `D1` is the scenario's first
 * generated device id, `$device:D1` its distinct_id form, and `canon(X)` the canonical id of X's cluster (Original,
 * where Mixpanel does not document which id is canonical, Q-5).
 */
export interface ModeExpectation {
  /** The resolved distinct_id of every event sent so far, in order (profile updates excluded); null = rejected. */
  readonly distinctIds?: readonly (string | null)[];
  /** The resolved distinct_id of some events, by event number (1-based, profile updates excluded). */
  readonly distinctIdAt?: Readonly<Record<string, string | null>>;
  /** Every failed identity request so far: event number → failure code. Events not listed have none. */
  readonly failures?: Readonly<Record<string, FailureCode>>;
  /** Every cluster of two or more ids, exactly (order does not matter). */
  readonly clusters?: readonly (readonly string[])[];
  /** The number of ids in the cluster of each id named. */
  readonly clusterSizes?: Readonly<Record<string, number>>;
  /** Every profile, by the distinct_id it lives under. */
  readonly profiles?: Readonly<Record<string, ProfileExpectation>>;
  /** How many profiles have each status named; for O-17, where which profile survives depends on Q-5. */
  readonly profileCounts?: Readonly<Partial<Record<ProfileStatus, number>>>;
}

export type StepExpectations = Readonly<Partial<Record<Mode, ModeExpectation>>>;

/** What every step may carry. */
export interface StepCommon {
  /** Shown to the learner at this step: what happens and why, citing rule ids. */
  readonly note?: string;
  readonly expect?: StepExpectations;
}

/** A call on a simulated device: an SDK call on web/iOS/Android, a server-library call on a server. */
export interface PlainCallStep {
  readonly device: string;
  readonly call: SdkCall | ServerCall;
  readonly args?: readonly unknown[];
}
export interface CallStep extends PlainCallStep, StepCommon {}

/** A Mixpanel event object (`{event, properties}`) or a profile update (`{$distinct_id, $set…}`), sent as is. */
export type RawRecord =
  | {
      readonly event: string;
      readonly properties: Readonly<Record<string, unknown>>;
      readonly channel?: Channel;
    }
  | { readonly $distinct_id: unknown; readonly [operation: `$${string}`]: unknown };

/** A record that came from no simulated SDK: a server job, a file, another tool. */
export interface PlainRawStep {
  readonly raw: RawRecord;
  /** How it reached Mixpanel; default `import` (DECISIONS.md, `$merge` channel). */
  readonly channel?: Channel;
}
export interface RawStep extends PlainRawStep, StepCommon {}

/** A step that can sit inside a repeat: no note or expectation of its own. */
export type PlainStep = PlainCallStep | PlainRawStep;

/** The compact form for long stories (SC-O7): `steps` played `repeat` times, as one step of the timeline. */
export interface RepeatStep extends StepCommon {
  readonly repeat: number;
  readonly steps: readonly PlainStep[];
}

export type ScenarioStep = CallStep | RawStep | RepeatStep;

/** A scenario of the library, or one a user loads. Validated by parseScenario; described by scenario.schema.json. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Two or three plain sentences: the one thing this scenario teaches. */
  readonly lesson: string;
  readonly group: ScenarioGroup;
  /** The modes the story is written for, and checked in; it still plays in every mode. */
  readonly modes: readonly Mode[];
  /** Spec rules and catalogue entries it illustrates (S-6, SC-S1 …). */
  readonly rules?: readonly string[];
  readonly sdkVersion?: SdkVersion;
  /** Seed for generated ids; default: the scenario id. */
  readonly seed?: string;
  readonly view?: { readonly identityEvents?: 'shown' | 'hidden' };
  readonly devices: readonly ScenarioDevice[];
  readonly steps: readonly ScenarioStep[];
}

export function isRepeatStep(step: ScenarioStep): step is RepeatStep {
  return 'repeat' in step;
}

export function isRawStep(step: ScenarioStep | PlainStep): step is PlainRawStep {
  return 'raw' in step;
}
