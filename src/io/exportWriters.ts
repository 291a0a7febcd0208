// Writing events back out: NDJSON lines and RFC 4180 CSV that this module's own importer reads back unchanged.
import { isBlankLine } from './text.ts';
import type { MixpanelEvent, ProfileUpdate, StreamRecord } from '../engine/index.ts';
import { csvColumnForProperty } from './csvEvents.ts';

/**
 * One NDJSON line (no trailing newline) in the shape the import API takes: `{event, properties}`, plus `channel`
 * when the event has one, so a `/track` `$merge` stays one on re-import. Profile updates are written as they are.
 */
export function toNdjsonLine(value: MixpanelEvent | ProfileUpdate): string {
  if (!isEvent(value)) return JSON.stringify(value);
  const { event, properties, channel } = value;
  return JSON.stringify(channel === undefined ? { event, properties } : { event, properties, channel });
}

/** The NDJSON line of a stream record. */
export function recordToNdjsonLine(record: StreamRecord): string {
  return toNdjsonLine(record.kind === 'event' ? record.event : record.update);
}

function isEvent(value: MixpanelEvent | ProfileUpdate): value is MixpanelEvent {
  return typeof value['event'] === 'string' && !('$distinct_id' in value);
}

/** How cells are written to CSV (for a person's spreadsheet or for a program). */
export interface CsvCellOptions {
  /**
   * For a file a person opens in a spreadsheet (the app's CSV download), not for one read back by a program: a
   * text cell that starts like a formula gets a leading apostrophe (see neutraliseFormula). Off by default, so
   * export → import round trips give back the same events (DECISIONS.md, "CSV formula cells").
   */
  readonly neutraliseFormulas?: boolean;
}

/** How a CSV export is written: its cells and its line ending. */
export interface CsvWriteOptions extends CsvCellOptions {
  /** RFC 4180 says CRLF, which spreadsheets expect; pipelines may prefer `\n`. */
  readonly newline?: '\r\n' | '\n';
}

/** What a spreadsheet reads as the start of a formula (OWASP "CSV Injection"): = + - @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` with a leading apostrophe when a spreadsheet would run it as a formula; other text unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A CSV document: a header of `columns`, then one line per row, each ending with the newline. Cells are quoted
 * only when they must be (a comma, quote, CR or LF inside), with quotes doubled. A row whose only cell is empty
 * is written `""`, since an empty line would be skipped on the way back in.
 */
export function toCsv(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  columns: readonly string[],
  options: CsvWriteOptions = {},
): string {
  const newline = options.newline ?? '\r\n';
  const lines = [toCsvLine(columns, options)];
  // Own properties only: a row without a `__proto__` or `constructor` column must not print its prototype's.
  for (const row of rows)
    lines.push(
      toCsvLine(
        columns.map((column) => (Object.hasOwn(row, column) ? row[column] : undefined)),
        options,
      ),
    );
  return lines.join(newline) + newline;
}

/** One CSV line without its newline. */
export function toCsvLine(cells: readonly unknown[], options: CsvCellOptions = {}): string {
  if (cells.length === 1 && formatCsvCell(cells[0], options) === '') return '""';
  return cells.map((cell) => formatCsvCell(cell, options)).join(',');
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A cell's text: empty for null/undefined, JSON for objects and lists, quoted when it must be. With
 * `neutraliseFormulas`, only strings are neutralised: a number such as -5 is a number to a spreadsheet, not a
 * formula, and JSON text starts with { or [.
 */
export function formatCsvCell(value: unknown, options: CsvCellOptions = {}): string {
  const raw = cellText(value);
  const text =
    options.neutraliseFormulas === true && typeof value === 'string' ? neutraliseFormula(raw) : raw;
  // A cell of only spaces and tabs is quoted too: unquoted, a one-cell row of it would read back as a blank line.
  const quote = NEEDS_QUOTES.test(text) || (text !== '' && isBlankLine(text));
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    default:
      return '';
  }
}

/**
 * An event as a CSV row: `event`, `channel` when set, and each property under the column that reads back to
 * the same key (`properties.name` for a property called "name", which would otherwise be read as the event).
 */
export function toCsvRow(event: MixpanelEvent): Record<string, unknown> {
  const cells: Array<[string, unknown]> = [['event', event.event]];
  if (event.channel !== undefined) cells.push(['channel', event.channel]);
  for (const [key, value] of Object.entries(event.properties)) cells.push([csvColumnForProperty(key), value]);
  // fromEntries, not assignment, so a property called `__proto__` becomes a column rather than a prototype.
  return Object.fromEntries(cells);
}

const LEADING_COLUMNS = ['event', 'distinct_id', '$device_id', '$user_id', 'time', '$insert_id', 'channel'];

/** Columns for a set of rows: the identity columns first, then every other column in the order first seen. */
export function csvColumnsFor(rows: Iterable<Readonly<Record<string, unknown>>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  const leading = LEADING_COLUMNS.filter((column) => seen.has(column));
  return [...leading, ...[...seen].filter((column) => !LEADING_COLUMNS.includes(column))];
}
