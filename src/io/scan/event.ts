// Invariant: scanEvent accepts exactly the texts JSON.parse accepts (then checks the event shape), reads the
// range once, and allocates only its result and the values it returns.
import { describeValueKind, emptyFailure, lexerFailure, shapeFailure } from './failure.ts';
import {
  Expect,
  FAILED,
  escapeCount,
  failAt,
  isWs,
  skipColon,
  skipPropertyRun,
  skipString,
  skipValue,
  skipWs,
} from './lexer.ts';
import type { IdentityKey, ScanFailure, ScannedEvent } from './types.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

type Scan = { -readonly [K in keyof ScannedEvent]: ScannedEvent[K] };

// The top-level keys the scan acts on; every other key's value is only validated.
const OTHER = 0;
const EVENT = 1;
const CHANNEL = 2;
const PROPERTIES = 3;
const PROFILE_DISTINCT_ID = 4;
type TopKey = typeof OTHER | typeof EVENT | typeof CHANNEL | typeof PROPERTIES | typeof PROFILE_DISTINCT_ID;

/**
 * Scans text[start, end) (default: the whole string), which must hold exactly one JSON value (surrounding
 * whitespace allowed): an object whose "properties", when present, is an object. Fails exactly when JSON.parse
 * would throw (reason "not valid JSON: ...") or when the shape is wrong; a missing event name is not a failure.
 */
export function scanEvent(text: string, start = 0, end = text.length): ScannedEvent | ScanFailure {
  const first = skipWs(text, start, end);
  if (first >= end) return emptyFailure();
  if (text.charCodeAt(first) !== OPEN_BRACE) return refuseNonObject(text, start, first, end);
  const scan = newScan(start, end);
  // Where the last "properties" value starts when it is not an object: reported only once the whole line is
  // known to be valid JSON, so a broken line always says "not valid JSON" first.
  let badProperties = -1;
  let pos = skipWs(text, first + 1, end);
  if (pos < end && text.charCodeAt(pos) === CLOSE_BRACE) {
    scan.objectEmpty = true;
  } else {
    // The top-level members: the loop is the object grammar, the switch picks what to keep.
    for (;;) {
      if (pos >= end || text.charCodeAt(pos) !== QUOTE) return invalidAt(text, start, pos, end, Expect.Key);
      // A key spelled exactly like a known one is valid as it stands; any other is checked (and decoded when
      // it has escapes, as "\u0065vent" is "event").
      const close = text.indexOf('"', pos + 1);
      let key = close >= 0 && close < end ? topKeyAt(text, pos + 1, close) : OTHER;
      let keyEnd = close + 1;
      if (key === OTHER) {
        const escapesBefore = escapeCount();
        keyEnd = skipString(text, pos, end);
        if (keyEnd < 0) return lexerFailure(text, start);
        if (escapeCount() !== escapesBefore) key = topKeyOf(text, pos, keyEnd);
      }
      const valueStart = skipColon(text, keyEnd, end);
      if (valueStart < 0) return lexerFailure(text, start);
      const valueEscapes = escapeCount();
      if (key === EVENT || key === CHANNEL) {
        pos = skipStringOrValue(text, valueStart, end);
        if (pos < 0) return lexerFailure(text, start);
        const value = stringValue(text, valueStart, pos, escapeCount() === valueEscapes);
        if (key === EVENT) scan.event = value;
        else scan.channel = value;
      } else if (key !== PROPERTIES) {
        pos = skipValue(text, valueStart, end);
        if (key === PROFILE_DISTINCT_ID) scan.hasProfileDistinctId = true;
      } else if (valueStart < end && text.charCodeAt(valueStart) === OPEN_BRACE) {
        pos = scanProperties(text, valueStart, end, scan);
        badProperties = -1;
      } else {
        pos = skipValue(text, valueStart, end);
        badProperties = valueStart;
        forgetProperties(scan);
      }
      if (pos < 0) return lexerFailure(text, start);
      let c = pos < end ? text.charCodeAt(pos) : -1;
      if (isWs(c)) {
        pos = skipWs(text, pos + 1, end);
        c = pos < end ? text.charCodeAt(pos) : -1;
      }
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) return invalidAt(text, start, pos, end, Expect.CommaOrBrace);
      pos = skipWs(text, pos + 1, end);
    }
  }
  scan.objectClose = pos;
  const after = skipWs(text, pos + 1, end);
  if (after < end) return invalidAt(text, start, after, end, Expect.End);
  if (badProperties >= 0) {
    const reason = `the value of "properties" is not an object (got ${describeValueKind(text, badProperties)})`;
    return shapeFailure(reason, text, start, badProperties);
  }
  return scan;
}

function newScan(start: number, end: number): Scan {
  return {
    ok: true,
    event: undefined,
    channel: undefined,
    hasProfileDistinctId: false,
    identity: {},
    propertiesOpen: -1,
    propertiesClose: -1,
    distinctIdSpan: undefined,
    propertiesEmpty: false,
    objectClose: -1,
    objectEmpty: false,
    start,
    end,
  };
}

