// The fast path of an NDJSON import (issue #14): a plain Mixpanel event line read from its UTF-8 bytes, without
// decoding the line, parsing it into objects, or even making strings of its ids (the caller interns them by their
// bytes, see ByteIds). Measured in Node on the 1M-event bench file: scanning and interning the ids of every line
// this way takes about half the time of decoding the text, JSON.parse per line and interning the parsed strings.
//
// Invariant: scanPlainEvent accepts a line only when the line is valid JSON that the importer's full path
// (TextDecoder, JSON.parse, normaliseMixpanel, checkEventFields) loads as an event with the same name, no channel,
// and the same distinct_id, `$device_id`, `$user_id`, `$insert_id` and `time`, and whose other fields nothing in
// identity resolution reads. Anything else — bytes outside ASCII, a carriage return, an escape in a key or a kept
// value, a duplicate kept field, a top-level key besides "event" and "properties", an identity event (O-6, O-10,
// O-13), an export's marks (G-6), an empty or non-string id, a time that is not a number in range, nesting deeper than
// MAX_PLAIN_DEPTH — is declined, and the caller gives the line to the full path, which words any problem as before.
import { BLOCKED_IDS, IDENTITY_EVENT_NAMES, readEventTime } from '../../engine/index.ts';

/** Latest time the importer accepts (fields.ts): 9999-12-31T23:59:59Z. */
const LATEST_TIME = 253_402_300_799;
/** Nesting the fast path follows inside a property value; deeper values take the full path. */
const MAX_PLAIN_DEPTH = 64;
const DECLINE = -1;

const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const ASCII_END = 0x80;

/** The kept fields, by slot. */
export const PlainField = { Distinct: 0, Device: 1, User: 2, Insert: 3, Time: 4 } as const;
const FULL_PATH = -2;
const SKIP = -1;

/** Keys the fast path acts on, as bytes, by length: kept fields (their slot) and keys that need the full path. */
const KEYS_BY_LENGTH: (readonly (readonly [Uint8Array, number])[])[] = buildKeyTable([
  ['distinct_id', PlainField.Distinct],
  ['$device_id', PlainField.Device],
  ['$user_id', PlainField.User],
  ['$insert_id', PlainField.Insert],
  ['time', PlainField.Time],
  // An identity event's own fields (the engine and the linter read them) and an export's marks (G-6).
  ['$identified_id', FULL_PATH],
  ['$anon_id', FULL_PATH],
  ['$anon_distinct_id', FULL_PATH],
  ['alias', FULL_PATH],
  ['$distinct_ids', FULL_PATH],
  ['mp_processing_time_ms', FULL_PATH],
  ['$distinct_id_before_identity', FULL_PATH],
]);

function buildKeyTable(keys: readonly (readonly [string, number])[]): (readonly [Uint8Array, number])[][] {
  const table: (readonly [Uint8Array, number])[][] = [];
  for (const [key, action] of keys) (table[key.length] ??= []).push([asciiBytes(key), action]);
  return table;
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

const IDENTITY_NAMES = [...IDENTITY_EVENT_NAMES].map(asciiBytes);
/** First characters (lower-cased) of LIM-1's blocked values: an `$insert_id` starting otherwise is not blocked. */
const BLOCKED_FIRSTS = new Set([...BLOCKED_IDS].map((id) => id.charCodeAt(0)));
const DEVICE_PREFIX = asciiBytes('$device:');

/** One line's fields: byte ranges of the strings (start = -1 when absent) and their hashes, and the time. */
export class PlainEvent {
  nameStart = 0;
  nameEnd = 0;
  nameHash = 0;
  readonly starts = new Int32Array(4);
  readonly ends = new Int32Array(4);
  readonly hashes = new Int32Array(4);
  time = Number.NaN;
  /** Kept fields seen (bit per slot). */
  seen = 0;

  reset(): void {
    this.starts.fill(-1);
    this.time = Number.NaN;
    this.seen = 0;
  }

  has(slot: number): boolean {
    return this.starts[slot] !== -1;
  }
}

/** The hash of the last string plainStringEnd read (FNV-1a over its bytes). */
let lastHash = 0;

/** The hash (hashBytes, FNV-1a) of the string the last plainStringEnd call read. */
export function lastStringHash(): number {
  return lastHash;
}

export function skipWs(b: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = b[pos];
    if (c !== SPACE && c !== TAB) return pos;
    pos++;
  }
  return pos;
}

