// What a network log tells beyond the events: other requests by kind, failed requests, retries, SDK versions, pages.
import type { StreamRecord } from '../../engine/index.ts';
import type { ImportNote, NoteDraft } from '../types.ts';
import type { HarPage, HarRequest } from './entry.ts';
import type { HarRecord } from './read.ts';

/** A request whose records never reached Mixpanel. `status` 0 means no response at all. */
export interface FailedRequest {
  readonly entry: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly records: number;
}

/** One `$insert_id` sent more than once: the SDK retried, or the page sent the same event twice. */
export interface RetriedEvent {
  readonly insertId: string;
  readonly event: string;
  readonly entries: readonly number[];
}

/** The facts about a HAR the import report shows: entries, data requests, transports, pages. */
export interface HarSummary {
  readonly entries: number;
  /** Requests whose payload was Mixpanel's or Segment's (decodable or not counts under problems). */
  readonly dataRequests: number;
  /** Every other entry, by kind ("images", "scripts", "Mixpanel SDK calls (flags, replay …)" …), most first. */
  readonly otherRequests: readonly { readonly kind: string; readonly count: number }[];
  readonly failedRequests: readonly FailedRequest[];
  readonly retries: readonly RetriedEvent[];
  /** SDK and library versions seen on events (`mp_lib` + `$lib_version`, Segment's context.library). */
  readonly libraries: readonly { readonly name: string; readonly events: number }[];
  /** Where data went: api-js.mixpanel.com, or a site's own first-party proxy. */
  readonly hosts: readonly { readonly host: string; readonly requests: number }[];
  /** How the payloads were sent: "form data=", "GET ?data=", "JSON body" … */
  readonly transports: readonly { readonly transport: string; readonly requests: number }[];
  readonly groupUpdates: number;
  /** Events per page, in order of first event. */
  readonly pages: readonly { readonly page: string; readonly events: number }[];
  /** Where every entry went (a HAR's records are accounted by entry, not by line). */
  readonly account: HarEntryAccount;
}

/**
 * Every entry of a log accounted for: `entries = dataRequests + otherRequests + unreadableEntries`, and the data
 * requests' elements gave `records` (events and profile updates) plus `elementProblems` that could not be used.
 * Which records the resolution takes depends on the failed-requests choice (HarFacts.failedRecords).
 */
export interface HarEntryAccount {
  readonly entries: number;
  readonly dataRequests: number;
  readonly otherRequests: number;
  /** Entries that are not valid HAR entries, and data requests whose payload could not be decoded. */
  readonly unreadableEntries: number;
  readonly records: number;
  readonly elementProblems: number;
}

/**
 * The entry account in words, for the app's Network log and the CLI's stderr alike. `leftOut`: records of
 * failed requests kept out of the resolution (0 when the user includes them).
 */
export function entryAccountText(account: HarEntryAccount, leftOut: number): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const entries = `${n(account.entries)} ${account.entries === 1 ? 'entry' : 'entries'}`;
  const records = `${n(account.records)} record${account.records === 1 ? '' : 's'}`;
  const elements = `${n(account.elementProblems)} element${account.elementProblems === 1 ? '' : 's'}`;
  return (
    `Every entry accounted for: ${entries} = ${n(account.dataRequests)} with Mixpanel or Segment data + ` +
    `${n(account.otherRequests)} other requests + ${n(account.unreadableEntries)} unreadable. The data gave ` +
    `${records} (${n(account.records - leftOut)} resolved, ${n(leftOut)} left out from failed requests) and ` +
    `${elements} that could not be used.`
  );
}

/** What only the reader counts: entries seen, and how many could not be used. */
export interface EntryCounts {
  readonly entries: number;
  readonly unreadableEntries: number;
  readonly elementProblems: number;
}

/** Collects a HAR's summary entry by entry. */
export class HarFactsBuilder {
  private readonly pageTitles = new Map<string, string>();
  private readonly others = new Map<string, number>();
  private readonly failed = new Map<number, { -readonly [K in keyof FailedRequest]: FailedRequest[K] }>();
  private readonly insertIds = new Map<string, { event: string; entries: number[] }>();
  private readonly libraries = new Map<string, number>();
  private readonly hosts = new Map<string, number>();
  private readonly transports = new Map<string, number>();
  private readonly noteList: ImportNote[] = [];
  private readonly pagerefs: (string | undefined)[] = [];
  private dataRequests = 0;
  private groupUpdates = 0;
  private entryCount = 0;

  addPage(page: HarPage): void {
    this.pageTitles.set(page.id, page.title);
  }

  countOther(kind: string): void {
    this.entryCount++;
    bump(this.others, kind);
  }

