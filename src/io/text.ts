// Small text helpers shared by the parsers; all are linear in the text they look at.

const BOM = 0xfeff;
const NEWLINE = 10;
const EXCERPT_LENGTH = 120;

export function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === BOM;
}

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

export function endsWithNewline(text: string): boolean {
  return text.charCodeAt(text.length - 1) === NEWLINE;
}

/** The start of a rejected line, short enough to show in a table and to keep a report small. */
export function excerptOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= EXCERPT_LENGTH ? trimmed : `${trimmed.slice(0, EXCERPT_LENGTH)}…`;
}

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
