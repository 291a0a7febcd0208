// RFC 4180 CSV, streamed: any chunking of the input yields the same records with the same starting lines.
import { LineBreaks } from './lines.ts';
import { countLineBreaks, excerptOf, startsWithBom } from './text.ts';
import type { ProblemCode } from './types.ts';

/** One CSV record and the physical line where it starts (a quoted field may span several lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** A CSV record the parser could not take, by line: a stray or unterminated quote. */
export interface CsvFault {
  readonly line: number;
  readonly code: Extract<ProblemCode, 'csv-bad-quote' | 'csv-unterminated-quote'>;
  readonly reason: string;
  readonly excerpt: string;
}

/** What one pushed chunk completed: whole records and the faults met. */
export interface CsvChunk {
  readonly records: CsvRecord[];
  readonly faults: CsvFault[];
}

/** An incremental RFC 4180 parser: push text chunks, then `end()` for the last record. */
export interface CsvParser {
  push(chunk: string): CsvChunk;
  end(): CsvChunk;
  /**
   * The header's width, once known. From then on a record whose quote runs past its line and yields a
   * different number of fields is an unterminated quote: reported at the line where it opened, and reading
   * resumes at the next line that parses as a record of this width (each line skipped meanwhile is reported).
   */
  expectWidth(width: number): void;
}

/** Limits of the CSV parser. */
export interface CsvOptions {
  /** A record still open after this many characters is taken as an unterminated quote (default 64 Mi). */
  readonly maxRecordLength?: number;
}

const [QUOTE, COMMA, NEWLINE, RETURN, SPACE, TAB] = [34, 44, 10, 13, 32, 9];
/** Field scanners return an index ≥ 0 (where the next field or record starts) or one of these. */
const INCOMPLETE = -1;
/** What ended a field besides a comma or a newline. */
const [END_OF_TEXT, FAULTY] = [-1, -2];

type FaultDraft = Omit<CsvFault, 'line' | 'excerpt'>;

/**
 * An RFC 4180 parser: quoted fields with `""` escapes, commas and newlines inside quotes, `\r\n` or `\n` record
 * ends, a BOM at the start, an optional final newline. Deliberately lenient where real exports are sloppy: a
 * quote inside an unquoted field is data, and a lone `\r` is data. Empty physical lines are skipped (a `""` line
 * is a record with one empty cell). A fault skips to the end of its line. The record at the end of a chunk is
 * re-scanned when more text comes, which is linear unless single records are far larger than chunks.
 */
export function createCsvParser(options: CsvOptions = {}): CsvParser {
  return new Parser(options.maxRecordLength ?? 64 * 1024 * 1024);
}

class Parser implements CsvParser {
  private carry = '';
  private line = 1;
  private started = false;
  private width: number | undefined;
  /** The line of the unterminated quote being recovered from, while looking for a record of the right width. */
  private resyncFrom: number | undefined;
  /** A chunk ended in `\r`: held back until the next chunk tells a CRLF from an old-Mac line end. */
  private heldReturn = false;

  constructor(private readonly maxLength: number) {}

  expectWidth(width: number): void {
    this.width = width;
  }

  push(chunk: string): CsvChunk {
    return this.scan(this.carry + this.lineEnds(this.dropBom(chunk)), false);
  }

  end(): CsvChunk {
    const held = this.heldReturn ? '\r' : '';
    this.heldReturn = false;
    return this.scan(this.carry + held, true);
  }

  /** A `\r` ending a chunk is held back until the next chunk tells a CRLF from an old-Mac line end. */
  private lineEnds(chunk: string): string {
    const text = this.heldReturn ? '\r' + chunk : chunk;
    this.heldReturn = text.endsWith('\r');
    return this.heldReturn ? text.slice(0, -1) : text;
  }

  private dropBom(chunk: string): string {
    if (this.started || chunk === '') return chunk;
    this.started = true;
    return startsWithBom(chunk) ? chunk.slice(1) : chunk;
  }

