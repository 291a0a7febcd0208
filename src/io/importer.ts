// The incremental importer: push text chunks, get records and problems with exact lines; cancel by not pushing.
import type { MixpanelEvent } from '../engine/index.ts';
import { IDENTITY_EVENT_NAMES } from '../engine/index.ts';
import { detectFormat, DETECTION_SAMPLE_SIZE, type FormatDetection } from './detect.ts';
import { EXPORT_WITHOUT_RAW_IDS, exportNoteMessage, exportSignOf, hasRawIdentity } from './mixpanelExport.ts';
import { ImportReportBuilder, type ImportReport } from './report.ts';
import { createSource, type RecordSource } from './sources.ts';
import { LineTally } from './lines.ts';
import { emptyBatch, type ImportBatch, type ImportFormat } from './types.ts';

/** How a file is imported: its name (for format detection) and the reader's limits. */
export interface ImporterOptions {
  /** Lets `auto` use the extension when the content alone is ambiguous. */
  readonly fileName?: string;
  /** Lines (JSON values, CSV records) longer than this many characters are reported and skipped (64 Mi). */
  readonly maxLineLength?: number;
}

/**
 * Reads one file incrementally. Each `push` returns the records and problems its chunk completed, so a Web Worker
 * can post progress between chunks and cancel simply by not pushing any more. Call `end` once after the last
 * chunk: it flushes a last line without a newline and reports anything left unclosed.
 */
export interface Importer {
  /** The format being read; with `auto`, 'unknown' until enough text arrived to detect it. */
  readonly format: ImportFormat;
  push(chunk: string): ImportBatch;
  end(): ImportBatch;
  /** The report so far; after `end`, the final one. */
  report(): ImportReport;
}

/**
 * An importer for `format`, or `auto` to detect the format from the first DETECTION_SAMPLE_SIZE characters (text
 * is held back until then, or until `end`). Chunks are decoded text: in a worker,
 * `file.stream().pipeThrough(new TextDecoderStream())`; in Node, `createReadStream(path, 'utf8')`.
 */
export function createImporter(format: ImportFormat | 'auto', options: ImporterOptions = {}): Importer {
  return new IncrementalImporter(format, options);
}

/** Imports a whole text at once: the same records, problems and notes as pushing it in any chunks. */
export function importText(
  text: string,
  format: ImportFormat | 'auto',
  options: ImporterOptions = {},
): ImportBatch & { readonly report: ImportReport } {
  const importer = createImporter(format, options);
  const first = importer.push(text);
  const last = importer.end();
  return {
    records: [...first.records, ...last.records],
    problems: [...first.problems, ...last.problems],
    notes: [...first.notes, ...last.notes],
    loaded: [...first.loaded, ...last.loaded],
    report: importer.report(),
  };
}

class IncrementalImporter implements Importer {
  private source: RecordSource | undefined;
  private detected: ImportFormat = 'unknown';
  private readonly sample: string[] = [];
  private sampleLength = 0;
  private readonly builder = new ImportReportBuilder();
  private readonly lines = new LineTally();
  private readonly exports = new ExportWatch();
  private lastReplacementLine = 0;

  constructor(
    requested: ImportFormat | 'auto',
    private readonly options: ImporterOptions,
  ) {
    if (requested !== 'auto') this.start({ format: requested, reason: 'chosen by the caller' });
  }

  get format(): ImportFormat {
    return this.detected;
  }

  push(chunk: string): ImportBatch {
    const out = emptyBatch();
    this.noteReplacements(chunk, out);
    this.lines.add(chunk);
    if (this.source === undefined) this.holdForDetection(chunk, out);
    else this.source.push(chunk, out);
    return this.finish(out);
  }

  end(): ImportBatch {
    const out = emptyBatch();
    if (this.source === undefined) this.detectAndReplay(out);
    this.source?.end(out);
    return this.finish(out, true);
  }

  /**
   * Invalid UTF-8 reaches us already decoded as U+FFFD (TextDecoder and Node both replace it): each line holding
   * one is noted once, since an id on it may no longer match the same id elsewhere. The line still loads.
   */
  private noteReplacements(chunk: string, out: ImportBatch): void {
    for (let at = chunk.indexOf(REPLACEMENT); at !== -1; at = chunk.indexOf(REPLACEMENT, at + 1)) {
      const line = this.lines.lineAt(chunk, at);
      if (line === this.lastReplacementLine) continue;
      this.lastReplacementLine = line;
      out.notes.push({ line, code: 'invalid-utf8', message: INVALID_UTF8_NOTE });
    }
  }

  report(): ImportReport {
    return this.builder.build(this.lines.lines, this.lines.blankLines);
  }

  private holdForDetection(chunk: string, out: ImportBatch): void {
    this.sample.push(chunk);
    this.sampleLength += chunk.length;
    if (this.sampleLength >= DETECTION_SAMPLE_SIZE) this.detectAndReplay(out);
  }

  private detectAndReplay(out: ImportBatch): void {
    const text = this.sample.join('');
    this.sample.length = 0;
    const detection = detectFormat(text.slice(0, DETECTION_SAMPLE_SIZE), this.options.fileName);
    out.notes.push({ code: 'format', message: `read as ${detection.format}: ${detection.reason}` });
    this.start(detection).push(text, out);
  }

  private start(detection: FormatDetection): RecordSource {
    this.detected = detection.format;
    this.builder.setFormat(detection);
    const { maxLineLength } = this.options;
    const options = maxLineLength === undefined ? {} : { maxLineLength };
    this.source = createSource(detection.format, `unrecognised format: ${detection.reason}`, options);
    return this.source;
  }

  private finish(out: ImportBatch, final = false): ImportBatch {
    this.exports.inspect(out);
    if (final) this.exports.addEndNotes(out);
    this.builder.setLooksLikeExport(this.exports.detected);
    this.builder.add(out);
    return out;
  }
}

const REPLACEMENT = '\uFFFD';

/** The note for a line with invalid UTF-8 (shared with the CLI, which prints it). */
export const INVALID_UTF8_NOTE =
  'invalid UTF-8 (or a U+FFFD character): the bad bytes read as U+FFFD, so an id on this line may not match the same id elsewhere';

/** G-6: notes the first exported-looking event, and at the end whether the merges can be replayed at all. */
class ExportWatch {
  detected = false;
  private withRawIds = 0;
  private identityEvents = 0;

  inspect(out: ImportBatch): void {
    for (const { line, record } of out.records) {
      if (record.kind === 'event') this.inspectEvent(line, record.event, out);
    }
  }

  private inspectEvent(line: number, event: MixpanelEvent, out: ImportBatch): void {
    if (hasRawIdentity(event)) this.withRawIds++;
    if (IDENTITY_EVENT_NAMES.has(event.event)) this.identityEvents++;
    if (this.detected) return;
    const sign = exportSignOf(event);
    if (sign === undefined) return;
    this.detected = true;
    out.notes.push({ line, code: 'mixpanel-export', message: exportNoteMessage(line, sign) });
  }

  addEndNotes(out: ImportBatch): void {
    if (this.detected && this.withRawIds === 0 && this.identityEvents === 0)
      out.notes.push({ code: 'export-without-raw-ids', message: EXPORT_WITHOUT_RAW_IDS });
  }
}
