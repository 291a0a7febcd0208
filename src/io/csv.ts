// RFC 4180 CSV, streamed: any chunking of the input yields the same records with the same starting lines.
import { countNewlines, excerptOf, startsWithBom } from './text.ts';
import type { ProblemCode } from './types.ts';

/** One CSV record and the physical line where it starts (a quoted field may span several lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

export interface CsvFault {
  readonly line: number;
  readonly code: Extract<ProblemCode, 'csv-bad-quote' | 'csv-unterminated-quote'>;
  readonly reason: string;
  readonly excerpt: string;
}

export interface CsvChunk {
  readonly records: CsvRecord[];
  readonly faults: CsvFault[];
}

export interface CsvParser {
  push(chunk: string): CsvChunk;
  end(): CsvChunk;
}

const [QUOTE, COMMA, NEWLINE, RETURN] = [34, 44, 10, 13];
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
export function createCsvParser(): CsvParser {
  return new Parser();
}

class Parser implements CsvParser {
  private carry = '';
  private line = 1;
  private started = false;

  push(chunk: string): CsvChunk {
    return this.scan(this.carry + this.dropBom(chunk), false);
  }

  end(): CsvChunk {
    return this.scan(this.carry, true);
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
      const next = cursor.scanRecord(start);
      if (next === INCOMPLETE) break;
      this.collect(out, cursor, start, next);
      this.line += countNewlines(text, start, next);
      start = next;
    }
    this.carry = text.slice(start);
    return out;
  }

  private collect(out: CsvChunk, cursor: RecordCursor, start: number, next: number): void {
    if (cursor.fault !== undefined) {
      const excerpt = excerptOf(cursor.text.slice(start, Math.min(next, start + 200)));
      out.faults.push({ ...cursor.fault, line: this.line, excerpt });
    } else if (cursor.cells.length > 0) out.records.push({ line: this.line, cells: cursor.cells });
  }
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

  constructor(
    readonly text: string,
    private readonly final: boolean,
  ) {}

  /** Where the record starting at `start` ends (after its newline), or INCOMPLETE; fills `cells` or `fault`. */
  scanRecord(start: number): number {
    this.cells = [];
    this.fault = undefined;
    if (this.isBlankLineAt(start)) return this.nextNewline(start) + 1;
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

  private isBlankLineAt(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return code === NEWLINE || (code === RETURN && this.text.charCodeAt(at + 1) === NEWLINE);
  }

  private unquoted(start: number): number {
    const end = Math.min(this.nextComma(start), this.nextNewline(start));
    const atEnd = end === this.text.length;
    if (atEnd && !this.final) return INCOMPLETE;
    this.cells.push(withoutReturn(this.text.slice(start, end)));
    this.separator = atEnd ? END_OF_TEXT : this.text.charCodeAt(end);
    return atEnd ? end : end + 1;
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
    if (code === COMMA || code === NEWLINE) return this.ended(code, at + 1);
    if (code === RETURN && this.text.charCodeAt(at + 1) === NEWLINE) return this.ended(NEWLINE, at + 2);
    if (code === RETURN && at + 1 === this.text.length)
      return this.final ? this.ended(END_OF_TEXT, at + 1) : INCOMPLETE;
    return this.skipFaultyLine(at);
  }

  private ended(separator: number, next: number): number {
    this.separator = separator;
    return next;
  }

  /** After text following a closing quote, resume at the next line; the rest of this one cannot be trusted. */
  private skipFaultyLine(at: number): number {
    const newline = this.text.indexOf('\n', at);
    if (newline === -1 && !this.final) return INCOMPLETE;
    const fault: FaultDraft = { code: 'csv-bad-quote', reason: 'unexpected text after a closing quote' };
    return this.faultAt(newline === -1 ? this.text.length : newline + 1, fault);
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

  private nextNewline(from: number): number {
    if (this.newlineAt < from) this.newlineAt = indexOrEnd(this.text, '\n', from);
    return this.newlineAt;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/** The `\r` of a `\r\n` record end (or of a final `\r`) is not data. */
function withoutReturn(value: string): string {
  return value.charCodeAt(value.length - 1) === RETURN ? value.slice(0, -1) : value;
}

/** Index of the quote that closes a field whose content starts at `from`, skipping `""` pairs; -1 if none yet. */
function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at !== -1 && text.charCodeAt(at + 1) === QUOTE) at = text.indexOf('"', at + 2);
  return at;
}
