// Invariant: scanEvent refuses exactly what JSON.parse refuses (or a wrong shape) and allocates only its result.
import { describeValueKind, emptyFailure, lexerFailure, shapeFailure } from './failure.ts';
import {
  Expect,
  FAILED,
  beginScan,
  escapeCount,
  failAt,
  isWs,
  memberValueEnd,
  skipColon,
  skipEventPrefix,
  skipIdentityMember,
  skipPropertyRun,
  skipString,
  skipValue,
  skipWs,
} from './lexer.ts';
import {
  DISTINCT_ID,
  NOT_IDENTITY,
  decodeString,
  decodeValue,
  identityKeyAt,
  identityKeyLength,
  knownIdentityKeyAt,
  setIdentity,
} from './identity.ts';
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
  if (end > text.length) end = text.length;
  if (start < 0) start = 0;
  const first = skipWs(text, start, end);
  if (first >= end) return emptyFailure();
  beginScan();
  if (text.charCodeAt(first) !== OPEN_BRACE) return refuseNonObject(text, start, first, end);
  const scan = newScan(start, end);
  badProperties = -1;
  let pos = skipWs(text, first + 1, end);
  if (pos < end && text.charCodeAt(pos) === CLOSE_BRACE) {
    scan.objectEmpty = true;
  } else {
    // The usual line starts `{"event":"name","properties":{`: one native match takes it whole.
    const prefixEnd = skipEventPrefix(text, first, end);
    if (prefixEnd > 0) {
      scan.event = text.slice(first + EVENT_NAME_OFFSET, prefixEnd - PROPERTIES_OPENER_LENGTH);
      pos = scanProperties(text, prefixEnd - 1, end, scan);
    } else {
      pos = scanTopMember(text, pos, end, scan);
    }
    // The rest of the top-level members: the loop is the object grammar, scanTopMember reads each one.
    for (;;) {
      if (pos < 0) return lexerFailure(text, start);
      let c = pos < end ? text.charCodeAt(pos) : -1;
      if (isWs(c)) {
        pos = skipWs(text, pos + 1, end);
        c = pos < end ? text.charCodeAt(pos) : -1;
      }
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) return invalidAt(text, start, pos, end, Expect.CommaOrBrace);
      pos = scanTopMember(text, skipWs(text, pos + 1, end), end, scan);
    }
  }
  scan.objectClose = pos;
  const after = skipWs(text, pos + 1, end);
  if (after < end) return invalidAt(text, start, after, end, Expect.End);
  if (badProperties >= 0) {
    const reason = `the value of "properties" is not an object (got ${describeValueKind(text, badProperties)})`;
    return shapeFailure(reason, text, start, badProperties);
  }
  if (scan.identity === NO_IDENTITY) scan.identity = {};
  return scan;
}

/** Where `{"event":"` ends and `","properties":{` begins, counted from either end of the prefix match. */
const EVENT_NAME_OFFSET = '{"event":"'.length;
const PROPERTIES_OPENER_LENGTH = '","properties":{'.length;

/**
 * Where the last "properties" value starts when it is not an object, else -1. Set by scanTopMember for the
 * scan in progress (scans do not interleave: they are synchronous), and reported only once the whole line is
 * known to be valid JSON, so a broken line always says "not valid JSON" first.
 */
let badProperties = -1;

/** Reads the top-level member at `pos` into `scan`; returns the index after its value, or FAILED. */
function scanTopMember(text: string, pos: number, end: number, scan: Scan): number {
  if (pos >= end || text.charCodeAt(pos) !== QUOTE) return failAt(pos, end, Expect.Key);
  // A key spelled exactly like a known one is valid as it stands; any other is checked (and decoded when it has
  // escapes, as "\u0065vent" is "event").
  const close = text.indexOf('"', pos + 1);
  let key = close >= 0 && close < end ? topKeyAt(text, pos + 1, close) : OTHER;
  let keyEnd = close + 1;
  if (key === OTHER) {
    const escapesBefore = escapeCount();
    keyEnd = skipString(text, pos, end);
    if (keyEnd < 0) return FAILED;
    if (escapeCount() !== escapesBefore) key = topKeyOf(text, pos, keyEnd);
  }
  const valueStart = skipColon(text, keyEnd, end);
  if (valueStart < 0) return FAILED;
  switch (key) {
    case EVENT:
    case CHANNEL: {
      const valueEscapes = escapeCount();
      const valueEnd = skipStringOrValue(text, valueStart, end);
      if (valueEnd < 0) return FAILED;
      const value = stringValue(text, valueStart, valueEnd, escapeCount() === valueEscapes);
      if (key === EVENT) scan.event = value;
      else {
        scan.channel = value;
        scan.channelJson = text.slice(valueStart, valueEnd);
      }
      return valueEnd;
    }
    case PROPERTIES:
      if (valueStart < end && text.charCodeAt(valueStart) === OPEN_BRACE) {
        badProperties = -1;
        return scanProperties(text, valueStart, end, scan);
      }
      badProperties = valueStart;
      forgetProperties(scan);
      return skipValue(text, valueStart, end);
    case PROFILE_DISTINCT_ID:
      scan.hasProfileDistinctId = true;
      return skipValue(text, valueStart, end);
    default:
      return skipValue(text, valueStart, end);
  }
}