/** A later "properties" that is not an object replaces an earlier object, as in JSON.parse. */
function forgetProperties(scan: Scan): void {
  scan.identity = {};
  scan.propertiesOpen = -1;
  scan.propertiesClose = -1;
  scan.distinctIdSpan = undefined;
  scan.propertiesEmpty = false;
}

function invalidAt(text: string, start: number, pos: number, end: number, expect: Expect): ScanFailure {
  failAt(pos, end, expect);
  return lexerFailure(text, start);
}

/** Valid JSON that is not an object gets a shape failure; invalid text gets the JSON failure. */
function refuseNonObject(text: string, start: number, first: number, end: number): ScanFailure {
  const valueEnd = skipValue(text, first, end);
  if (valueEnd < 0) return lexerFailure(text, start);
  const after = skipWs(text, valueEnd, end);
  if (after < end) return invalidAt(text, start, after, end, Expect.End);
  return shapeFailure(`not a JSON object (got ${describeValueKind(text, first)})`, text, start, first);
}

/** Which top-level key the unescaped key text[from, to) is, without slicing it. */
function topKeyAt(text: string, from: number, to: number): TopKey {
  switch (to - from) {
    case 5:
      return text.startsWith('event', from) ? EVENT : OTHER;
    case 7:
      return text.startsWith('channel', from) ? CHANNEL : OTHER;
    case 10:
      return text.startsWith('properties', from) ? PROPERTIES : OTHER;
    case 12:
      return text.startsWith('$distinct_id', from) ? PROFILE_DISTINCT_ID : OTHER;
    default:
      return OTHER;
  }
}

/** Same for a key written with escapes ("\u0065vent" is "event" to JSON.parse): decode it, then compare. */
function topKeyOf(text: string, quote: number, keyEnd: number): TopKey {
  const key = decodeString(text, quote, keyEnd);
  return topKeyAt(key, 0, key.length);
}

/**
 * Walks the "properties" object opening at `open`, decoding the identity keys' values and recording the spans
 * rewriteEvent needs; every other value is skipped without allocating. Returns the index after its '}'.
 */
function scanProperties(text: string, open: number, end: number, scan: Scan): number {
  const identity: Partial<Record<IdentityKey, unknown>> = {};
  scan.identity = identity;
  scan.propertiesOpen = open;
  scan.distinctIdSpan = undefined;
  let pos = skipWs(text, open + 1, end);
  scan.propertiesEmpty = pos < end && text.charCodeAt(pos) === CLOSE_BRACE;
  if (scan.propertiesEmpty) {
    scan.propertiesClose = pos;
    return pos + 1;
  }
  // One loop for the whole object. Each turn first lets one native match skip the run of ordinary members
  // ahead; the body then handles the member that stopped it, usually an identity key.
  for (;;) {
    let c = pos < end ? text.charCodeAt(pos) : -1;
    if (isWs(c)) {
      pos = skipWs(text, pos + 1, end);
      c = pos < end ? text.charCodeAt(pos) : -1;
    }
    if (c !== QUOTE) return failAt(pos, end, Expect.Key);
    // A key spelled exactly like an identity key is valid as it stands. Any other key starts a run for the
    // native match; only what stops a run (or a key with escapes, which might be an identity key in disguise)
    // is handled here.
    const close = text.indexOf('"', pos + 1);
    let key = close >= 0 && close < end ? identityKeyAt(text, pos + 1, close) : NOT_IDENTITY;
    let keyEnd = close + 1;
    if (key === NOT_IDENTITY) {
      const stop = skipPropertyRun(text, pos, end);
      if (stop > pos) {
        pos = stop;
        // The run ends either before a key or on the closing '}', right after a member.
        if (text.charCodeAt(pos) !== CLOSE_BRACE) continue;
        scan.propertiesClose = pos;
        return pos + 1;
      }
      const escapesBefore = escapeCount();
      keyEnd = skipString(text, pos, end);
      if (keyEnd < 0) return FAILED;
      if (escapeCount() !== escapesBefore) key = identityKeyOf(text, pos, keyEnd);
    }
    const valueStart = skipColon(text, keyEnd, end);
    if (valueStart < 0) return FAILED;
    if (key === NOT_IDENTITY) {
      pos = skipValue(text, valueStart, end);
      if (pos < 0) return FAILED;
    } else {
      const valueEscapes = escapeCount();
      pos = skipStringOrValue(text, valueStart, end);
      if (pos < 0) return FAILED;
      setIdentity(identity, key, decodeValue(text, valueStart, pos, escapeCount() === valueEscapes));
      if (key === DISTINCT_ID) scan.distinctIdSpan = [valueStart, pos];
    }
    c = pos < end ? text.charCodeAt(pos) : -1;
    if (isWs(c)) {
      pos = skipWs(text, pos + 1, end);
      c = pos < end ? text.charCodeAt(pos) : -1;
    }
    if (c === CLOSE_BRACE) {
      scan.propertiesClose = pos;
      return pos + 1;
    }
    if (c !== COMMA) return failAt(pos, end, Expect.CommaOrBrace);
    pos = skipWs(text, pos + 1, end);
  }
}

