// Turns the lexer's failure record into a ScanFailure; runs only on refused lines, so it may allocate freely.
import { Expect, FailKind, failure } from './lexer.ts';
import type { ScanFailure } from './types.ts';

const EXPECTED: Record<Expect, string> = {
  [Expect.Nothing]: '',
  [Expect.Value]: 'a value',
  [Expect.Key]: 'a property name in double quotes',
  [Expect.Colon]: "':'",
  [Expect.CommaOrBrace]: "',' or '}'",
  [Expect.CommaOrBracket]: "',' or ']'",
  [Expect.Digit]: 'a digit',
  [Expect.End]: 'nothing more after the JSON value',
  [Expect.True]: "'true'",
  [Expect.False]: "'false'",
  [Expect.Null]: "'null'",
};

/**
 * 1-based column of `pos` counted in characters (code points) from `start`, so an emoji before the error
 * counts once, as the user sees it in an editor.
 */
export function columnOf(text: string, start: number, pos: number): number {
  let column = 1;
  for (let i = start; i < pos; i++) {
    const c = text.charCodeAt(i);
    const isLowAfterHigh = c >= 0xdc00 && c <= 0xdfff && i > start && isHighSurrogate(text.charCodeAt(i - 1));
    if (!isLowAfterHigh) column++;
  }
  return column;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The character at `pos` as a user can read it: quoted when printable, else its code point. */
export function describeChar(text: string, pos: number): string {
  const code = text.codePointAt(pos) ?? 0;
  if (code === 0xfeff) return 'U+FEFF (byte order mark)';
  const invisible =
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0x2028 ||
    code === 0x2029;
  if (invisible) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const char = String.fromCodePoint(code);
  return char === "'" ? `"'"` : `'${char}'`;
}

/** The ScanFailure for the failure the lexer recorded last, with columns counted from `start`. */
export function lexerFailure(text: string, start: number): ScanFailure {
  const { kind, pos, expect } = failure;
  const column = columnOf(text, start, pos);
  const where = `at column ${column}`;
  const expected = EXPECTED[expect] === '' ? '' : ` (expected ${EXPECTED[expect]})`;
  switch (kind) {
    case FailKind.UnexpectedChar:
      return expect === Expect.End
        ? invalid(
            `unexpected character ${describeChar(text, pos)} ${where} after the end of the JSON value`,
            column,
          )
        : invalid(`unexpected character ${describeChar(text, pos)} ${where}${expected}`, column);
    case FailKind.UnexpectedEnd:
      return invalid(`unexpected end of input ${where}${expected}`, column);
    case FailKind.UnterminatedString:
      return invalid(`unterminated string starting ${where}`, column);
    case FailKind.ControlChar:
      return invalid(`unescaped control character ${describeChar(text, pos)} in a string ${where}`, column);
    case FailKind.BadEscape:
      return invalid(`invalid escape ${describeEscape(text, pos, false)} in a string ${where}`, column);
    case FailKind.BadUnicodeEscape:
      return invalid(
        `invalid escape ${describeEscape(text, pos, true)} in a string ${where} (expected 4 hex digits)`,
        column,
      );
    case FailKind.LeadingZero:
      return invalid(`number with a leading zero ${where}`, column);
  }
}

/** The escape sequence at `pos` up to its first wrong character, with control characters made visible. */
function describeEscape(text: string, pos: number, isUnicode: boolean): string {
  // Past the backslash: one character (both halves of a surrogate pair), or \u and its digits up to a bad one.
  let stop = (text.codePointAt(pos + 1) ?? 0) > 0xffff ? pos + 3 : pos + 2;
  if (isUnicode) {
    while (stop < pos + 6 && isHex(text.charCodeAt(stop))) stop++;
    stop = Math.min(stop + 1, pos + 6, text.length);
  }
  let shown = '';
  for (let i = pos; i < stop; i++) {
    const c = text.charCodeAt(i);
    shown += c < 0x20 ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : text.charAt(i);
  }
  return `'${shown}'`;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

function invalid(detail: string, column: number): ScanFailure {
  return { ok: false, reason: `not valid JSON: ${detail}`, column };
}

/** The failure for a range holding nothing but whitespace. */
export function emptyFailure(): ScanFailure {
  return invalid('empty input', 1);
}

/** A failure about the shape of valid JSON (not an object, "properties" not an object, ...). */
export function shapeFailure(reason: string, text: string, start: number, pos: number): ScanFailure {
  return { ok: false, reason, column: columnOf(text, start, pos) };
}

/** "an array", "a string", "null", ... for the valid JSON value starting at `pos`. */
export function describeValueKind(text: string, pos: number): string {
  switch (text.charCodeAt(pos)) {
    case 0x5b:
      return 'an array';
    case 0x22:
      return 'a string';
    case 0x7b:
      return 'an object';
    case 0x74:
      return 'true';
    case 0x66:
      return 'false';
    case 0x6e:
      return 'null';
    default:
      return 'a number';
  }
}
