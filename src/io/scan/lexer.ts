// Invariant: a skip function returns the index after a valid JSON token or value, or FAILED with `failure` set.
import {
  EVENT_PREFIX_RE,
  IDENTITY_MEMBER_RE,
  PLAIN_STRING_RE,
  PROPERTY_RUN_RE,
  VALUE_RE,
} from './patterns.ts';

/** Returned by every skip function when the text is not valid JSON; details are in `failure`. */
export const FAILED = -1;

/** What went wrong (see failure.ts for the wording). */
export const FailKind = {
  UnexpectedChar: 1,
  UnexpectedEnd: 2,
  UnterminatedString: 3,
  ControlChar: 4,
  BadEscape: 5,
  BadUnicodeEscape: 6,
  LeadingZero: 7,
} as const;
/** A FailKind value. */
export type FailKind = (typeof FailKind)[keyof typeof FailKind];

/** What the grammar allowed at the failing position, so a reason can say it. */
export const Expect = {
  Nothing: 0,
  Value: 1,
  Key: 2,
  Colon: 3,
  CommaOrBrace: 4,
  CommaOrBracket: 5,
  Digit: 6,
  End: 7,
  True: 8,
  False: 9,
  Null: 10,
} as const;
/** An Expect value. */
export type Expect = (typeof Expect)[keyof typeof Expect];

/**
 * The last failure. One mutable record instead of an object per failure: it is written only on the failing
 * path and read at once by the caller that turns it into a ScanFailure.
 */
export const failure: { kind: FailKind; pos: number; expect: Expect } = {
  kind: FailKind.UnexpectedChar,
  pos: 0,
  expect: Expect.Nothing,
};

function fail(kind: FailKind, pos: number, expect: Expect): number {
  failure.kind = kind;
  failure.pos = pos;
  failure.expect = expect;
  return FAILED;
}

/** Fails at `pos`: unexpected end of input when pos is at the end, else unexpected character. */
export function failAt(pos: number, end: number, expect: Expect): number {
  return fail(pos >= end ? FailKind.UnexpectedEnd : FailKind.UnexpectedChar, pos, expect);
}

// Character codes, spelled out once. Kept in this module so the hot loops read them as constants.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * How many escape sequences have been read so far. Callers that decode a string compare it before and after
 * skipping: unchanged means the raw text between the quotes is the value, so one slice decodes it.
 */
let escapes = 0;

/** How many escape sequences the lexer has read so far (compare before/after a skip; see `escapes`). */
export function escapeCount(): number {
  return escapes;
}

/** Index of the first non-whitespace character at or after `pos` (JSON whitespace: space, tab, LF, CR). */
export function skipWs(text: string, pos: number, end: number): number {
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return pos;
    pos++;
  }
  return pos;
}

/**
 * False once a pattern has overflowed irregexp's backtracking stack on the current text (only a line of
 * millions of members does that): from then on the exact code does all the work, so a huge line costs one
 * wasted partial match instead of one per member. beginScan re-enables the patterns for the next text.
 */
let patternsEnabled = true;

/** Call at the start of each scan (see patternsEnabled and deepest). */
export function beginScan(): void {
  patternsEnabled = true;
  deepest = 0;
}

/**
 * The deepest container stack the exact path opened since beginScan. The patterns' few levels and the event's own
 * two are not counted, so it is a cheap gate for the exact depth check (io/text.ts nestsDeeperThan), not a depth.
 */
let deepest = 0;

/** See deepest. */
export function deepestNesting(): number {
  return deepest;
}

/** Where a sticky match of `pattern` at `pos` ends, or -1 when it does not match (or cannot be run). */
function matchEnd(pattern: RegExp, text: string, pos: number): number {
  if (!patternsEnabled) return -1;
  pattern.lastIndex = pos;
  try {
    return pattern.test(text) ? pattern.lastIndex : -1;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    patternsEnabled = false;
    return -1;
  }
}

/**
 * Skips the string whose opening quote is at `quote`; returns the index after its closing quote. Fast path: one
 * native match of a string without escapes (see patterns.ts); escapes, control characters and unterminated
 * strings go to skipStringSlowly, which also counts escapes.
 */
export function skipString(text: string, quote: number, end: number): number {
  const stringEnd = matchEnd(PLAIN_STRING_RE, text, quote);
  return stringEnd > 0 && stringEnd <= end ? stringEnd : skipStringSlowly(text, quote, end);
}

/** The same, one character at a time: strings with escapes or control characters, and unterminated ones. */
function skipStringSlowly(text: string, quote: number, end: number): number {
  let pos = quote + 1;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === QUOTE) return pos + 1;
    if (c === BACKSLASH) {
      pos = skipEscape(text, quote, pos, end);
      if (pos < 0) return FAILED;
    } else if (c < SPACE) {
      return fail(FailKind.ControlChar, pos, Expect.Nothing);
    } else {
      pos++;
    }
  }
  return fail(FailKind.UnterminatedString, quote, Expect.Nothing);
}