/**
 * Skips the value at `pos` through skipString when it is a string, so that escapeCount tells whether it had
 * escapes (the value pattern of skipValue does not count them).
 */
function skipStringOrValue(text: string, pos: number, end: number): number {
  return pos < end && text.charCodeAt(pos) === QUOTE ? skipString(text, pos, end) : skipValue(text, pos, end);
}

// Identity keys as small numbers, in IDENTITY_KEYS order, so matching returns no string and storing can use a
// literal property name per key (a computed key would make every store a slow, megamorphic one).
const NOT_IDENTITY = -1;
const DISTINCT_ID = 0;
const DEVICE_ID = 1;
const USER_ID = 2;
const INSERT_ID = 3;
const TIME = 4;
const IDENTIFIED_ID = 5;
const ANON_ID = 6;
const ANON_DISTINCT_ID = 7;
const ALIAS = 8;
const DISTINCT_IDS = 9;

/** Which identity key the unescaped key text[from, to) is, if any: a length switch, then one comparison. */
function identityKeyAt(text: string, from: number, to: number): number {
  switch (to - from) {
    case 4:
      return text.startsWith('time', from) ? TIME : NOT_IDENTITY;
    case 5:
      return text.startsWith('alias', from) ? ALIAS : NOT_IDENTITY;
    case 8:
      return text.startsWith('$user_id', from)
        ? USER_ID
        : text.startsWith('$anon_id', from)
          ? ANON_ID
          : NOT_IDENTITY;
    case 10:
      return text.startsWith('$device_id', from)
        ? DEVICE_ID
        : text.startsWith('$insert_id', from)
          ? INSERT_ID
          : NOT_IDENTITY;
    case 11:
      return text.startsWith('distinct_id', from) ? DISTINCT_ID : NOT_IDENTITY;
    case 13:
      return text.startsWith('$distinct_ids', from) ? DISTINCT_IDS : NOT_IDENTITY;
    case 14:
      return text.startsWith('$identified_id', from) ? IDENTIFIED_ID : NOT_IDENTITY;
    case 17:
      return text.startsWith('$anon_distinct_id', from) ? ANON_DISTINCT_ID : NOT_IDENTITY;
    default:
      return NOT_IDENTITY;
  }
}

function identityKeyOf(text: string, quote: number, keyEnd: number): number {
  const key = decodeString(text, quote, keyEnd);
  return identityKeyAt(key, 0, key.length);
}

function setIdentity(identity: Partial<Record<IdentityKey, unknown>>, key: number, value: unknown): void {
  switch (key) {
    case DISTINCT_ID:
      identity.distinct_id = value;
      break;
    case DEVICE_ID:
      identity.$device_id = value;
      break;
    case USER_ID:
      identity.$user_id = value;
      break;
    case INSERT_ID:
      identity.$insert_id = value;
      break;
    case TIME:
      identity.time = value;
      break;
    case IDENTIFIED_ID:
      identity.$identified_id = value;
      break;
    case ANON_ID:
      identity.$anon_id = value;
      break;
    case ANON_DISTINCT_ID:
      identity.$anon_distinct_id = value;
      break;
    case ALIAS:
      identity.alias = value;
      break;
    default:
      identity.$distinct_ids = value;
  }
}

/** The escaped string token text[quote, tokenEnd), decoded by JSON.parse itself so escapes mean exactly the same. */
function decodeString(text: string, quote: number, tokenEnd: number): string {
  return JSON.parse(text.slice(quote, tokenEnd)) as string;
}

/** The value of a top-level "event"/"channel": the string, or undefined for any other JSON value. */
function stringValue(text: string, from: number, to: number, plain: boolean): string | undefined {
  if (text.charCodeAt(from) !== QUOTE) return undefined;
  return plain ? text.slice(from + 1, to - 1) : decodeString(text, from, to);
}

/**
 * What JSON.parse gives for the valid value text[from, to). Strings without escapes are one slice and numbers
 * go through Number (same grammar subset, same rounding); containers and escaped strings, rare among identity
 * values, go through JSON.parse so their decoding is JSON.parse's by construction.
 */
function decodeValue(text: string, from: number, to: number, plain: boolean): unknown {
  switch (text.charCodeAt(from)) {
    case QUOTE:
      return plain ? text.slice(from + 1, to - 1) : decodeString(text, from, to);
    case 0x74: // t
      return true;
    case 0x66: // f
      return false;
    case 0x6e: // n
      return null;
    case OPEN_BRACE:
    case 0x5b: // [
      return JSON.parse(text.slice(from, to)) as unknown;
    default:
      return Number(text.slice(from, to));
  }
}
