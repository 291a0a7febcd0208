// Readers turn a file into batches of stream records (with their line numbers) and write each one back resolved.
import type { Channel, MixpanelEvent, Mode, ResolvedOutput, StreamRecord } from '../engine/index.ts';
import {
  checkEventFields,
  createImporter,
  createLineSplitter,
  DEFAULT_MAX_LINE_LENGTH,
  describeBadChannel,
  detectFormat,
  DETECTION_SAMPLE_SIZE,
  failureProperties,
  INVALID_UTF8_NOTE,
  isBlankLine,
  LineAccounting,
  MAX_JSON_DEPTH,
  nestsDeeperThan,
  normaliseMixpanel,
  TOO_DEEP_REASON,
  toResolvedEvent,
  tooLongReason,
} from '../io/index.ts';
import type { ImportBatch, ImportFormat, LineAccount, NumberedLine, ProblemCode } from '../io/index.ts';
import {
  deepestNesting,
  rewriteEventJson,
  scanEvent,
  serializeExtra,
  type ScannedEvent,
} from '../io/scan/index.ts';
import { HarReader } from './harReader.ts';
import { readSample, readTextChunks, readTextPieces } from './io.ts';
import { UsageError } from './options.ts';

export interface LineProblem {
  readonly line: number;
  readonly code: ProblemCode;
  readonly reason: string;
}

export interface ReadItem {
  readonly line: number;
  readonly record: StreamRecord;
}

export interface ReadBatch<Item extends ReadItem> {
  readonly items: Item[];
  readonly problems: LineProblem[];
  /** Lines that loaded but deserve a word (invalid UTF-8), printed on standard error on the first pass. */
  readonly notes?: ReadonlyArray<{ readonly line: number; readonly message: string }>;
}

/** Reads one file; `batches()` can be called again for a second pass and yields the same items. */
export interface RecordReader<Item extends ReadItem = ReadItem> {
  batches(): AsyncGenerator<ReadBatch<Item>>;
  /** Where every line of the last complete pass went (undefined before one, or when the reader cannot say). */
  account(): LineAccount | undefined;
  /** For readers accounted by entry rather than line (HAR): that account in words, once read. */
  entrySummary?(): string | undefined;
  /** The output line for an item: its event resolved as `outcome` says, or a profile update as it came. */
  render(item: Item, outcome: ResolvedOutput): string;
}

export interface ScannedItem extends ReadItem {
  readonly text: string;
  readonly scan: ScannedEvent | undefined;
}

/**
 * The fast path for NDJSON: each line is validated and read by the scanner (as strict as JSON.parse, without
 * building the object) and written back by string surgery, so a line's other properties are never parsed.
 */
export class NdjsonReader implements RecordReader<ScannedItem> {
  private judge = new NdjsonLines(DEFAULT_MAX_LINE_LENGTH);
  private lastAccount: LineAccount | undefined;

  constructor(
    readonly path: string,
    private readonly mode: Mode,
    readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH,
  ) {}

  async *batches(): AsyncGenerator<ReadBatch<ScannedItem>> {
    this.judge = new NdjsonLines(this.maxLineLength);
    const splitter = createLineSplitter({ maxLineLength: this.maxLineLength });
    // One batch per chunk of the file (the byte copy counts on batch k having read chunks 0…k).
    for await (const pieces of readTextPieces(this.path))
      yield this.read(pieces.flatMap((piece) => splitter.push(piece)));
    yield this.read(splitter.end());
    this.lastAccount = this.judge.account();
  }

  account(): LineAccount | undefined {
    return this.lastAccount;
  }

  private read(lines: readonly NumberedLine[]): ReadBatch<ScannedItem> {
    const batch = newBatch();
    for (const line of lines) this.judge.judge(line, batch);
    return batch;
  }

  render(item: ScannedItem, outcome: ResolvedOutput): string {
    if (item.scan === undefined) return item.text;
    return rewriteEventJson(
      item.text,
      item.scan,
      JSON.stringify(outcome.resolvedId),
      outputProperties(outcome, this.mode),
    );
  }
}

/** A batch being filled, with room for notes. */
export type NdjsonBatch = ReadBatch<ScannedItem> & { readonly notes: ReadNote[] };

export function newBatch(): NdjsonBatch {
  return { items: [], problems: [], notes: [] };
}

/**
 * How the NDJSON path judges each physical line (loaded, blank, or refused with its code and reason) and accounts
 * for all of them: one definition for the text reader and for the byte reader of `idmerge resolve`'s worker, which
 * gives it every line it does not read from bytes itself.
 */
