// The scanner's vocabulary: what a scan of one event line yields, or why the line was refused.

/** Property keys whose values pass 1 needs, read at the top level of "properties". */
export const IDENTITY_KEYS = [
  'distinct_id',
  '$device_id',
  '$user_id',
  '$insert_id',
  'time',
  '$identified_id',
  '$anon_id',
  '$anon_distinct_id',
  'alias',
  '$distinct_ids',
] as const;
/** One of the identity keys a scan picks out of properties. */
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

/** A line that is valid JSON holding one event-shaped object, with what identity resolution and rewriting need. */
export interface ScannedEvent {
  readonly ok: true;
  /** Top-level "event" value when it is a string. */
  readonly event: string | undefined;
  /** Top-level "channel" value when it is a string. */
  readonly channel: string | undefined;
  /** The raw JSON text of a top-level "channel" of any type (so `7` or `null` can be refused, not ignored). */
  readonly channelJson: string | undefined;
  /** Top-level "$distinct_id" present (a profile update, not an event). */
  readonly hasProfileDistinctId: boolean;
  /**
   * The decoded JSON values of the identity keys found at the top level of "properties" (last occurrence wins,
   * like JSON.parse). Values are what JSON.parse would give (strings unescaped, numbers as numbers, arrays as
   * arrays, null as null).
   */
  readonly identity: Partial<Record<IdentityKey, unknown>>;
  /** Index in the text of the '{' that opens "properties" (-1 when there is no "properties" object). */
  readonly propertiesOpen: number;
  /** Index in the text of the '}' that closes "properties" (-1 when there is no "properties" object). */
  readonly propertiesClose: number;
  /** [start, end) of the raw value text of the last top-level "distinct_id" in properties, or undefined. */
  readonly distinctIdSpan: readonly [number, number] | undefined;
  /** True when "properties" has no keys (so surgery must not add a leading comma). */
  readonly propertiesEmpty: boolean;
  /** Index of the '}' that closes the event object itself (where a missing "properties" is added). */
  readonly objectClose: number;
  /** True when the event object has no keys at all. */
  readonly objectEmpty: boolean;
  /** The scanned range [start, end) of the text, surrounding whitespace included; rewriteEvent keeps it whole. */
  readonly start: number;
  readonly end: number;
}

/** Why a line was refused: a sentence for the user, and the 1-based column (in characters) it points at. */
export interface ScanFailure {
  readonly ok: false;
  readonly reason: string;
  readonly column: number;
}
