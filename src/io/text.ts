// Small text helpers shared by the parsers; all are linear in the text they look at.

const BOM = 0xfeff;
const NEWLINE = 10;
const EXCERPT_LENGTH = 120;

/** Whether the text starts with a UTF-8 byte order mark. */
export function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === BOM;
}

/** The text without its byte order mark. */
export function stripBom(text: string): string {
  return startsWithBom(text) ? text.slice(1) : text;
}

/** Number of `\n` in `text[from, to)`, found with indexOf so long lines cost almost nothing. */
export function countNewlines(text: string, from = 0, to = text.length): number {
  let count = 0;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at < to) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/** Number of line ends (`\n`, `\r\n` or a lone `\r`) in `text[from, to)`. */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === NEWLINE) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(at + 1) === NEWLINE && at + 1 < to) at++;
    }
  }
  return count;
}

/**
 * A blank line holds only spaces and tabs. Narrower than String.prototype.trim on purpose: a line of U+FEFF or
 * U+00A0 is not blank, it is unreadable, and must be counted and named like any other.
 */
export function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Whether the text ends with a line feed. */
export function endsWithNewline(text: string): boolean {
  return text.charCodeAt(text.length - 1) === NEWLINE;
}

/** The start of a rejected line, short enough to show in a table and to keep a report small. */
export function excerptOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= EXCERPT_LENGTH ? trimmed : `${trimmed.slice(0, EXCERPT_LENGTH)}…`;
}

/** Whether `value` is a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "bad JSON: <message>" for anything JSON.parse throws. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `bad JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * How deep JSON may nest. JSON.parse is iterative, but JSON.stringify, structuredClone and every recursive
 * walk are not: a value nested deeper than this is refused with a per-line reason instead of a RangeError.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * True when the JSON text nests brackets deeper than `limit` (outside strings). Iterative and linear; text
 * shorter than the limit cannot nest that deep, so ordinary lines cost one comparison.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  if (text.length <= limit) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) i = stringEnd(text, i);
    else if (code === 123 || code === 91) {
      if (++depth > limit) return true;
    } else if (code === 125 || code === 93) depth--;
  }
  return false;
}

/** Index of the quote closing the string opened at `quote` (or the end of the text). */
function stringEnd(text: string, quote: number): number {
  for (let at = text.indexOf('"', quote + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return text.length;
}

/** The reason for a line (or JSON value) over the size limit, naming the option that raises it. */
export function tooLongReason(length: number, limit: number, what = 'line'): string {
  return `${what} is ${describeSize(length)} long, over the ${describeSize(limit)} limit: skipped (raise it with --max-line-bytes)`;
}

function describeSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${Math.round((chars / (1024 * 1024)) * 10) / 10} MB`;
  if (chars >= 1024) return `${Math.round((chars / 1024) * 10) / 10} KB`;
  return `${chars} bytes`;
}
