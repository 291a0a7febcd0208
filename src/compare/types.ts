// The vocabulary of a comparison: the same stream resolved under several identity systems (or settings), side by side.
import type { Mode, ResolveOptions } from '../engine/index.ts';

/** One column of a comparison: a mode, possibly under non-default settings (the Q-items of DECISIONS.md). */
export interface Variant {
  /** The column's key: the mode's name for a modes comparison, e.g. `original/first-seen` for an assumption. */
  readonly key: string;
  readonly mode: Mode;
  readonly options: Partial<ResolveOptions>;
}

/** A funnel to measure: ordered event names, and how long a user has from the first step to finish. */
export interface FunnelSpec {
  readonly steps: readonly string[];
  /** The conversion window in seconds (Mixpanel's default: 30 days). */
  readonly windowSeconds: number;
}

/** One step of a funnel, with the users who reached it (in order, within the window). */
export interface FunnelStep {
  readonly step: string;
  readonly users: number;
}

/**
 * The numbers a product team quotes, for one variant. Definitions (also in `idmerge compare --help` and
 * docs/compare.md):
 * - `events`: event records in the stream (profile updates excluded), rejected ones included.
 * - `rejected`: events refused by the placeholder list (LIM-1), attributed to no one.
 * - `users`: distinct resolved distinct_ids among the accepted events (profile updates excluded; an event with no
 *   usable id, LIM-2/LIM-3, resolves to "" and counts for no one).
 * - `identifiedUsers`: users whose cluster holds a user id; `anonymousUsers`: the rest (`users` = the sum).
 * - `clusters`: identities holding two or more ids; `largestCluster`: the most ids one identity holds.
 * - `failures`: identity requests refused (an event that carries a failure: S-9, O-7, O-11, O-14, L-2 …).
 */
export interface VariantSummary {
  readonly events: number;
  readonly rejected: number;
  readonly users: number;
  readonly identifiedUsers: number;
  readonly anonymousUsers: number;
  readonly clusters: number;
  readonly largestCluster: number;
  readonly failures: number;
  readonly funnel: readonly FunnelStep[];
}

/**
 * An identity that is one user in `joinedIn` and several users in `splitIn`: read one way it is a split, read the
 * other way a merge.
 */
export interface Split {
  readonly joinedIn: string;
  /** The one resolved distinct_id in `joinedIn`. */
  readonly user: string;
  readonly splitIn: string;
  /** The resolved distinct_ids its events have in `splitIn`, most events first. */
  readonly into: readonly string[];
  /** How many accepted events the identity has. */
  readonly events: number;
  /** A few of the events (record indexes, stream order) that land apart from the first piece in `splitIn`. */
  readonly sample: readonly number[];
  /** The spec rules that make the difference: the links that join it, the refusals or mode rules that keep it apart. */
  readonly rules: readonly string[];
}

/** Distinct users per UTC day, one series per variant. */
export interface DailyUsers {
  /** Days since 1970-01-01 (UTC), ascending. */
  readonly days: readonly number[];
  readonly users: Readonly<Record<string, readonly number[]>>;
}
