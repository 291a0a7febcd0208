// A network log (HAR) in the import worker: read by src/io/har, its records resolved like any file's, and the
// Mixpanel payloads (nothing else of the log) kept for exports, the failed-requests toggle and "Open as scenario".
import type { StreamRecord } from '../engine/index.ts';
import {
  harImportReport,
  readHar,
  resolvableRecords,
  type HarReading,
  type HarSummary,
} from '../io/har/index.ts';
import { recordToNdjsonLine } from '../io/index.ts';
import { ImportSession, type ResolveSpec } from './importSession.ts';

/** What the page shows of a log beyond the usual report; part of the session's summary. */
export interface HarFacts {
  readonly summary: HarSummary;
  /** Whether the records of failed requests are in the resolution (the user's choice; off by default). */
  readonly includeFailed: boolean;
  /** Records the failed requests carried, included or not. */
  readonly failedRecords: number;
}

/** A read log: its records (payloads only, token already dropped) and how many lines the file had. */
export interface HarSource {
  readonly reading: HarReading;
  readonly lines: number;
}

/** Reads a log's text chunks; `onChunk` hears each chunk's length, and a false return stops reading (cancel). */
export async function readHarSource(
  chunks: AsyncIterable<string>,
  keepGoing: () => boolean,
): Promise<HarSource | undefined> {
  let lines = 0;
  let stopped = false;
  async function* counted(): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      if (!keepGoing()) {
        stopped = true;
        return;
      }
      for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) lines++;
      yield chunk;
    }
  }
  const reading = await readHar(counted());
  return stopped ? undefined : { reading, lines: lines + 1 };
}

/** A session over the log's records (failed requests' only when `includeFailed`), resolved under `spec`. */
export function harSession(
  source: HarSource,
  includeFailed: boolean,
  rederive: boolean,
  spec: ResolveSpec,
): ImportSession {
  const { reading, lines } = source;
  const session = new ImportSession();
  const records = resolvableRecords(reading, includeFailed).map(({ line, record }) => ({ line, record }));
  const failedRecords = reading.records.filter((record) => record.facts.failed).length;
  session.loadRecords(
    { records, problems: [...reading.problems], notes: [], loaded: records.map((r) => r.line) },
    harImportReport(reading, lines, includeFailed),
    rederive,
    spec,
    { summary: reading.summary, includeFailed, failedRecords },
  );
  return session;
}

/** The session's records as NDJSON: what exports re-read (in the same order, so indexes match). */
export function harRecordsFile(source: HarSource, includeFailed: boolean): Blob {
  const lines = resolvableRecords(source.reading, includeFailed).map(
    ({ record }) => recordToNdjsonLine(record) + '\n',
  );
  return new Blob(lines, { type: 'application/x-ndjson' });
}

/** The records "Open as scenario" infers from, and the property names the user may choose to keep. */
export function harScenarioInput(
  source: HarSource,
  includeFailed: boolean,
): { records: StreamRecord[]; propertyNames: string[] } {
  const records = resolvableRecords(source.reading, includeFailed).map(({ record }) => record);
  const names = new Map<string, number>();
  for (const record of records) {
    const properties = record.kind === 'event' ? record.event.properties : {};
    for (const name of Object.keys(properties)) names.set(name, (names.get(name) ?? 0) + 1);
  }
  const propertyNames = [...names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return { records, propertyNames };
}