export class NdjsonLines {
  /** Event names as the engine keeps them: one string per distinct name, not a slice of each chunk read. */
  private readonly names = new EventNames();
  private readonly accounting = new LineAccounting();
  private lines = 0;
  private blank = 0;

  constructor(private readonly maxLineLength: number) {}

  /** Judges one line of text (or a too-long one) and adds it to `batch` as an item, a problem or nothing. */
  judge({ line, text, tooLong }: NumberedLine, batch: NdjsonBatch): void {
    this.lines = line;
    if (text.includes('\uFFFD')) batch.notes.push({ line, message: INVALID_UTF8_NOTE });
    const item =
      tooLong === undefined
        ? isBlankLine(text)
          ? undefined
          : readLine(line, text, this.names)
        : problem(line, 'line-too-long', tooLongReason(tooLong, this.maxLineLength));
    if (item === undefined) this.blank++;
    else if ('reason' in item) {
      batch.problems.push(item);
      this.accounting.addProblem(line, item.code);
    } else {
      batch.items.push(item);
      this.accounting.addLoaded(line);
    }
  }

  /** Line `line` was loaded as an event by another reading of it (the byte path), with no problem and no note. */
  loaded(line: number): void {
    this.lines = line;
    this.accounting.addLoaded(line);
  }

  account(): LineAccount {
    return this.accounting.build(this.lines, this.blank);
  }
}

/**
 * A scanned name is a slice of the chunk it was read from; kept per event (the byte copy keeps the engine's record
 * columns), each would hold its whole chunk in memory. Names are few: each distinct one is copied once.
 */
class EventNames {
  private readonly known = new Map<string, string>();

  own(name: string): string {
    let own = this.known.get(name);
    if (own === undefined) {
      own = (' ' + name).slice(1);
      this.known.set(own, own);
    }
    return own;
  }
}

/** The scanner words its refusals; its syntax errors all start "not valid JSON", the rest are about shape. */
function scanProblemCode(reason: string): ProblemCode {
  if (reason.startsWith('not valid JSON')) return 'bad-json';
  return reason.startsWith('not a JSON object') ? 'not-an-object' : 'properties-not-object';
}

function problem(line: number, code: ProblemCode, reason: string): LineProblem {
  return { line, code, reason };
}

/** One NDJSON line, judged as the importer judges it (same codes, same field checks), without parsing it whole. */
/**
 * How near the depth limit the scanner's own count must come before the exact check runs: its count leaves out
 * the event's two levels and the few the patterns match, so the margin keeps the gate below the true depth.
 */
const DEPTH_MARGIN = 20;

function readLine(line: number, text: string, names: EventNames): ScannedItem | LineProblem {
  const scan = scanEvent(text);
  // The importer's rule, the same definition (io/sources.ts): a line nested deeper than MAX_JSON_DEPTH is refused.
  const nearLimit = scan.ok ? deepestNesting() > MAX_JSON_DEPTH - DEPTH_MARGIN : text.length > MAX_JSON_DEPTH;
  if (nearLimit && nestsDeeperThan(text)) return problem(line, 'too-deep', TOO_DEEP_REASON);
  if (!scan.ok) return problem(line, scanProblemCode(scan.reason), scan.reason);
  if (scan.event === undefined && scan.hasProfileDistinctId) return readProfileLine(line, text);
  if (scan.event === undefined || scan.event === '')
    return problem(line, 'missing-event-name', 'missing event name');
  const channel = scan.channel;
  if (scan.channelJson !== undefined && (channel === undefined || !isChannel(channel)))
    return problem(line, 'bad-channel', describeBadChannel(JSON.parse(scan.channelJson)));
  const fields = checkEventFields(scan.identity);
  if (fields !== undefined) return problem(line, fields.code, fields.reason);
  const event: MixpanelEvent =
    channel === undefined || !isChannel(channel)
      ? { event: names.own(scan.event), properties: scan.identity }
      : { event: names.own(scan.event), properties: scan.identity, channel };
  return { line, text, scan, record: { kind: 'event', event } };
}

function isChannel(value: string): value is Channel {
  return value === 'track' || value === 'import';
}

/** Profile updates are rare in event files: they are parsed whole and passed through unchanged. */
function readProfileLine(line: number, text: string): ScannedItem | LineProblem {
  const normalised = normaliseMixpanel(JSON.parse(text));
  const record = normalised.ok ? normalised.records[0] : undefined;
  if (!normalised.ok) return problem(line, normalised.code, normalised.reason);
  if (record === undefined) return problem(line, 'bad-profile-update', 'empty record');
  return { line, text, scan: undefined, record };
}

