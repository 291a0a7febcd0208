// `idmerge resolve|lint FILE.har`: a network log read once by the HAR reader, then served to both passes.
import type { Mode, ResolvedOutput } from '../engine/index.ts';
import { toResolvedEvent } from '../io/index.ts';
import { entryAccountText, readHar, resolvableRecords, type HarReading } from '../io/har/index.ts';
import { readTextChunks } from './io.ts';
import type { ReadBatch, ReadItem, RecordReader } from './readers.ts';

/**
 * Reads a HAR: its entries in the order they started, Mixpanel and Segment payloads decoded into records, failed
 * requests left out unless `includeFailed`. The log is streamed once; only the decoded records are kept, so the
 * second pass of Simplified and Original costs nothing more.
 */
export class HarReader implements RecordReader {
  private reading: Promise<HarReading> | undefined;

  constructor(
    private readonly path: string,
    private readonly mode: Mode,
    private readonly includeFailed = false,
  ) {}

  /** The whole reading (records with their facts, problems, summary), read on first use. */
  read(): Promise<HarReading> {
    this.reading ??= readHar(readTextChunks(this.path));
    return this.reading;
  }

  async *batches(): AsyncGenerator<ReadBatch<ReadItem>> {
    const reading = await this.read();
    const leftOut = this.includeFailed ? 0 : reading.records.filter((record) => record.facts.failed).length;
    this.entries = entryAccountText(reading.summary.account, leftOut);
    const problems = this.firstPass
      ? reading.problems.map(({ line, code, reason }) => ({ line, code, reason }))
      : [];
    this.firstPass = false;
    const items = resolvableRecords(reading, this.includeFailed).map(({ line, record }) => ({
      line,
      record,
    }));
    yield { items, problems };
  }

  private firstPass = true;

  /** A HAR's lines are not its records (one entry spans many lines): its accounting is by entry (entrySummary). */
  account(): undefined {
    return undefined;
  }

  private entries: string | undefined;

  /** The entry account, as the app's Network log words it; known once the log has been read. */
  entrySummary(): string | undefined {
    return this.entries;
  }

  render(item: ReadItem, outcome: ResolvedOutput): string {
    const { record } = item;
    if (record.kind === 'profile') return JSON.stringify(record.update);
    return JSON.stringify(toResolvedEvent(record.event, outcome, this.mode));
  }
}