  private scan(text: string, final: boolean): CsvChunk {
    const out: CsvChunk = { records: [], faults: [] };
    const cursor = new RecordCursor(text, final);
    let start = 0;
    while (start < text.length) {
      let next = cursor.scanRecord(start);
      if (next === INCOMPLETE) {
        // While recovering, a record running past its first line is already known not to fit.
        const lineEnd = cursor.endOfLine(start);
        if (this.resyncFrom !== undefined && lineEnd < text.length) next = lineEnd;
        // A quote left open would otherwise hold the rest of the file: past the limit, it is unterminated.
        else if (text.length - start <= this.maxLength) break;
        else {
          cursor.fault = { code: 'csv-unterminated-quote', reason: 'unterminated quoted field' };
          next = text.length;
        }
      }
      next = this.collect(out, cursor, start, next);
      this.line += countLineBreaks(text, start, next);
      start = next;
    }
    this.carry = text.slice(start);
    return out;
  }

  /** Adds the record or fault that starts at `start`; returns where the next one starts. */
  private collect(out: CsvChunk, cursor: RecordCursor, start: number, next: number): number {
    const firstLineEnd = cursor.endOfLine(start);
    if (this.resyncFrom !== undefined && !cursor.isBlank && !this.fits(cursor, next, firstLineEnd)) {
      const reason = `inside the quote left open on line ${this.resyncFrom}: not a record of ${this.width ?? 0} fields`;
      this.fault(out, cursor, start, firstLineEnd, { code: 'csv-unterminated-quote', reason });
      return firstLineEnd;
    }
    if (this.isUnterminated(cursor, next, firstLineEnd)) {
      const reason = `unterminated quoted field: the quote opened on line ${this.line} is not closed on its line${this.width === undefined ? '' : `, and reading on does not give a record of ${this.width} fields`}; reading resumes at the next line that does`;
      this.fault(out, cursor, start, firstLineEnd, { code: 'csv-unterminated-quote', reason });
      this.resyncFrom = this.line;
      return firstLineEnd;
    }
    if (!cursor.isBlank) this.resyncFrom = undefined;
    if (cursor.fault !== undefined) this.fault(out, cursor, start, next, cursor.fault);
    else if (cursor.cells.length > 0) out.records.push({ line: this.line, cells: cursor.cells });
    return next;
  }

  /** A record of the header's width, read without a fault and without running past its line. */
  private fits(cursor: RecordCursor, next: number, firstLineEnd: number): boolean {
    const width = this.width ?? cursor.cells.length;
    return cursor.fault === undefined && next <= firstLineEnd && cursor.cells.length === width;
  }

  /** A quote that ran off its line: to the end of the input, or to a record of the wrong width. */
  private isUnterminated(cursor: RecordCursor, next: number, firstLineEnd: number): boolean {
    if (cursor.fault?.code === 'csv-unterminated-quote') return true;
    if (cursor.fault !== undefined || next <= firstLineEnd || this.width === undefined) return false;
    return cursor.cells.length !== this.width;
  }

  private fault(out: CsvChunk, cursor: RecordCursor, start: number, next: number, fault: FaultDraft): void {
    const excerpt = excerptOf(cursor.text.slice(start, Math.min(next, start + 200)));
    out.faults.push({ ...fault, line: this.line, excerpt });
  }
}

/** The index after the line break at `at` (two characters for `\r\n`). */
function afterBreak(text: string, at: number): number {
  return text.charCodeAt(at) === RETURN && text.charCodeAt(at + 1) === NEWLINE ? at + 2 : at + 1;
}

/**
 * Scans records in one text. The next comma and newline are found with indexOf and cached, so an unquoted field
 * costs no per-character work in JavaScript; scanning only moves forward, which keeps the caches valid.
 */
class RecordCursor {
  cells: string[] = [];
  fault: FaultDraft | undefined;
  private separator = END_OF_TEXT;
  private commaAt = -1;
  private newlineAt = -1;
  /** Line breaks of this text only: a per-line search for `\r` would be quadratic in a chunk's lines (#14). */
  private readonly breaks: LineBreaks;

  constructor(
    readonly text: string,
    private readonly final: boolean,
  ) {
    this.breaks = new LineBreaks(text);
  }

  /** Where the physical line starting at `start` ends (after its `\n`, `\r\n` or lone `\r`), or the end of the text. */
  endOfLine(start: number): number {
    const at = this.breaks.next(start);
    return at === -1 ? this.text.length : afterBreak(this.text, at);
  }

  /** Where the record starting at `start` ends (after its newline), or INCOMPLETE; fills `cells` or `fault`. */
  /** The last record scanned was a blank line. */
  isBlank = false;

