// The scenario format as TypeScript types, inferred from the one schema (schema.ts); type-only, so importing them
// costs the app nothing. The word lists (groups, failure codes, …) are in vocabulary.ts.
import type { z } from 'zod';
import type { LibraryScenarioSchema, ScenarioParts, ScenarioSchema } from './schema.ts';

export {
  EXPECTATION_FIELDS,
  FAILURE_CODES,
  MAX_REPEAT,
  PROFILE_STATUSES,
  SCENARIO_GROUPS,
  SDK_VERSIONS,
  type ProfileStatus,
  type ScenarioGroup,
} from './vocabulary.ts';

/** Scenarios are values: nothing downstream mutates one. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type Part<K extends keyof typeof ScenarioParts> = DeepReadonly<z.output<(typeof ScenarioParts)[K]>>;

/** A scenario of the library, or one a user writes. Validated by parseScenario; described by scenario.schema.json. */
export type Scenario = DeepReadonly<z.output<typeof ScenarioSchema>>;
/** A scenario of the library: the lesson and the picker group are required there. */
export type LibraryScenario = DeepReadonly<z.output<typeof LibraryScenarioSchema>>;
/** One simulated device or server. `id` is what steps name ("A"); `label` is what the learner reads. */
export type ScenarioDevice = Part<'device'>;
/** A profile's status and, when given, its properties exactly. */
export type ProfileExpectation = Part<'profileExpectation'>;
/**
 * What one mode must show right after a step. Ids may be written as aliases: `D1` is the scenario's first
 * generated device id, `$device:D1` its distinct_id form, and `canon(X)` the canonical id of X's cluster (Original,
 * where Mixpanel does not document which id is canonical, Q-5).
 */
export type ModeExpectation = Part<'modeExpectation'>;
/** A step's expectations, keyed by mode. */
export type StepExpectations = Part<'expectations'>;
/** A call on a simulated device: an SDK call on web/iOS/Android, a server-library call on a server. */
export type PlainCallStep = Part<'plainCallStep'>;
/** A call step: a plain call, with an optional note and expectations. */
export type CallStep = Part<'callStep'>;
/** A Mixpanel event object (`{event, properties}`) or a profile update (`{$distinct_id, $set…}`), sent as is. */
export type RawRecord = Part<'rawRecord'>;
/** A record that came from no simulated SDK: a server job, a file, another tool. */
export type PlainRawStep = Part<'plainRawStep'>;
/** A raw step: a plain raw record, with an optional note and expectations. */
export type RawStep = Part<'rawStep'>;
/** A step that can sit inside a repeat: no note or expectation of its own. */
export type PlainStep = Part<'plainStep'>;
/** The compact form for long stories (SC-O7): `steps` played `repeat` times, as one step of the timeline. */
export type RepeatStep = Part<'repeatStep'>;
/** One step of a scenario's timeline: a call, a raw record, or a repeat block. */
export type ScenarioStep = Part<'step'>;

/** Whether a step is a repeat block. */
export function isRepeatStep(step: ScenarioStep): step is RepeatStep {
  return 'repeat' in step;
}

/** A raw Mixpanel event (as opposed to a profile update). */
export type RawEvent = Extract<RawRecord, { readonly event: string }>;

/** Whether a raw record is an event (it has `event`) rather than a profile update. */
export function isRawEvent(raw: RawRecord): raw is RawEvent {
  return 'event' in raw && typeof raw.event === 'string';
}

/** Whether a step sends a raw record. */
export function isRawStep(step: ScenarioStep | PlainStep): step is PlainRawStep {
  return 'raw' in step;
}