/** Skips the escape sequence whose backslash is at `pos` inside the string opened at `quote`. */
function skipEscape(text: string, quote: number, pos: number, end: number): number {
  escapes++;
  if (pos + 1 >= end) return fail(FailKind.UnterminatedString, quote, Expect.Nothing);
  switch (text.charCodeAt(pos + 1)) {
    case QUOTE:
    case BACKSLASH:
    case SLASH:
    case 0x62: // b
    case 0x66: // f
    case 0x6e: // n
    case 0x72: // r
    case 0x74: // t
      return pos + 2;
    case 0x75: // u: exactly four hex digits; a lone surrogate is fine, as in JSON.parse
      for (let i = pos + 2; i < pos + 6; i++) {
        if (i >= end) return fail(FailKind.UnterminatedString, quote, Expect.Nothing);
        if (!isHexDigit(text.charCodeAt(i))) return fail(FailKind.BadUnicodeEscape, pos, Expect.Nothing);
      }
      return pos + 6;
    default:
      return fail(FailKind.BadEscape, pos, Expect.Nothing);
  }
}

function isHexDigit(c: number): boolean {
  return (c >= ZERO && c <= NINE) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Skips a number starting at `pos` ('-' or a digit) by the JSON grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function skipNumber(text: string, pos: number, end: number): number {
  const start = pos;
  if (text.charCodeAt(pos) === MINUS) pos++;
  if (pos >= end) return fail(FailKind.UnexpectedEnd, pos, Expect.Digit);
  const first = text.charCodeAt(pos);
  if (first === ZERO) {
    pos++;
    if (pos < end && isDigit(text.charCodeAt(pos))) return fail(FailKind.LeadingZero, start, Expect.Nothing);
  } else if (first >= ONE && first <= NINE) {
    pos = skipDigits(text, pos + 1, end);
  } else {
    return fail(FailKind.UnexpectedChar, pos, Expect.Digit);
  }
  if (pos < end && text.charCodeAt(pos) === DOT) {
    pos = skipRequiredDigits(text, pos + 1, end);
    if (pos < 0) return FAILED;
  }
  if (pos < end && (text.charCodeAt(pos) | 0x20) === LOWER_E) {
    pos++;
    if (pos < end) {
      const sign = text.charCodeAt(pos);
      if (sign === PLUS || sign === MINUS) pos++;
    }
    pos = skipRequiredDigits(text, pos, end);
  }
  return pos;
}

function skipDigits(text: string, pos: number, end: number): number {
  while (pos < end && isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}

function skipRequiredDigits(text: string, pos: number, end: number): number {
  if (pos >= end || !isDigit(text.charCodeAt(pos))) return failAt(pos, end, Expect.Digit);
  return skipDigits(text, pos + 1, end);
}

/** Skips `true`, `false` or `null` at `pos`; anything else there is an unexpected character. */
function skipLiteral(text: string, pos: number, end: number): number {
  const c = pos < end ? text.charCodeAt(pos) : -1;
  if (c === 0x74) return skipWord(text, pos, end, 'true', Expect.True);
  if (c === 0x66) return skipWord(text, pos, end, 'false', Expect.False);
  if (c === 0x6e) return skipWord(text, pos, end, 'null', Expect.Null);
  return failAt(pos, end, Expect.Value);
}

function skipWord(text: string, pos: number, end: number, word: string, expect: Expect): number {
  if (pos + word.length <= end && text.startsWith(word, pos)) return pos + word.length;
  // Point at the first character that differs, or at the end when the word is cut short.
  let i = 1;
  while (pos + i < end && text.charCodeAt(pos + i) === word.charCodeAt(i)) i++;
  return failAt(pos + i, end, expect);
}

/** Skips `"key"` + whitespace + `:` + whitespace at `pos`; returns the index where the member's value starts. */
function skipKeyAndColon(text: string, pos: number, end: number): number {
  if (pos >= end || text.charCodeAt(pos) !== QUOTE) return failAt(pos, end, Expect.Key);
  pos = skipString(text, pos, end);
  if (pos < 0) return FAILED;
  return skipColon(text, pos, end);
}

/** Skips whitespace + `:` + whitespace after a key; returns the index where the value starts. */
export function skipColon(text: string, pos: number, end: number): number {
  if (pos >= end || text.charCodeAt(pos) !== COLON) {
    pos = skipWs(text, pos, end);
    if (pos >= end || text.charCodeAt(pos) !== COLON) return failAt(pos, end, Expect.Colon);
  }
  return skipWs(text, pos + 1, end);
}

/** True for JSON whitespace; the first comparison rejects every structural character at once. */
export function isWs(c: number): boolean {
  return c <= SPACE && (c === SPACE || c === LF || c === CR || c === TAB);
}

/**
 * Open containers of the value being skipped, as their opening character. An explicit stack instead of
 * recursion, so any depth JSON.parse accepts (V8's parser is iterative too) is accepted here without a stack
 * overflow; it grows on demand and is reused across calls.
 */
let stack = new Uint8Array(64);

function push(depth: number, opener: number): void {
  if (depth > deepest) deepest = depth;
  if (depth === stack.length) {
    const bigger = new Uint8Array(stack.length * 2);
    bigger.set(stack);
    stack = bigger;
  }
  stack[depth] = opener;
}

/** Skips one JSON value starting at `pos` (no leading whitespace): one native match when it can, else exactly. */
export function skipValue(text: string, pos: number, end: number): number {
  const fastEnd = fastValueEnd(text, pos, end);
  return fastEnd > 0 ? fastEnd : skipValueSlowly(text, pos, end);
}

/** The end of the value at `pos` when the value pattern matches it within `end`, else -1. */
function fastValueEnd(text: string, pos: number, end: number): number {
  const valueEnd = matchEnd(VALUE_RE, text, pos);
  return valueEnd <= end ? valueEnd : -1;
}

/**
 * Runs the property run pattern at `pos` (see patterns.ts); returns where the run stopped: before a key, or on
 * the closing '}' right after a member (`pos` when nothing matched, or when the run reached `end`).
 */
export function skipPropertyRun(text: string, pos: number, end: number): number {
  const stop = matchEnd(PROPERTY_RUN_RE, text, pos);
  // A run of a valid object ends before its '}', so one reaching `end` crossed it: let the exact code judge.
  return stop >= 0 && stop < end ? stop : pos;
}

/**
 * Matches the identity member pattern at `pos` (see patterns.ts); returns where it ended (after the comma and
 * whitespace, or on the closing '}'), or -1 when it does not match within `end`.
 */
export function skipIdentityMember(text: string, pos: number, end: number): number {
  const memberEnd = matchEnd(IDENTITY_MEMBER_RE, text, pos);
  return memberEnd < end ? memberEnd : -1;
}

/** Matches the event prefix pattern at `pos` (see patterns.ts); returns where it ended, or -1. */
export function skipEventPrefix(text: string, pos: number, end: number): number {
  const prefixEnd = matchEnd(EVENT_PREFIX_RE, text, pos);
  return prefixEnd <= end ? prefixEnd : -1;
}

/** The end of the value of a member that ends at `memberEnd` (after its comma and whitespace, or on '}'). */
export function memberValueEnd(text: string, memberEnd: number): number {
  let pos = memberEnd;
  while (isWs(text.charCodeAt(pos - 1))) pos--;
  if (text.charCodeAt(pos - 1) === COMMA) pos--;
  while (isWs(text.charCodeAt(pos - 1))) pos--;
  return pos;
}

/**
 * skipValue one character at a time, for values the fast pattern does not take: deeper nesting, and every
 * invalid value, whose error this finds exactly.
 */
function skipValueSlowly(text: string, pos: number, end: number): number {
  // Iterative: the outer loop reads a value start, the inner loop closes finished containers until a comma asks
  // for the next value. One function, as a call per token would cost more than the token.
  let depth = 0;
  const first = pos;
  for (;;) {
    let c = pos < end ? text.charCodeAt(pos) : -1;
    if (c === QUOTE) {
      pos = skipString(text, pos, end);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      // A nested value shallow enough for the pattern takes one native match (the try on an outer one failed).
      const fastEnd = pos === first ? -1 : fastValueEnd(text, pos, end);
      if (fastEnd > 0) {
        pos = fastEnd;
      } else {
        pos = skipWs(text, pos + 1, end);
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (pos < end && text.charCodeAt(pos) === close) {
          pos++;
        } else {
          push(depth++, c);
          if (c === OPEN_BRACE) {
            pos = skipKeyAndColon(text, pos, end);
            if (pos < 0) return FAILED;
          }
          continue;
        }
      }
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      pos = skipNumber(text, pos, end);
    } else {
      pos = skipLiteral(text, pos, end);
    }
    if (pos < 0) return FAILED;
    // A value ended at pos: close containers until a comma continues one (or none is open).
    for (;;) {
      if (depth === 0) return pos;
      const inObject = stack[depth - 1] === OPEN_BRACE;
      c = pos < end ? text.charCodeAt(pos) : -1;
      if (isWs(c)) {
        pos = skipWs(text, pos + 1, end);
        c = pos < end ? text.charCodeAt(pos) : -1;
      }
      if (c === COMMA) {
        pos = skipWs(text, pos + 1, end);
        if (inObject) {
          pos = skipKeyAndColon(text, pos, end);
          if (pos < 0) return FAILED;
        }
        break;
      }
      if (c !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
        return failAt(pos, end, inObject ? Expect.CommaOrBrace : Expect.CommaOrBracket);
      }
      pos++;
      depth--;
    }
  }
}
