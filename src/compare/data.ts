// What a finished comparison holds: per-record columns for every variant, read by each metric.
import type { Resolution } from '../engine/index.ts';
import type { Interner } from './columns.ts';
import type { Variant } from './types.ts';

/** Resolved-key codes that are not ids: a profile update, a rejected event (LIM-1), an event with no id (LIM-2). */
export const NOT_EVENT = -1;
export const REJECTED = -2;
export const NO_ONE = -3;

/** One variant's answer per record. */
export interface VariantColumns {
  /** Per record: an index into `resolved` (the resolved distinct_id), or NOT_EVENT / REJECTED / NO_ONE. */
  readonly keys: Int32Array;
  /** Per record: 1 when the record is an identity request the variant refused. */
  readonly failed: Uint8Array;
}

/** What a finished builder hands over: everything the metrics read. */
export interface ComparisonData {
  readonly variants: readonly Variant[];
  readonly resolutions: readonly Resolution[];
  /** Every resolved distinct_id of every variant, interned once. */
  readonly resolved: Interner;
  readonly columns: readonly VariantColumns[];
  readonly names: readonly string[];
  /** Per record: index into `names`, or NOT_EVENT for a profile update. */
  readonly nameIds: Int32Array;
  /** Per record: event time in seconds (carried forward from the previous record when missing). */
  readonly times: Float64Array;
  /** Records that had no time of their own: they count in funnels (at the carried time) but not per day. */
  readonly untimed: ReadonlySet<number>;
  readonly ids: IdKinds;
}

/** What the stream itself says about its ids. */
export interface IdKinds {
  /** Ids sent as `$user_id`, `$identified_id` or `alias`. */
  readonly users: ReadonlySet<string>;
  /** Ids sent as `$device_id`, `$anon_id` or `$anon_distinct_id`. */
  readonly anonymous: ReadonlySet<string>;
}