/** Bytes a string holds as they are: printable ASCII (DEL included) but the quote and the backslash (1), else 0. */
const PLAIN_CHAR = new Uint8Array(256);
for (let c = SPACE; c < ASCII_END; c++) PLAIN_CHAR[c] = c === QUOTE || c === BACKSLASH ? 0 : 1;

/**
 * plainStringEnd without the hash, for keys: one table look-up a byte (measured on the bench file's keys, cheaper
 * than hashing and three comparisons).
 */
export function plainKeyEnd(b: Uint8Array, pos: number, end: number): number {
  for (pos++; pos < end; pos++) {
    const c = b[pos]!;
    if (PLAIN_CHAR[c] === 0) return c === QUOTE ? pos : DECLINE;
  }
  return DECLINE;
}

/** `pos` at an opening quote: the index of the closing quote of an ASCII string without escapes, else DECLINE. */
export function plainStringEnd(b: Uint8Array, pos: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (pos++; pos < end; pos++) {
    const c = b[pos]!;
    if (c === QUOTE) {
      lastHash = hash;
      return pos;
    }
    if (c === BACKSLASH || c < SPACE || c >= ASCII_END) return DECLINE;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return DECLINE;
}

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** `pos` at an opening quote: the index after a valid JSON string of ASCII characters (escapes allowed). */
export function skipString(b: Uint8Array, pos: number, end: number): number {
  for (pos++; pos < end; pos++) {
    const c = b[pos]!;
    if (PLAIN_CHAR[c] === 1) continue;
    if (c === QUOTE) return pos + 1;
    if (c !== BACKSLASH) return DECLINE;
    const e = b[++pos];
    if (e === 0x75) {
      for (let k = 1; k <= 4; k++) if (!isHex(b[pos + k] ?? 0)) return DECLINE;
      pos += 4;
    } else if (!isSimpleEscape(e)) return DECLINE;
  }
  return DECLINE;
}

/** `"` `\` `/` b f n r t: JSON's one-letter escapes. */
function isSimpleEscape(e: number | undefined): boolean {
  return (
    e === QUOTE ||
    e === BACKSLASH ||
    e === 0x2f ||
    e === 0x62 ||
    e === 0x66 ||
    e === 0x6e ||
    e === 0x72 ||
    e === 0x74
  );
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

function skipDigits(b: Uint8Array, pos: number, end: number): number {
  while (pos < end && isDigit(b[pos])) pos++;
  return pos;
}

/** The index after a JSON number at `pos`, or DECLINE (JSON's grammar: no leading zeros, no "+", digits after "."). */
export function skipNumber(b: Uint8Array, pos: number, end: number): number {
  if (b[pos] === MINUS) pos++;
  const first = b[pos];
  if (first === ZERO) pos++;
  else if (isDigit(first)) pos = skipDigits(b, pos + 1, end);
  else return DECLINE;
  if (pos < end && b[pos] === DOT) {
    if (!isDigit(b[pos + 1])) return DECLINE;
    pos = skipDigits(b, pos + 2, end);
  }
  const e = pos < end ? b[pos] : undefined;
  if (e !== 0x65 && e !== 0x45) return pos;
  pos++;
  if (b[pos] === PLUS || b[pos] === MINUS) pos++;
  return pos < end && isDigit(b[pos]) ? skipDigits(b, pos + 1, end) : DECLINE;
}

function skipLiteral(b: Uint8Array, pos: number, end: number, literal: Uint8Array): number {
  if (pos + literal.length > end) return DECLINE;
  for (let k = 0; k < literal.length; k++) if (b[pos + k] !== literal[k]) return DECLINE;
  return pos + literal.length;
}

const TRUE = asciiBytes('true');
const FALSE = asciiBytes('false');
const NULL = asciiBytes('null');

/** The index after the JSON value at `pos` (after whitespace), or DECLINE. */
export function skipValue(b: Uint8Array, pos: number, end: number, depth: number): number {
  pos = skipWs(b, pos, end);
  const c = b[pos];
  if (c === QUOTE) return skipString(b, pos, end);
  if (c === OPEN_BRACE) return depth >= MAX_PLAIN_DEPTH ? DECLINE : skipObject(b, pos, end, depth + 1);
  if (c === OPEN_BRACKET) return depth >= MAX_PLAIN_DEPTH ? DECLINE : skipArray(b, pos, end, depth + 1);
  if (c === 0x74) return skipLiteral(b, pos, end, TRUE);
  if (c === 0x66) return skipLiteral(b, pos, end, FALSE);
  if (c === 0x6e) return skipLiteral(b, pos, end, NULL);
  return skipNumber(b, pos, end);
}

function skipObject(b: Uint8Array, pos: number, end: number, depth: number): number {
  pos = skipWs(b, pos + 1, end);
  if (b[pos] === CLOSE_BRACE) return pos + 1;
  for (;;) {
    if (b[pos] !== QUOTE) return DECLINE;
    pos = skipString(b, pos, end);
    if (pos === DECLINE) return DECLINE;
    pos = skipWs(b, pos, end);
    if (b[pos] !== COLON) return DECLINE;
    pos = skipValue(b, pos + 1, end, depth);
    if (pos === DECLINE) return DECLINE;
    pos = skipWs(b, pos, end);
    const next = b[pos];
    if (next === CLOSE_BRACE) return pos + 1;
    if (next !== COMMA) return DECLINE;
    pos = skipWs(b, pos + 1, end);
  }
}

function skipArray(b: Uint8Array, pos: number, end: number, depth: number): number {
  pos = skipWs(b, pos + 1, end);
  if (b[pos] === CLOSE_BRACKET) return pos + 1;
  for (;;) {
    pos = skipValue(b, pos, end, depth);
    if (pos === DECLINE) return DECLINE;
    pos = skipWs(b, pos, end);
    const next = b[pos];
    if (next === CLOSE_BRACKET) return pos + 1;
    if (next !== COMMA) return DECLINE;
    pos++;
  }
}

/** What to do with the property key between `start` and `end`: its kept slot, SKIP, or FULL_PATH. */
function keyAction(b: Uint8Array, start: number, end: number): number {
  const candidates = KEYS_BY_LENGTH[end - start];
  if (candidates === undefined) return SKIP;
  for (const [key, action] of candidates) if (sameBytes(b, start, key)) return action;
  return SKIP;
}

export function sameBytes(b: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let k = 0; k < expected.length; k++) if (b[at + k] !== expected[k]) return false;
  return true;
}

/** A number's value from its bytes: integers of up to 15 digits exactly in place, others as Number() reads them. */
export function numberAt(b: Uint8Array, start: number, end: number): number {
  if (end - start <= 15) {
    let value = 0;
    let k = start;
    for (; k < end && isDigit(b[k]); k++) value = value * 10 + (b[k]! - ZERO);
    if (k === end) return value;
  }
  return Number(String.fromCharCode(...b.subarray(start, end)));
}

function readKept(b: Uint8Array, pos: number, end: number, slot: number, out: PlainEvent): number {
  const bit = 1 << slot;
  if ((out.seen & bit) !== 0) return DECLINE; // JSON.parse keeps the last of two: the full path decides
  out.seen |= bit;
  if (slot === PlainField.Time) {
    const after = skipNumber(b, pos, end);
    if (after !== DECLINE) out.time = numberAt(b, pos, after);
    return after;
  }
  if (b[pos] !== QUOTE) return DECLINE; // a number, null or other value: the full path words or converts it
  const close = plainStringEnd(b, pos, end);
  if (close === DECLINE || close === pos + 1) return DECLINE; // an empty id: the full path's rules
  out.starts[slot] = pos + 1;
  out.ends[slot] = close;
  out.hashes[slot] = lastHash;
  return close + 1;
}

function readProperties(b: Uint8Array, pos: number, end: number, out: PlainEvent): number {
  pos = skipWs(b, pos + 1, end);
  if (b[pos] === CLOSE_BRACE) return pos + 1;
  for (;;) {
    if (b[pos] !== QUOTE) return DECLINE;
    const keyEnd = plainStringEnd(b, pos, end);
    if (keyEnd === DECLINE) return DECLINE;
    const action = keyAction(b, pos + 1, keyEnd);
    if (action === FULL_PATH) return DECLINE;
    pos = skipWs(b, keyEnd + 1, end);
    if (b[pos] !== COLON) return DECLINE;
    pos = skipWs(b, pos + 1, end);
    pos = action === SKIP ? skipValue(b, pos, end, 1) : readKept(b, pos, end, action, out);
    if (pos === DECLINE) return DECLINE;
    pos = skipWs(b, pos, end);
    const next = b[pos];
    if (next === CLOSE_BRACE) return pos + 1;
    if (next !== COMMA) return DECLINE;
    pos = skipWs(b, pos + 1, end);
  }
}

const EVENT_KEY = asciiBytes('event');
const PROPERTIES_KEY = asciiBytes('properties');

/** Reads the top-level object's "event" and "properties" members; false when the line is not plain. */
function readTopLevel(b: Uint8Array, start: number, end: number, out: PlainEvent): boolean {
  let pos = skipWs(b, start, end);
  if (b[pos] !== OPEN_BRACE) return false;
  let hasName = false;
  let hasProperties = false;
  pos = skipWs(b, pos + 1, end);
  for (;;) {
    if (b[pos] !== QUOTE) return false;
    const keyEnd = plainStringEnd(b, pos, end);
    if (keyEnd === DECLINE) return false;
    const length = keyEnd - pos - 1;
    const isName = length === 5 && sameBytes(b, pos + 1, EVENT_KEY);
    const isProperties = length === 10 && sameBytes(b, pos + 1, PROPERTIES_KEY);
    pos = skipWs(b, keyEnd + 1, end);
    if (b[pos] !== COLON) return false;
    pos = skipWs(b, pos + 1, end);
    if (isName && !hasName) {
      hasName = true;
      if (b[pos] !== QUOTE) return false;
      const close = plainStringEnd(b, pos, end);
      if (close === DECLINE || close === pos + 1) return false;
      out.nameStart = pos + 1;
      out.nameEnd = close;
      out.nameHash = lastHash;
      pos = close + 1;
    } else if (isProperties && !hasProperties) {
      hasProperties = true;
      if (b[pos] !== OPEN_BRACE) return false;
      pos = readProperties(b, pos, end, out);
      if (pos === DECLINE) return false;
    } else return false; // "channel", another key, or a repeated one
    pos = skipWs(b, pos, end);
    if (b[pos] === CLOSE_BRACE) return hasName && skipWs(b, pos + 1, end) === end;
    if (b[pos] !== COMMA) return false;
    pos = skipWs(b, pos + 1, end);
  }
}

function rangeEquals(b: Uint8Array, start: number, end: number, expected: Uint8Array, at = 0): boolean {
  if (end - start !== expected.length - at) return false;
  for (let k = start; k < end; k++) if (b[k] !== expected[at + k - start]) return false;
  return true;
}

function rangesEqual(b: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (b[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/** G-6: an anonymous event whose distinct_id is neither its device id nor that id's `$device:` key (an export). */
function looksRewritten(b: Uint8Array, out: PlainEvent): boolean {
  if (!out.has(PlainField.Device) || !out.has(PlainField.Distinct) || out.has(PlainField.User)) return false;
  const [ds, de, vs, ve] = [out.starts[0]!, out.ends[0]!, out.starts[1]!, out.ends[1]!];
  if (rangesEqual(b, ds, de, vs, ve)) return false;
  const prefixed =
    de - ds === ve - vs + DEVICE_PREFIX.length &&
    sameBytes(b, ds, DEVICE_PREFIX) &&
    rangesEqual(b, ds + DEVICE_PREFIX.length, de, vs, ve);
  return !prefixed;
}

/** A time the importer accepts as it is (fields.ts checkTime): seconds or milliseconds from 1970 to 9999. */
export function isPlainTime(time: number): boolean {
  if (Number.isNaN(time)) return true; // no time
  const seconds = readEventTime(time);
  return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 && seconds <= LATEST_TIME;
}

/** An `$insert_id` that could be on LIM-1's list (any letter case) needs the full path, which keeps it (Q-12). */
function mayBeBlocked(b: Uint8Array, out: PlainEvent): boolean {
  if (!out.has(PlainField.Insert)) return false;
  const first = b[out.starts[PlainField.Insert]!]!;
  return BLOCKED_FIRSTS.has(first >= 0x41 && first <= 0x5a ? first | 0x20 : first);
}

/**
 * Reads the line `b[start, end)` (no line terminator) into `out` when it is a plain event (see the invariant at the
 * top); returns false otherwise, and the caller gives the line to the full path.
 */
export function scanPlainEvent(b: Uint8Array, start: number, end: number, out: PlainEvent): boolean {
  out.reset();
  if (!readTopLevel(b, start, end, out)) return false;
  for (const name of IDENTITY_NAMES) if (rangeEquals(b, out.nameStart, out.nameEnd, name)) return false;
  return !looksRewritten(b, out) && isPlainTime(out.time) && !mayBeBlocked(b, out);
}