  addDataRequest(request: HarRequest, transport: string, groupUpdates: number): void {
    this.entryCount++;
    this.dataRequests++;
    this.groupUpdates += groupUpdates;
    bump(this.hosts, request.host);
    bump(this.transports, transport);
    if (isFailed(request)) {
      const { entry, method, path, status } = request;
      this.failed.set(entry, { entry, method, path, status, records: 0 });
    }
  }

  addNote(request: HarRequest, note: NoteDraft): void {
    this.noteList.push({ line: request.line, ...note });
  }

  recordOf(request: HarRequest, record: StreamRecord, library: string | undefined): HarRecord {
    const failed = this.failed.get(request.entry);
    if (failed !== undefined) failed.records++;
    if (library !== undefined) bump(this.libraries, library);
    this.pagerefs.push(request.pageref);
    const retryOf = record.kind === 'event' ? this.noteInsertId(record, request.entry) : undefined;
    return {
      line: request.line,
      record,
      facts: {
        entry: request.entry,
        method: request.method,
        path: request.path,
        failed: failed !== undefined,
        ...(retryOf === undefined ? {} : { retryOf }),
      },
    };
  }

  /** The entry that first carried this `$insert_id`, when this is a later copy. */
  private noteInsertId(record: Extract<StreamRecord, { kind: 'event' }>, entry: number): number | undefined {
    const insertId = record.event.properties['$insert_id'];
    if (typeof insertId !== 'string' || insertId === '') return undefined;
    const seen = this.insertIds.get(insertId);
    if (seen === undefined) {
      this.insertIds.set(insertId, { event: record.event.event, entries: [entry] });
      return undefined;
    }
    seen.entries.push(entry);
    return seen.entries[0];
  }

  /** Fills each record's page: its entry's HAR page, else the event's own `$current_url`. */
  withPages(records: readonly HarRecord[]): HarRecord[] {
    return records.map((record, index) => {
      const ref = this.pagerefs[index];
      const page = (ref === undefined ? undefined : this.pageTitles.get(ref)) ?? currentUrlOf(record.record);
      return page === undefined ? record : { ...record, facts: { ...record.facts, page } };
    });
  }

  notes(): ImportNote[] {
    const notes = [...this.noteList];
    const failedRecords = [...this.failed.values()].reduce((sum, f) => sum + f.records, 0);
    if (failedRecords > 0)
      notes.push({
        code: 'har-failed-requests',
        message: `${failedRecords} record(s) from ${this.failed.size} failed request(s) never reached Mixpanel: left out of the resolution unless included`,
      });
    const proxies = [...this.hosts.keys()].filter(
      (host) => !/(?:^|\.)(?:mixpanel\.com|segment\.(?:io|com))$/i.test(host),
    );
    if (proxies.length > 0)
      notes.push({
        code: 'har-proxy',
        message: `data sent through other hosts (first-party proxies): ${proxies.join(', ')}`,
      });
    return notes;
  }

  summary(records: readonly HarRecord[], counts: EntryCounts): HarSummary {
    const otherRequests = [...this.others.values()].reduce((sum, count) => sum + count, 0);
    return {
      account: { ...counts, dataRequests: this.dataRequests, otherRequests, records: records.length },
      entries: this.entryCount,
      dataRequests: this.dataRequests,
      otherRequests: sorted(this.others).map(([kind, count]) => ({ kind, count })),
      failedRequests: [...this.failed.values()].sort((a, b) => a.entry - b.entry),
      retries: [...this.insertIds]
        .filter(([, seen]) => seen.entries.length > 1)
        .map(([insertId, seen]) => ({ insertId, event: seen.event, entries: seen.entries })),
      libraries: sorted(this.libraries).map(([name, events]) => ({ name, events })),
      hosts: sorted(this.hosts).map(([host, requests]) => ({ host, requests })),
      transports: sorted(this.transports).map(([transport, requests]) => ({ transport, requests })),
      groupUpdates: this.groupUpdates,
      pages: pagesOf(this.withPages(records)),
    };
  }
}

function isFailed(request: HarRequest): boolean {
  return request.status === 0 || request.status >= 400;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sorted(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function currentUrlOf(record: StreamRecord): string | undefined {
  if (record.kind !== 'event') return undefined;
  const url = record.event.properties['$current_url'];
  return typeof url === 'string' && url !== '' ? url : undefined;
}

function pagesOf(records: readonly HarRecord[]): { page: string; events: number }[] {
  const counts = new Map<string, number>();
  for (const { record, facts } of records)
    if (record.kind === 'event' && facts.page !== undefined) bump(counts, facts.page);
  return [...counts].map(([page, events]) => ({ page, events }));
}
