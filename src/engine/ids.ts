// Id values as Mixpanel compares them: strings, byte for byte (G-9), numbers as their decimal text (DECISIONS.md).

/** The prefix Simplified puts on a `$device_id` to make its distinct_id (S-2). */
export const DEVICE_PREFIX = '$device:';

/**
 * The id text of a property value, or undefined when it carries no id. Numbers and booleans compare as their text
 * (`42` and `"42"` are one id); arrays and objects as their JSON, so `[]` and `{}` meet LIM-1's list.
 */
export function toIdText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? undefined : JSON.stringify(value);
    default:
      return undefined;
  }
}

/** Like toIdText, but an empty string counts as absent (Q-11, for `$device_id` / `$user_id`). */
export function toPresentIdText(value: unknown): string | undefined {
  const text = toIdText(value);
  return text === '' ? undefined : text;
}

/** Whether an id is a `$device:` key (S-2), i.e. an anonymous device under Simplified. */
export function isDeviceKey(id: string): boolean {
  return id.startsWith(DEVICE_PREFIX);
}

/** The raw device id inside a `$device:` key. */
export function deviceOfKey(key: string): string {
  return key.slice(DEVICE_PREFIX.length);
}

/** LIM-1: values the import API refuses as distinct_id and `$insert_id`. */
export const BLOCKED_IDS: ReadonlySet<string> = new Set([
  '00000000-0000-0000-0000-000000000000',
  'anon',
  'anonymous',
  'nil',
  'none',
  'null',
  'n/a',
  'na',
  'undefined',
  'unknown',
  '<nil>',
  '0',
  '-1',
  'true',
  'false',
  '[]',
  '{}',
]);

/** The first characters of the blocked values, as lower-case ASCII codes. */
const BLOCKED_FIRST_CODES: ReadonlySet<number> = new Set([...BLOCKED_IDS].map((id) => id.charCodeAt(0)));

/**
 * Whether an id can be ruled out by its first character alone: an ASCII first character that, lower-cased, starts
 * no blocked value. Every event's `$insert_id` is checked (LIM-1), and lower-casing a million of them only to miss
 * the list cost a quarter second of an import (issue #14). A non-ASCII first character is left to the full check.
 */
function ruledOutByFirst(id: string): boolean {
  const first = id.charCodeAt(0);
  if (first >= 0x80) return false;
  const lower = first >= 0x41 && first <= 0x5a ? first | 0x20 : first;
  return !BLOCKED_FIRST_CODES.has(lower);
}

/** exact match by default; the list itself is all lower case, so lower-casing implements the option. */
export function isBlockedId(id: string, match: 'exact' | 'case-insensitive'): boolean {
  if (id === '' || ruledOutByFirst(id)) return false; // '' is not on the list (it is LIM-2's, handled apart)
  return BLOCKED_IDS.has(match === 'exact' ? id : id.toLowerCase());
}

/** O-8 / Q-3: the official PHP SDK's check, five alphanumeric groups with an optional `$device:` prefix. */
const PHP_GUID = /^(\$device:)?[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*$/;
/** Q-3 option: a strict RFC 4122 version-4 UUID, optionally `$device:`-prefixed. */
const STRICT_V4 = /^(\$device:)?[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** O-8 / Q-3: whether `$anon_id` passes Original's GUID check under the chosen pattern (or `off`). */
export function passesGuidCheck(id: string, check: 'php' | 'strict-v4' | 'off'): boolean {
  if (check === 'off') return true;
  return (check === 'php' ? PHP_GUID : STRICT_V4).test(id);
}

/** UUID- or GUID-shaped ids read as anonymous; used to tell user ids from device ids on Original. */
export function looksAnonymous(id: string): boolean {
  return isDeviceKey(id) || PHP_GUID.test(id);
}
