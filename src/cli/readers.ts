// Readers turn a file into batches of stream records (with their line numbers) and write each one back resolved.
import type { Channel, MixpanelEvent, Mode, ResolvedOutput, StreamRecord } from '../engine/index.ts';
import {
  createImporter,
  createLineSplitter,
  detectFormat,
  DETECTION_SAMPLE_SIZE,
  failureProperties,
  normaliseMixpanel,
  toResolvedEvent,
} from '../io/index.ts';
import type { ImportFormat } from '../io/index.ts';
import { rewriteEventJson, scanEvent, serializeExtra, type ScannedEvent } from '../io/scan/index.ts';
import { HarReader } from './harReader.ts';
import { readSample, readTextChunks } from './io.ts';
import { UsageError } from './options.ts';

export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

export interface ReadItem {
  readonly line: number;
  readonly record: StreamRecord;
}

export interface ReadBatch<Item extends ReadItem> {
  readonly items: Item[];
  readonly problems: LineProblem[];
}

/** Reads one file; `batches()` can be called again for a second pass and yields the same items. */
export interface RecordReader<Item extends ReadItem = ReadItem> {
  batches(): AsyncGenerator<ReadBatch<Item>>;
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
  /** Event names as the engine keeps them: one string per distinct name, not a slice of each chunk read. */
  private readonly names = new EventNames();

  constructor(
    readonly path: string,
    private readonly mode: Mode,
  ) {}

  async *batches(): AsyncGenerator<ReadBatch<ScannedItem>> {
    const splitter = createLineSplitter();
    for await (const chunk of readTextChunks(this.path)) yield this.read(splitter.push(chunk));
    yield this.read(splitter.end());
  }

  private read(lines: ReadonlyArray<{ line: number; text: string }>): ReadBatch<ScannedItem> {
    const batch: ReadBatch<ScannedItem> = { items: [], problems: [] };
    for (const { line, text } of lines) {
      if (text.trim() === '') continue;
      const item = readLine(line, text, this.names);
      if ('reason' in item) batch.problems.push(item);
      else batch.items.push(item);
    }
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

function readLine(line: number, text: string, names: EventNames): ScannedItem | LineProblem {
  const scan = scanEvent(text);
  if (!scan.ok) return { line, reason: `${scan.reason}` };
  if (scan.event === undefined && scan.hasProfileDistinctId) return readProfileLine(line, text);
  if (scan.event === undefined || scan.event === '') return { line, reason: 'missing event name' };
  if (scan.channel !== undefined && !isChannel(scan.channel)) {
    return { line, reason: `channel must be "track" or "import", not ${JSON.stringify(scan.channel)}` };
  }
  const channel = scan.channel;
  const name = names.own(scan.event);
  const event: MixpanelEvent =
    channel === undefined
      ? { event: name, properties: scan.identity }
      : { event: name, properties: scan.identity, channel };
  return { line, text, scan, record: { kind: 'event', event } };
}

function isChannel(value: string): value is Channel {
  return value === 'track' || value === 'import';
}

/** Profile updates are rare in event files: they are parsed whole and passed through unchanged. */
function readProfileLine(line: number, text: string): ScannedItem | LineProblem {
  const normalised = normaliseMixpanel(JSON.parse(text));
  const record = normalised.ok ? normalised.records[0] : undefined;
  if (!normalised.ok || record === undefined)
    return { line, reason: normalised.ok ? 'empty record' : normalised.reason };
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
  constructor(
    private readonly path: string,
    private readonly format: ImportFormat,
    private readonly mode: Mode,
    private readonly fileName: string | undefined,
  ) {}

  async *batches(): AsyncGenerator<ReadBatch<ReadItem>> {
    const importer = createImporter(
      this.format,
      this.fileName === undefined ? {} : { fileName: this.fileName },
    );
    for await (const chunk of readTextChunks(this.path)) yield toBatch(importer.push(chunk));
    yield toBatch(importer.end());
  }

  render(item: ReadItem, outcome: ResolvedOutput): string {
    const { record } = item;
    if (record.kind === 'profile') return JSON.stringify(record.update);
    return JSON.stringify(toResolvedEvent(record.event, outcome, this.mode));
  }
}

function toBatch(batch: { records: ReadItem[]; problems: LineProblem[] }): ReadBatch<ReadItem> {
  return { items: batch.records, problems: batch.problems };
}

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
  if (detection.format === 'unknown')
    throw new UsageError(`cannot tell the input format: ${detection.reason}`);
  return detection.format;
}

/** NDJSON takes the scanner's fast path; a HAR its own reader; every other format goes through the importer. */
export function readerFor(
  path: string,
  format: ImportFormat,
  mode: Mode,
  name: string | undefined,
): RecordReader {
  if (format === 'har') return new HarReader(path, mode);
  return format === 'ndjson' ? new NdjsonReader(path, mode) : new ImporterReader(path, format, mode, name);
}

/** `--in FORMAT` is `--format FORMAT` by another name (issue #16 spells `--in har`); `--in` wins if both are given. */
export const IN_FLAG = { in: { type: 'string' } } as const;
