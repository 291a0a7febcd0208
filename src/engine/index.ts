// Public entry of the engine: everything outside src/engine imports from here.
/** The engine's data types: streams, options, links, failures, clusters. */
export type {
  Channel,
  CanonicalStrategyName,
  Cluster,
  ClusterMember,
  EventStatus,
  Failure,
  FailureCode,
  FailedAttempt,
  Link,
  MixpanelEvent,
  MixpanelFailureCode,
  Mode,
  ProfileUpdate,
  RecordOrigin,
  ResolveOptions,
  StreamRecord,
} from './types.ts';
export { CANONICAL_STRATEGIES } from './types.ts';
export {
  MODES,
  modeRules,
  type CanonicalState,
  type ExplainContext,
  type KeptApartPiece,
  type ModeRules,
  type ModeWords,
} from './modes/index.ts';
export {
  DEFAULT_OPTIONS,
  describeAssumptions,
  OPTION_FLAGS,
  optionsKey,
  sameOptions,
  withDefaults,
} from './options.ts';
export {
  BLOCKED_IDS,
  DEVICE_PREFIX,
  deviceOfKey,
  isBlockedId,
  isDeviceKey,
  looksAnonymous,
  passesGuidCheck,
  toIdText,
} from './ids.ts';
export {
  blankEventFacts,
  fillEventFacts,
  IDENTITY_EVENT_NAMES,
  readEventFacts,
  readEventTime,
  UNNUMBERED,
  type EventFacts,
  type IdNumbers,
  type MutableEventFacts,
  type NumberedEvent,
} from './facts.ts';
export { manyIdsFailure, mixpanelFailure } from './failures.ts';
export {
  CANONICAL_STRATEGY,
  CANONICAL_STRATEGY_TEXT,
  type CanonicalStrategy,
  type ClusterSummary,
} from './modes/original/canonical.ts';
/** How an event's id was derived (S-2, S-3, O-1, Q-7, LIM-2). */
export type { Derivation } from './kernel.ts';
export { NO_ID, NOT_NUMBERED } from './idTable.ts';
/** A growable Int32Array keyed by id numbers (per-id state for callers that read ids as numbers, e.g. the linter). */
export { Int32Column } from './columnArrays.ts';
export { IngestReceipts, NO_LINK, NOT_AN_EVENT, REJECTED_ID, type RecordKind } from './receipts.ts';
/** A profile's stored properties and where they landed (S-16, O-17). */
export type { Profile } from './profiles.ts';
/** What a resolution answers at one step: outcomes, the view itself, profiles and written outputs. */
export type { EventOutcome, OutputNumbers, ProfileView, ResolutionView, ResolvedOutput } from './view.ts';
export { linkNote, type EventLabel, type IdLabel, type Note, type NoteKind } from './explain.ts';
export { reasonLine, type Reason, type ReasonKind } from './reasons.ts';
export {
  resolve,
  Resolution,
  Resolver,
  toStreamRecord,
  type ResolveInput,
  type ResolveSettings,
} from './resolve.ts';
