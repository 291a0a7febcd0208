// The findings vocabulary shared by the app's findings panel and `idmerge lint`: plain data, no behaviour.

/** How bad a finding is: `error` loses or mixes up data, `warning` probably does, `info` is worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from worst to mildest: the order the panel and the CLI list findings in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Stable codes of every finding the linter can report; the catalogue (catalogue.ts) gives each its words. */
export type FindingId =
  | 'placeholder-id'
  | 'placeholder-like-id'
  | 'no-usable-identity'
  | 'device-two-users'
  | 'device-users-merged'
  | 'anonymous-handover'
  | 'email-user-id'
  | 'identify-without-event'
  | 'special-event-no-effect'
  | 'identifier-as-device-id'
  | 'device-id-prefixed'
  | 'anon-id-not-guid'
  | 'cluster-near-cap'
  | 'cluster-over-cap'
  | 'identity-event-refused'
  | 'hot-shard';

/** One event a finding points at: its 0-based position in the stream, and its line in the file when known. */
export interface EventRef {
  readonly index: number;
  readonly line?: number;
}

/** One finding: what was seen, how often, where, and what to do about it. */
export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  readonly title: string;
  /** Plain words: what happened, why it matters, what to do. */
  readonly explanation: string;
  /** The spec rules and pitfalls it comes from, e.g. "S-9, P-1". */
  readonly rule: string;
  /** How many events it concerns (all of them, not just the sample in `events`). */
  readonly count: number;
  /** The first events it concerns, in stream order, at most `eventSampleSize` of them. */
  readonly events: readonly EventRef[];
  /** The ids it concerns, at most `idSampleSize` of them. */
  readonly ids?: readonly string[];
  /** How many distinct ids it concerns, when that is more than `ids` can show. */
  readonly idCount?: number;
}

/** Bounds and thresholds of one lint run; every field has a default. */
export interface LinterSettings {
  /** LIM-4: events per derived distinct_id per UTC day above which Mixpanel rewrites them. Default 200,000. */
  readonly hotShardLimit?: number;
  /** Original: a cluster this close to the cap (as a fraction of it) is reported as near it (O-15). Default 0.9. */
  readonly nearCapFraction?: number;
  /** How many events a finding lists. Default 1,000. */
  readonly eventSampleSize?: number;
  /** How many ids a finding lists. Default 100. */
  readonly idSampleSize?: number;
}

/** The settings with every default filled in. */
export type FullLinterSettings = Required<LinterSettings>;

export const DEFAULT_LINTER_SETTINGS: FullLinterSettings = {
  hotShardLimit: 200_000,
  nearCapFraction: 0.9,
  eventSampleSize: 1_000,
  idSampleSize: 100,
};
