// One record source per format: each turns text chunks into records and problems, numbering lines exactly.
import { createCsvParser, type CsvChunk, type CsvFault, type CsvParser } from './csv.ts';
import { csvRowToRecord, planCsvColumns, type CsvColumnPlan } from './csvEvents.ts';
import { createJsonValueScanner, type JsonScan, type JsonValueScanner } from './jsonValues.ts';
import { jsonFaultOffset } from './scan/fault.ts';
import {
  createLineSplitter,
  DEFAULT_MAX_LINE_LENGTH,
  type LineSplitter,
  type NumberedLine,
} from './lines.ts';
import { normaliseMixpanel } from './mixpanel.ts';
import { normaliseSegment } from './segment.ts';
import {
  excerptOf,
  isBlankLine,
  MAX_JSON_DEPTH,
  nestsDeeperThan,
  parseJsonText,
  tooLongReason,
} from './text.ts';
import { rejected, type ImportBatch, type ImportFormat, type Normalised } from './types.ts';

/** Writes what a chunk yields into `out`; `end` flushes what the last chunk left open. */
export interface RecordSource {
  push(chunk: string, out: ImportBatch): void;
  end(out: ImportBatch): void;
}

type Normaliser = (value: unknown) => Normalised;

/** The limits every reader takes. */
export interface SourceOptions {
  /** Lines (and JSON values, CSV records) longer than this many characters are reported and skipped. */
  readonly maxLineLength?: number;
}

/** The source for a known format; `unknown` rejects the file once, at line 1, with the detector's reason. */
export function createSource(
  format: ImportFormat,
  unknownReason = 'the format is unknown',
  options: SourceOptions = {},
): RecordSource {
  switch (format) {
    case 'ndjson':
      return new LineSource(normaliseMixpanel, options);
    case 'segment-ndjson':
      return new LineSource(normaliseSegment, options);
    case 'json-array':
      return new JsonDocumentSource(normaliseMixpanel, options);
    case 'segment-json-array':
      return new JsonDocumentSource(normaliseSegment, options);
    case 'csv':
      return new CsvSource(options);
    case 'har':
      // A HAR needs the whole log (entries sorted by start time) and async inflating: src/io/har reads it.
      return new UnknownSource('a HAR network log is read by the HAR reader (src/io/har), not line by line');
    case 'unknown':
      return new UnknownSource(unknownReason);
  }
}

/**
 * Adds one normalised value to the batch, stamping its line on records, notes and problems alike. `source` is
 * the value's text, or a CSV record's cells, joined only when an excerpt is needed.
 */
export function addNormalised(
  out: ImportBatch,
  line: number,
  source: string | readonly string[],
  result: Normalised,
): void {
  if (!result.ok) {
    const text = typeof source === 'string' ? source : source.join(',');
    out.problems.push({ line, code: result.code, reason: result.reason, excerpt: excerptOf(text) });
    return;
  }
  out.loaded.push(line);
  for (const record of result.records) out.records.push({ line, record });
  if (result.note !== undefined) out.notes.push({ line, ...result.note });
}

/** The reason for a value nested deeper than MAX_JSON_DEPTH. */
export const TOO_DEEP_REASON = `JSON nested more than ${MAX_JSON_DEPTH} levels deep: skipped`;

function normaliseJson(text: string, normalise: Normaliser): Normalised {
  if (nestsDeeperThan(text)) return rejected('too-deep', TOO_DEEP_REASON);
  const parsed = parseJsonText(text);
  return parsed.ok ? normalise(parsed.value) : rejected('bad-json', parsed.reason);
}

/** A JSON value's parse failure names the line and column of the fault in the file, not only in the value. */
function withPosition(result: Normalised, text: string, line: number, column: number): Normalised {
  if (result.ok || result.code !== 'bad-json') return result;
  const at = jsonFaultOffset(text);
  if (at === undefined) return result;
  const before = text.slice(0, at);
  const breaks = before.split(/\r\n|\r|\n/);
  const faultLine = line + breaks.length - 1;
  const faultColumn = breaks.length === 1 ? column + at : (breaks.at(-1)?.length ?? 0) + 1;
  const reason = `${result.reason.replace(/ in JSON at position \d+.*$/, '')} (line ${faultLine}, column ${faultColumn})`;
  return rejected('bad-json', reason);
}

/** NDJSON: one value per line, blank lines skipped, so one bad line never hides the next. */
class LineSource implements RecordSource {
  private readonly splitter: LineSplitter;
  private readonly limit: number;