  scanRecord(start: number): number {
    this.cells = [];
    this.fault = undefined;
    const blankEnd = this.blankLineEnd(start);
    this.isBlank = blankEnd !== -1;
    if (this.isBlank) return blankEnd;
    for (let at = start; ;) {
      if (at === this.text.length) return this.final ? this.finishWithEmptyField(at) : INCOMPLETE;
      const next = this.text.charCodeAt(at) === QUOTE ? this.quoted(at) : this.unquoted(at);
      if (next === INCOMPLETE || this.separator !== COMMA) return next;
      at = next;
    }
  }

  /** A record ending in a comma at the very end of the input has an empty last field. */
  private finishWithEmptyField(at: number): number {
    this.cells.push('');
    return at;
  }

  /** Where a blank line (spaces and tabs only, as the line tally counts blanks) starting at `at` ends, or -1. */
  private blankLineEnd(at: number): number {
    let pos = at;
    while (this.text.charCodeAt(pos) === SPACE || this.text.charCodeAt(pos) === TAB) pos++;
    if (pos === this.text.length) return this.final && pos > at ? pos : -1;
    const code = this.text.charCodeAt(pos);
    return code === NEWLINE || code === RETURN ? afterBreak(this.text, pos) : -1;
  }

  private unquoted(start: number): number {
    const end = Math.min(this.nextComma(start), this.nextNewline(start));
    const atEnd = end === this.text.length;
    if (atEnd && !this.final) return INCOMPLETE;
    this.cells.push(this.text.slice(start, end));
    if (atEnd) return this.ended(END_OF_TEXT, end);
    if (this.text.charCodeAt(end) === COMMA) return this.ended(COMMA, end + 1);
    return this.ended(NEWLINE, afterBreak(this.text, end));
  }

  private quoted(start: number): number {
    const close = closingQuote(this.text, start + 1);
    // A quote as the very last character may be the first half of a `""` escape: wait for more text.
    if (close === -1 || (close === this.text.length - 1 && !this.final)) {
      if (!this.final) return INCOMPLETE;
      return this.faultAt(this.text.length, {
        code: 'csv-unterminated-quote',
        reason: 'unterminated quoted field',
      });
    }
    const raw = this.text.slice(start + 1, close);
    this.cells.push(raw.includes('""') ? raw.replaceAll('""', '"') : raw);
    return this.afterClosingQuote(close + 1);
  }

  private afterClosingQuote(at: number): number {
    const code = this.text.charCodeAt(at);
    if (at === this.text.length) return this.ended(END_OF_TEXT, at);
    if (code === COMMA) return this.ended(code, at + 1);
    if (code === NEWLINE || code === RETURN) return this.ended(NEWLINE, afterBreak(this.text, at));
    return this.skipFaultyLine(at);
  }

  private ended(separator: number, next: number): number {
    this.separator = separator;
    return next;
  }

  /** After text following a closing quote, resume at the next line; the rest of this one cannot be trusted. */
  private skipFaultyLine(at: number): number {
    const lineBreak = this.breaks.next(at);
    if (lineBreak === -1 && !this.final) return INCOMPLETE;
    const fault: FaultDraft = { code: 'csv-bad-quote', reason: 'unexpected text after a closing quote' };
    return this.faultAt(lineBreak === -1 ? this.text.length : afterBreak(this.text, lineBreak), fault);
  }

  private faultAt(next: number, fault: FaultDraft): number {
    this.fault = fault;
    this.separator = FAULTY;
    return next;
  }

  private nextComma(from: number): number {
    if (this.commaAt < from) this.commaAt = indexOrEnd(this.text, ',', from);
    return this.commaAt;
  }

  /** The next `\n` or `\r` (a record end in every form), cached like the next comma. */
  private nextNewline(from: number): number {
    if (this.newlineAt < from) {
      const at = this.breaks.next(from);
      this.newlineAt = at === -1 ? this.text.length : at;
    }
    return this.newlineAt;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/** Index of the quote that closes a field whose content starts at `from`, skipping `""` pairs; -1 if none yet. */
function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at !== -1 && text.charCodeAt(at + 1) === QUOTE) at = text.indexOf('"', at + 2);
  return at;
}
