// JSON read from its UTF-8 bytes, for the byte scanners of NDJSON (issue #14: scanEventBytes, `idmerge resolve`'s
// pass 1): skipping values, finding the end of a string that needs no decoding (ASCII, no escapes) while hashing it
// for ByteIds, reading numbers and times, comparing keys. Each helper answers DECLINE for anything it cannot read
// exactly as JSON.parse would; the scanner then hands the line to the text path, which words any problem as before.
// (A scanner of whole lines for the browser's importer, scanPlainEvent, was written on these helpers and is kept on
// branch `bytes` until the browser's reader uses it.)
import { readEventTime } from '../../engine/index.ts';

/** Latest time the importer accepts (fields.ts): 9999-12-31T23:59:59Z. */
const LATEST_TIME = 253_402_300_799;
/** Nesting the fast path follows inside a property value; deeper values take the full path. */
const MAX_PLAIN_DEPTH = 64;
const DECLINE = -1;

// Character codes, as in lexer.ts: each scanner keeps its own, so its hot loops read them as this module's
// constants (the CLI's bundle puts the byte scanners in the worker's file, apart from the lexer's chunk; importing
// them ran slower on the 1M file in 5 of 6 alternating runs, ~3 %).
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

/** An ASCII text's bytes (keys and literals the scanners compare against). */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
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

/** A time the importer accepts as it is (fields.ts checkTime): seconds or milliseconds from 1970 to 9999. */
export function isPlainTime(time: number): boolean {
  if (Number.isNaN(time)) return true; // no time
  const seconds = readEventTime(time);
  return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 && seconds <= LATEST_TIME;
}
