// Reads a HAR stream: entries in the order they started, Mixpanel/Segment payloads decoded into records, the rest
// counted by kind, and the facts only a network log knows (page, failed requests, retries, SDK versions).
import type { StreamRecord } from '../../engine/index.ts';
import { ImportReportBuilder, type ImportReport } from '../report.ts';
import type { ImportBatch, ImportNote, ImportProblem } from '../types.ts';
import { decodePayload } from './body.ts';
import { dataEndpointOf, otherKindOf, type DataEndpoint } from './classify.ts';
import { readEntry, readPage, type HarRequest } from './entry.ts';
import { inflate as defaultInflate, type Inflate } from './gzip.ts';
import { readPayload, type ElementResult } from './records.ts';
import { createHarWalker, type HarElementText, type HarWalkStep } from './walk.ts';
import { HarFactsBuilder, type HarSummary } from './summary.ts';

/** What the log says about one record beyond the payload. */
export interface HarRecordFacts {
  /** 1-based entry number in the log, as DevTools lists requests. */
  readonly entry: number;
  readonly method: string;
  readonly path: string;
  /** The page the request was made from (HAR page title, else the event's `$current_url`). */
  readonly page?: string;
  /** HTTP status ≥ 400 or no response: Mixpanel never received it. */
  readonly failed: boolean;
  /** The entry whose request first carried this event's `$insert_id`: this copy is a retry. */
  readonly retryOf?: number;
}

/** One record found in a HAR, with where it came from in the log. */
export interface HarRecord {
  /** Line of the HAR file where the request's entry starts. */
  readonly line: number;
  readonly record: StreamRecord;
  readonly facts: HarRecordFacts;
}

/** A whole HAR read: its records, problems, notes and summary. */
export interface HarReading {
  /** Every record read, failed requests' included, in the order their requests started. */
  readonly records: readonly HarRecord[];
  readonly problems: readonly ImportProblem[];
  readonly notes: readonly ImportNote[];
  readonly summary: HarSummary;
}

/** How a HAR is read: the inflater for compressed bodies, and a progress callback. */
export interface HarReadOptions {
  /** Inflates gzip/deflate bodies; default: the Compression Streams API (browser and Node). */
  readonly inflate?: Inflate;
  /** Hears how many characters have been read and entries seen, once per chunk. */
  readonly onProgress?: (progress: { readonly chars: number; readonly entries: number }) => void;
}

/** A data request waiting for the end of the log, when every entry's start time is known. */
interface Pending {
  readonly request: HarRequest;
  readonly endpoint: DataEndpoint;
}

/**
 * Reads a HAR text stream. Only one entry's text is held at a time; of each entry only a data request's method,
 * path, status and body are kept (no headers, no cookies, no response), and after decoding only the records.
 */
export async function readHar(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: HarReadOptions = {},
): Promise<HarReading> {
  const collector = new EntryCollector();
  const walker = createHarWalker();
  let chars = 0;
  for await (const chunk of chunks) {
    chars += chunk.length;
    collector.take(walker.push(chunk));
    options.onProgress?.({ chars, entries: collector.entries });
  }
  collector.take(walker.end());
  return collector.finish(options.inflate ?? defaultInflate);
}

class EntryCollector {
  entries = 0;
  /** Entries that are not HAR entries, and data requests that could not be decoded (the entry account). */
  private unreadableEntries = 0;
  /** Elements of data requests that gave no record (the entry account). */
  private elementProblems = 0;
  private readonly pending: Pending[] = [];
  private readonly problems: ImportProblem[] = [];
  private readonly facts = new HarFactsBuilder();

  take(step: HarWalkStep): void {
    for (const element of step.elements) this.takeElement(element);
    for (const issue of step.issues) this.problems.push({ ...issue, code: 'har-structure' });
  }

  private takeElement(element: HarElementText): void {
    const value = parse(element.text);
    if (element.section === 'pages') {
      const page = readPage(value);
      if (page !== undefined) this.facts.addPage(page);
      return;
    }
    this.entries++;
    const entry = element.index + 1;
    const request =
      value === undefined ? 'the entry is not valid JSON' : readEntry(value, entry, element.line);
    if (typeof request === 'string') {
      this.unreadableEntries++;
      this.problems.push({
        line: element.line,
        code: 'har-structure',
        reason: `entry ${entry}: ${request}`,
        excerpt: '',
      });
      return;
    }
    const endpoint = dataEndpointOf(request);
    if (endpoint === undefined) this.facts.countOther(otherKindOf(request));
    else this.pending.push({ request, endpoint });
  }

  async finish(inflate: Inflate): Promise<HarReading> {
    const records: HarRecord[] = [];
    const ordered = [...this.pending].sort((a, b) => a.request.startedMs - b.request.startedMs);
    for (const { request, endpoint } of ordered) {
      const decoded = await decodePayload(request, inflate);
      if (!decoded.ok) {
        this.unreadableEntries++;
        this.problems.push(problemAt(request, 'har-undecodable', decoded.reason));
        continue;
      }
      const reading = readPayload(endpoint, decoded.payload);
      if (reading === undefined) {
        this.facts.countOther(
          `other requests to a ${endpoint.vendor === 'mixpanel' ? 'Mixpanel' : 'Segment'}-like path`,
        );
        continue;
      }
      this.facts.addDataRequest(request, decoded.transport, reading.groupUpdates);
      for (const element of reading.elements) this.addElement(request, element, records);
    }
    this.pending.length = 0;
    return {
      records: this.facts.withPages(records),
      problems: this.problems.sort((a, b) => a.line - b.line),
      notes: this.facts.notes(),
      summary: this.facts.summary(records, {
        entries: this.entries,
        unreadableEntries: this.unreadableEntries,
        elementProblems: this.elementProblems,
      }),
    };
  }

  private addElement(request: HarRequest, element: ElementResult, records: HarRecord[]): void {
    if (!element.ok) {
      this.elementProblems++;
      this.problems.push(problemAt(request, element.code, `element ${element.element}: ${element.reason}`));
      return;
    }
    if (element.note !== undefined) this.facts.addNote(request, element.note);
    for (const record of element.records) records.push(this.facts.recordOf(request, record, element.library));
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A rejection named by entry number, method and URL path; the excerpt is the path, never the body (privacy). */
function problemAt(request: HarRequest, code: ImportProblem['code'], reason: string): ImportProblem {
  const where = `entry ${request.entry} (${request.method} ${request.path})`;
  return {
    line: request.line,
    code,
    reason: `${where}: ${reason}`,
    excerpt: `${request.method} ${request.path}`,
  };
}

/**
 * The records an NDJSON import of the same events would give: failed requests' records left out unless
 * `includeFailed` (they never reached Mixpanel).
 */
export function resolvableRecords(reading: HarReading, includeFailed = false): HarRecord[] {
  return reading.records.filter((record) => includeFailed || !record.facts.failed);
}

/** The import report of a HAR reading, counted like any other format's (records as resolvable above). */
export function harImportReport(reading: HarReading, linesRead: number, includeFailed = false): ImportReport {
  const builder = new ImportReportBuilder();
  builder.setFormat({ format: 'har', reason: 'an HTTP Archive (HAR) network log' });
  const records = resolvableRecords(reading, includeFailed).map(({ line, record }) => ({ line, record }));
  const batch: ImportBatch = {
    records,
    problems: [...reading.problems],
    notes: [...reading.notes],
    // Each record read counts as a loaded value for the line accounting (a HAR entry may carry several).
    loaded: records.map((record) => record.line),
  };
  builder.add(batch);
  return builder.build(linesRead);
}
