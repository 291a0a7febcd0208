// `idmerge resolve`'s pass 1 on bytes (issue #14): an ordinary NDJSON event line read straight from its UTF-8
// bytes, without decoding it into a string or building any object. It gives what the text path (scanEvent, then the
// CLI's line checks) gives for the same line: the event name, the channel, the identity values (strings as byte
// ranges with their hashes, for ByteIds; numbers as numbers) and where pass 2 splices the resolved id.
//
// Invariant: scanEventBytes accepts a line only when the line is ASCII, valid JSON, and the text path loads it as an
// event with the same name, channel and identity values and no problem or note: a top-level object whose keys are
// "event" (a non-empty string), "properties" (an object) and at most "channel" ("track" or "import"), each once;
// identity keys (IDENTITY_KEYS) at the top of "properties" at most once each, spelled without escapes, with a
// string value without escapes or a number, and a time the importer accepts as it is (fields.ts checkTime). Anything
// else is declined and the caller gives the line to the text path, which words any problem exactly as before.
import { BLOCKED_IDS } from '../../engine/index.ts';
import { IDENTITY_KEYS } from './types.ts';
import {
  asciiBytes,
  isPlainTime,
  lastStringHash,
  numberAt,
  plainKeyEnd,
  plainStringEnd,
  sameBytes,
  skipNumber,
  skipString,
  skipValue,
  skipWs,
} from './plainBytes.ts';

// Character codes, as in lexer.ts: each scanner keeps its own, so its hot loops read them as this module's
// constants (the CLI's bundle puts the byte scanners in the worker's file, apart from the lexer's chunk; importing
// them ran slower on the 1M file in 5 of 6 alternating runs, ~3 %).
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DECLINE = -1;
const NOT_IDENTITY = -1;
const TIME = IDENTITY_KEYS.indexOf('time');

/** First characters (lower-cased) of LIM-1's blocked values. */
const BLOCKED_FIRSTS = new Set([...BLOCKED_IDS].map((id) => id.charCodeAt(0)));

/**
 * Whether the engine could find the ASCII id in `b[start, end)` on LIM-1's list (in either Q-12 match mode): false
 * when it is empty or its first character, lower-cased, starts no blocked value, which is the engine's own first
 * test (engine/ids.ts isBlockedId). An `$insert_id` is read by the engine for that check only (ledger.ts), so one that
 * cannot be blocked need not be made into a string at all (the browser's event store keeps only blocked ones too).
 */
export function mayBeBlockedId(b: Uint8Array, start: number, end: number): boolean {
  if (end === start) return false;
  const first = b[start]!;
  return BLOCKED_FIRSTS.has(first >= 0x41 && first <= 0x5a ? first | 0x20 : first);
}

/** The channel of an event line: none, or the one the line names. */
export const ByteChannel = { None: 0, Track: 1, Import: 2 } as const;

/** Identity keys as bytes, by number (their index in IDENTITY_KEYS). */
const KEY_BYTES = IDENTITY_KEYS.map(asciiBytes);
/** By length: the first and second identity key of that length (at most two share one), or NOT_IDENTITY. */
const LONGEST_KEY = Math.max(...IDENTITY_KEYS.map((key) => key.length));
const FIRST_OF_LENGTH = new Int32Array(LONGEST_KEY + 1).fill(NOT_IDENTITY);
const SECOND_OF_LENGTH = new Int32Array(LONGEST_KEY + 1).fill(NOT_IDENTITY);
IDENTITY_KEYS.forEach(({ length }, number) => {
  if (FIRST_OF_LENGTH[length] === NOT_IDENTITY) FIRST_OF_LENGTH[length] = number;
  else SECOND_OF_LENGTH[length] = number;
});

const EVENT_KEY = asciiBytes('event');
const PROPERTIES_KEY = asciiBytes('properties');
const CHANNEL_KEY = asciiBytes('channel');
const TRACK = asciiBytes('track');
const IMPORT = asciiBytes('import');

/**
 * One event line as scanEventBytes read it. Offsets are indexes into the bytes scanned; a value's range is its raw
 * JSON text (a string's quotes included), so a string's own bytes are [start + 1, end - 1).
 */
export class EventBytes {
  nameStart = 0;
  nameEnd = 0;
  nameHash = 0;
  channel: number = ByteChannel.None;
  /** Identity keys present: bit k for IDENTITY_KEYS[k]. */
  present = 0;
  /** Of the identity keys present, those whose value is a string (bit k); the others are numbers. */
  strings = 0;
  readonly valueStarts = new Int32Array(IDENTITY_KEYS.length);
  readonly valueEnds = new Int32Array(IDENTITY_KEYS.length);
  /** A string value's hash (hashBytes over its own bytes). */
  readonly hashes = new Int32Array(IDENTITY_KEYS.length);
  /** A number value, as JSON.parse reads it. */
  readonly numbers = new Float64Array(IDENTITY_KEYS.length);
  /** The '}' that closes "properties". */
  propertiesClose = 0;
  propertiesEmpty = false;

  reset(): void {
    this.present = 0;
    this.strings = 0;
    this.channel = ByteChannel.None;
  }

  has(key: number): boolean {
    return (this.present & (1 << key)) !== 0;
  }

  isString(key: number): boolean {
    return (this.strings & (1 << key)) !== 0;
  }
}

function identityKeyAt(b: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length > LONGEST_KEY) return NOT_IDENTITY;
  const first = FIRST_OF_LENGTH[length]!;
  if (first === NOT_IDENTITY || sameBytes(b, start, KEY_BYTES[first]!)) return first;
  const second = SECOND_OF_LENGTH[length]!;
  return second !== NOT_IDENTITY && sameBytes(b, start, KEY_BYTES[second]!) ? second : NOT_IDENTITY;
}

