// One record source per format: each turns text chunks into records and problems, numbering lines exactly.
import { createCsvParser, type CsvChunk, type CsvFault } from './csv.ts';
import { csvRowToRecord, planCsvColumns, type CsvColumnPlan } from './csvEvents.ts';
import { createJsonValueScanner, type JsonScan } from './jsonValues.ts';
import { createLineSplitter, type NumberedLine } from './lines.ts';
import { normaliseMixpanel } from './mixpanel.ts';
import { normaliseSegment } from './segment.ts';
import { excerptOf, parseJsonText } from './text.ts';
import { rejected, type ImportBatch, type ImportFormat, type Normalised } from './types.ts';

/** Writes what a chunk yields into `out`; `end` flushes what the last chunk left open. */
export interface RecordSource {
  push(chunk: string, out: ImportBatch): void;
  end(out: ImportBatch): void;
}

type Normaliser = (value: unknown) => Normalised;

/** The source for a known format; `unknown` rejects the file once, at line 1, with the detector's reason. */
export function createSource(format: ImportFormat, unknownReason = 'the format is unknown'): RecordSource {
  switch (format) {
    case 'ndjson':
      return new LineSource(normaliseMixpanel);
    case 'segment-ndjson':
      return new LineSource(normaliseSegment);
    case 'json-array':
      return new JsonDocumentSource(normaliseMixpanel);
    case 'segment-json-array':
      return new JsonDocumentSource(normaliseSegment);
    case 'csv':
      return new CsvSource();
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
  for (const record of result.records) out.records.push({ line, record });
  if (result.note !== undefined) out.notes.push({ line, ...result.note });
}

function normaliseJson(text: string, normalise: Normaliser): Normalised {
  const parsed = parseJsonText(text);
  return parsed.ok ? normalise(parsed.value) : rejected('bad-json', parsed.reason);
}

/** NDJSON: one value per line, blank lines skipped, so one bad line never hides the next. */
class LineSource implements RecordSource {
  private readonly splitter = createLineSplitter();

  constructor(private readonly normalise: Normaliser) {}

  push(chunk: string, out: ImportBatch): void {
    this.addLines(this.splitter.push(chunk), out);
  }

  end(out: ImportBatch): void {
    this.addLines(this.splitter.end(), out);
  }

  private addLines(lines: readonly NumberedLine[], out: ImportBatch): void {
    for (const { line, text } of lines) {
      if (text.trim() === '') continue;
      addNormalised(out, line, text, normaliseJson(text, this.normalise));
    }
  }
}

/** JSON arrays, wrapper objects, single objects: values found by the streaming scanner, parsed one by one. */
class JsonDocumentSource implements RecordSource {
  private readonly scanner = createJsonValueScanner();

  constructor(private readonly normalise: Normaliser) {}

  push(chunk: string, out: ImportBatch): void {
    this.addScan(this.scanner.push(chunk), out);
  }

  end(out: ImportBatch): void {
    this.addScan(this.scanner.end(), out);
  }

  private addScan(scan: JsonScan, out: ImportBatch): void {
    for (const { line, text } of scan.values)
      addNormalised(out, line, text, normaliseJson(text, this.normalise));
    for (const issue of scan.issues) out.problems.push({ ...issue, code: 'json-structure' });
  }
}

/** CSV: the first record is the header; every later record is an event. */
class CsvSource implements RecordSource {
  private readonly parser = createCsvParser();
  private plan: CsvColumnPlan | undefined;

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