  constructor(
    private readonly normalise: Normaliser,
    options: SourceOptions,
  ) {
    this.limit = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
    this.splitter = createLineSplitter({ maxLineLength: this.limit });
  }

  push(chunk: string, out: ImportBatch): void {
    this.addLines(this.splitter.push(chunk), out);
  }

  end(out: ImportBatch): void {
    this.addLines(this.splitter.end(), out);
  }

  private addLines(lines: readonly NumberedLine[], out: ImportBatch): void {
    for (const { line, text, tooLong } of lines) {
      if (tooLong !== undefined) {
        const reason = tooLongReason(tooLong, this.limit);
        out.problems.push({ line, code: 'line-too-long', reason, excerpt: '' });
      } else if (!isBlankLine(text)) addNormalised(out, line, text, normaliseJson(text, this.normalise));
    }
  }
}

/** JSON arrays, wrapper objects, single objects: values found by the streaming scanner, parsed one by one. */
class JsonDocumentSource implements RecordSource {
  private readonly scanner: JsonValueScanner;

  constructor(
    private readonly normalise: Normaliser,
    options: SourceOptions,
  ) {
    const { maxLineLength } = options;
    this.scanner = createJsonValueScanner(
      maxLineLength === undefined ? {} : { maxValueLength: maxLineLength },
    );
  }

  push(chunk: string, out: ImportBatch): void {
    this.addScan(this.scanner.push(chunk), out);
  }

  end(out: ImportBatch): void {
    this.addScan(this.scanner.end(), out);
  }

  /** Values and structural issues come out in line order, whatever the chunking. */
  private addScan(scan: JsonScan, out: ImportBatch): void {
    const first = out.problems.length;
    for (const { line, column, text } of scan.values)
      addNormalised(out, line, text, withPosition(normaliseJson(text, this.normalise), text, line, column));
    for (const { code, ...issue } of scan.issues)
      out.problems.push({ ...issue, code: code ?? 'json-structure' });
    const added = out.problems.splice(first).sort((a, b) => a.line - b.line);
    out.problems.push(...added);
  }
}

/** CSV: the first record is the header; every later record is an event. */
class CsvSource implements RecordSource {
  private readonly parser: CsvParser;
  private plan: CsvColumnPlan | undefined;

  constructor(options: SourceOptions) {
    const { maxLineLength } = options;
    this.parser = createCsvParser(maxLineLength === undefined ? {} : { maxRecordLength: maxLineLength });
  }

  push(chunk: string, out: ImportBatch): void {
    this.addChunk(this.parser.push(chunk), out);
  }

  end(out: ImportBatch): void {
    this.addChunk(this.parser.end(), out);
  }

  /** Faults and rows are interleaved by line, so problems come out in file order. */
  private addChunk(chunk: CsvChunk, out: ImportBatch): void {
    let nextFault = 0;
    for (const { line, cells } of chunk.records) {
      nextFault = addFaultsBefore(line, chunk.faults, nextFault, out);
      if (this.plan === undefined) this.readHeader(line, cells, out);
      else addNormalised(out, line, cells, csvRowToRecord(this.plan, cells));
    }
    addFaultsBefore(Number.POSITIVE_INFINITY, chunk.faults, nextFault, out);
  }

  private readHeader(line: number, cells: readonly string[], out: ImportBatch): void {
    this.plan = planCsvColumns(cells);
    this.parser.expectWidth(cells.length);
    for (const message of this.plan.notes) out.notes.push({ line, code: 'csv-header', message });
    if (!this.plan.hasEventColumn) {
      const message =
        'the header has no event column (event, event_name or name): every row will be rejected';
      out.notes.push({ line, code: 'csv-no-event-column', message });
    }
  }
}

/** Adds the faults from index `from` that start before `line`; returns the index of the first one left. */
function addFaultsBefore(line: number, faults: readonly CsvFault[], from: number, out: ImportBatch): number {
  let at = from;
  for (let fault = faults[at]; fault !== undefined && fault.line < line; fault = faults[++at])
    out.problems.push(fault);
  return at;
}

class UnknownSource implements RecordSource {
  private reported = false;

  constructor(private readonly reason: string) {}

  push(chunk: string, out: ImportBatch): void {
    if (this.reported || chunk.trim() === '') return;
    this.reported = true;
    const newline = chunk.indexOf('\n');
    const firstLine = chunk.slice(0, newline === -1 ? 200 : Math.min(200, newline));
    out.problems.push({
      line: 1,
      code: 'unknown-format',
      reason: this.reason,
      excerpt: excerptOf(firstLine),
    });
  }

  end(): void {}
}