/** Stands for "no properties object seen yet", so a line with one allocates no identity object in vain. */
const NO_IDENTITY: Partial<Record<IdentityKey, unknown>> = Object.freeze({});

function newScan(start: number, end: number): Scan {
  return {
    ok: true,
    event: undefined,
    channel: undefined,
    channelJson: undefined,
    hasProfileDistinctId: false,
    identity: NO_IDENTITY,
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
  scan.identity = NO_IDENTITY;
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
  // Each turn handles one stretch of members and leaves `pos` after a comma or on the closing '}':
  // - an identity member with a plain value: one native match validates it, then its value is decoded;
  // - other members: one native match skips the whole run of them (see patterns.ts);
  // - anything those patterns do not take: the exact member code below, which also finds every error.
  for (;;) {
    let c = pos < end ? text.charCodeAt(pos) : -1;
    if (isWs(c)) {
      pos = skipWs(text, pos + 1, end);
      c = pos < end ? text.charCodeAt(pos) : -1;
    }
    if (c !== QUOTE) return failAt(pos, end, Expect.Key);
    const memberEnd = skipIdentityMember(text, pos, end);
    if (memberEnd > 0) {
      const key = knownIdentityKeyAt(text, pos + 1);
      const valueStart = skipColon(text, pos + identityKeyLength(key) + 2, end);
      const valueEnd = memberValueEnd(text, memberEnd);
      setIdentity(identity, key, decodeValue(text, valueStart, valueEnd, true));
      if (key === DISTINCT_ID) scan.distinctIdSpan = [valueStart, valueEnd];
      pos = memberEnd;
    } else {
      const runEnd = skipPropertyRun(text, pos, end);
      if (runEnd > pos) {
        pos = runEnd;
      } else {
        pos = scanMember(text, pos, end, scan, identity);
        if (pos < 0) return FAILED;
        c = pos < end ? text.charCodeAt(pos) : -1;
        if (isWs(c)) {
          pos = skipWs(text, pos + 1, end);
          c = pos < end ? text.charCodeAt(pos) : -1;
        }
        if (c === COMMA) {
          pos++;
          continue;
        }
        if (c !== CLOSE_BRACE) return failAt(pos, end, Expect.CommaOrBrace);
      }
    }
    // Here `pos` is on the '}' right after a member, or after a comma (the patterns never stop on a '}' there).
    if (text.charCodeAt(pos) === CLOSE_BRACE) {
      scan.propertiesClose = pos;
      return pos + 1;
    }
  }
}

/**
 * One member of "properties" the patterns did not take, read exactly: returns the index after its value. Its
 * key may be an identity key written with escapes ("\u0074ime" is "time"), so escaped keys are decoded.
 */
function scanMember(
  text: string,
  pos: number,
  end: number,
  scan: Scan,
  identity: Partial<Record<IdentityKey, unknown>>,
): number {
  const escapesBefore = escapeCount();
  const keyEnd = skipString(text, pos, end);
  if (keyEnd < 0) return FAILED;
  const key =
    escapeCount() === escapesBefore
      ? identityKeyAt(text, pos + 1, keyEnd - 1)
      : identityKeyOf(text, pos, keyEnd);
  const valueStart = skipColon(text, keyEnd, end);
  if (valueStart < 0) return FAILED;
  if (key === NOT_IDENTITY) return skipValue(text, valueStart, end);
  const valueEscapes = escapeCount();
  const valueEnd = skipStringOrValue(text, valueStart, end);
  if (valueEnd < 0) return FAILED;
  setIdentity(identity, key, decodeValue(text, valueStart, valueEnd, escapeCount() === valueEscapes));
  if (key === DISTINCT_ID) scan.distinctIdSpan = [valueStart, valueEnd];
  return valueEnd;
}

function identityKeyOf(text: string, quote: number, keyEnd: number): number {
  const key = decodeString(text, quote, keyEnd);
  return identityKeyAt(key, 0, key.length);
}

/**
 * Skips the value at `pos` through skipString when it is a string, so that escapeCount tells whether it had
 * escapes (the value pattern of skipValue does not count them).
 */
function skipStringOrValue(text: string, pos: number, end: number): number {
  return pos < end && text.charCodeAt(pos) === QUOTE ? skipString(text, pos, end) : skipValue(text, pos, end);
}

/** The value of a top-level "event"/"channel": the string, or undefined for any other JSON value. */
function stringValue(text: string, from: number, to: number, plain: boolean): string | undefined {
  if (text.charCodeAt(from) !== QUOTE) return undefined;
  return plain ? text.slice(from + 1, to - 1) : decodeString(text, from, to);
}