/** The G-7 / O-16 properties an output event gains, as the JSON text rewriteEventJson appends. */
export function outputProperties(outcome: ResolvedOutput, mode: Mode): string {
  const before = outcome.distinctIdBeforeIdentity;
  const failure = outcome.failure?.official ? outcome.failure : undefined;
  // Most events gain nothing; the rest gain one or two properties, built without an intermediate object.
  let extra = before === undefined ? '' : `,"$distinct_id_before_identity":${JSON.stringify(before)}`;
  if (failure !== undefined) extra += serializeExtra(failureProperties(failure, mode));
  return extra;
}

/** Every other format (JSON arrays, CSV, Segment) goes through the importer and is written back with JSON.stringify. */
export class ImporterReader implements RecordReader {
  private lastAccount: LineAccount | undefined;

  constructor(
    private readonly path: string,
    private readonly format: ImportFormat,
    private readonly mode: Mode,
    private readonly fileName: string | undefined,
    private readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH,
  ) {}

  async *batches(): AsyncGenerator<ReadBatch<ReadItem>> {
    const name = this.fileName === undefined ? {} : { fileName: this.fileName };
    const importer = createImporter(this.format, { ...name, maxLineLength: this.maxLineLength });
    for await (const chunk of readTextChunks(this.path)) yield toBatch(importer.push(chunk));
    yield toBatch(importer.end());
    this.lastAccount = importer.report().accounting;
  }

  account(): LineAccount | undefined {
    return this.lastAccount;
  }

  render(item: ReadItem, outcome: ResolvedOutput): string {
    const { record } = item;
    if (record.kind === 'profile') return JSON.stringify(record.update);
    return JSON.stringify(toResolvedEvent(record.event, outcome, this.mode));
  }
}

function toBatch(batch: ImportBatch): ReadBatch<ReadItem> {
  const notes = batch.notes.flatMap(({ line, code, message }) =>
    code === 'invalid-utf8' && line !== undefined ? [{ line, message }] : [],
  );
  return { items: batch.records, problems: batch.problems, notes };
}

type ReadNote = { readonly line: number; readonly message: string };

/** The values `--format` accepts. */
export const INPUT_FORMATS: readonly string[] = [
  'auto',
  'ndjson',
  'json-array',
  'csv',
  'segment-ndjson',
  'segment-json-array',
  'har',
];

/** The format to read `path` as: the one asked for, or the one its first few KB show. */
export async function chooseFormat(
  path: string,
  name: string | undefined,
  requested: string,
): Promise<ImportFormat> {
  if (!INPUT_FORMATS.includes(requested))
    throw new UsageError(`--format (or --in) must be one of ${INPUT_FORMATS.join(', ')}`);
  if (requested !== 'auto') return requested as ImportFormat;
  const detection = detectFormat(await readSample(path, DETECTION_SAMPLE_SIZE), name);
  // Only an empty file is 'unknown': read it as NDJSON, which reads nothing and says so.
  return detection.format === 'unknown' ? 'ndjson' : detection.format;
}

/** NDJSON takes the scanner's fast path; a HAR its own reader; every other format goes through the importer. */
export function readerFor(
  path: string,
  format: ImportFormat,
  mode: Mode,
  name: string | undefined,
  maxLineLength = DEFAULT_MAX_LINE_LENGTH,
): RecordReader {
  if (format === 'har') return new HarReader(path, mode);
  if (format === 'ndjson') return new NdjsonReader(path, mode, maxLineLength);
  return new ImporterReader(path, format, mode, name, maxLineLength);
}

/** `--max-line-bytes N`: the per-line limit (lines, JSON values and CSV records), default 64 MB. */
export const MAX_LINE_FLAG = { 'max-line-bytes': { type: 'string' } } as const;

export const MAX_LINE_HELP = `  --max-line-bytes N                  longest line (JSON value, CSV record) read, in characters; longer ones are
                                      reported and skipped, never held in memory (default 67108864, 64 MB)`;

/** The limit `--max-line-bytes` asks for. */
export function maxLineLength(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_LINE_LENGTH;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--max-line-bytes must be a whole number of at least 1; got "${text}"`);
  return limit;
}

/** `--in FORMAT` is `--format FORMAT` by another name (issue #16 spells `--in har`); `--in` wins if both are given. */
export const IN_FLAG = { in: { type: 'string' } } as const;