function isKey(b: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  return end - start === key.length && sameBytes(b, start, key);
}

/** Reads the value of identity key `key` at `pos`; the index after it, or DECLINE. */
function readIdentity(b: Uint8Array, pos: number, end: number, key: number, out: EventBytes): number {
  const bit = 1 << key;
  if ((out.present & bit) !== 0) return DECLINE; // JSON.parse keeps the last of two: the text path decides
  out.present |= bit;
  out.valueStarts[key] = pos;
  if (b[pos] === QUOTE) {
    if (key === TIME) return DECLINE; // a time as text: the text path parses or refuses it
    const close = plainStringEnd(b, pos, end);
    if (close === DECLINE) return DECLINE;
    out.strings |= bit;
    out.hashes[key] = lastStringHash();
    out.valueEnds[key] = close + 1;
    return close + 1;
  }
  const after = skipNumber(b, pos, end); // null, booleans, arrays, objects: the text path words or keeps them
  if (after === DECLINE) return DECLINE;
  const value = numberAt(b, pos, after);
  if (key === TIME && !isPlainTime(value)) return DECLINE;
  out.numbers[key] = value;
  out.valueEnds[key] = after;
  return after;
}

/** Reads the "properties" object at `pos` (its '{'); the index after it, or DECLINE. */
function readProperties(b: Uint8Array, pos: number, end: number, out: EventBytes): number {
  pos = skipWs(b, pos + 1, end);
  out.propertiesEmpty = b[pos] === CLOSE_BRACE;
  if (out.propertiesEmpty) {
    out.propertiesClose = pos;
    return pos + 1;
  }
  for (;;) {
    if (b[pos] !== QUOTE) return DECLINE;
    const keyEnd = plainKeyEnd(b, pos, end); // a key with escapes may spell an identity key: declined
    if (keyEnd === DECLINE) return DECLINE;
    const key = identityKeyAt(b, pos + 1, keyEnd);
    pos = skipWs(b, keyEnd + 1, end);
    if (b[pos] !== COLON) return DECLINE;
    pos = skipWs(b, pos + 1, end);
    if (key !== NOT_IDENTITY) pos = readIdentity(b, pos, end, key, out);
    else pos = b[pos] === QUOTE ? skipString(b, pos, end) : skipValue(b, pos, end, 1);
    if (pos === DECLINE) return DECLINE;
    pos = skipWs(b, pos, end);
    const next = b[pos];
    if (next === CLOSE_BRACE) {
      out.propertiesClose = pos;
      return pos + 1;
    }
    if (next !== COMMA) return DECLINE;
    pos = skipWs(b, pos + 1, end);
  }
}

/** Reads a non-empty plain string at `pos`; its closing quote's index, or DECLINE. */
function plainName(b: Uint8Array, pos: number, end: number): number {
  if (b[pos] !== QUOTE) return DECLINE;
  const close = plainStringEnd(b, pos, end);
  return close === pos + 1 ? DECLINE : close;
}

function channelOf(b: Uint8Array, start: number, end: number): number {
  if (isKey(b, start, end, TRACK)) return ByteChannel.Track;
  return isKey(b, start, end, IMPORT) ? ByteChannel.Import : DECLINE;
}

/**
 * Reads the line `b[start, end)` (no line terminator) into `out` when it is an ordinary event line (see the
 * invariant at the top); false otherwise, and the caller gives the line to the text path.
 */
export function scanEventBytes(b: Uint8Array, start: number, end: number, out: EventBytes): boolean {
  out.reset();
  let pos = skipWs(b, start, end);
  if (b[pos] !== OPEN_BRACE) return false;
  let seen = 0; // 1: event, 2: properties, 4: channel
  pos = skipWs(b, pos + 1, end);
  for (;;) {
    if (b[pos] !== QUOTE) return false;
    const keyEnd = plainKeyEnd(b, pos, end);
    if (keyEnd === DECLINE) return false;
    const keyStart = pos + 1;
    pos = skipWs(b, keyEnd + 1, end);
    if (b[pos] !== COLON) return false;
    pos = skipWs(b, pos + 1, end);
    if (isKey(b, keyStart, keyEnd, EVENT_KEY) && (seen & 1) === 0) {
      seen |= 1;
      const close = plainName(b, pos, end);
      if (close === DECLINE) return false;
      out.nameStart = pos + 1;
      out.nameEnd = close;
      out.nameHash = lastStringHash();
      pos = close + 1;
    } else if (isKey(b, keyStart, keyEnd, PROPERTIES_KEY) && (seen & 2) === 0) {
      seen |= 2;
      if (b[pos] !== OPEN_BRACE) return false;
      pos = readProperties(b, pos, end, out);
      if (pos === DECLINE) return false;
    } else if (isKey(b, keyStart, keyEnd, CHANNEL_KEY) && (seen & 4) === 0) {
      seen |= 4;
      const close = plainName(b, pos, end);
      if (close === DECLINE) return false;
      out.channel = channelOf(b, pos + 1, close);
      if (out.channel === DECLINE) return false;
      pos = close + 1;
    } else return false; // a profile update's "$distinct_id", another key, or a repeated one
    pos = skipWs(b, pos, end);
    if (b[pos] === CLOSE_BRACE) return (seen & 3) === 3 && skipWs(b, pos + 1, end) === end;
    if (b[pos] !== COMMA) return false;
    pos = skipWs(b, pos + 1, end);
  }
}
