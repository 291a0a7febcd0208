// Questions the import views ask of a resolved session, answered in the worker with bounded answers.
import {
  DEVICE_PREFIX,
  type Cluster,
  type FailedAttempt,
  type Failure,
  type Link,
  type ProfileView,
} from '../engine/index.ts';
import type { Finding, FindingId } from '../diagnostics/index.ts';
import type { EventStore, StoredEvent } from './eventStore.ts';
import type { ClusterSummary, ResolvedIndex } from './resolvedIndex.ts';

export type { ClusterSummary } from './resolvedIndex.ts';

/** One row of the imported-events table. */
export interface ImportRow extends StoredEvent {
  readonly resolvedId: string | null;
  readonly failure: Failure | undefined;
  /** The findings that name this event among their examples. */
  readonly findings: readonly FindingId[];
}

/** Which rows a table shows; every field narrows the rows further. */
export interface RowFilter {
  /** Keeps rows whose name or any id (sent or resolved) contains this text, ignoring case. */
  readonly filter?: string;
  /** Keeps the events that resolve to this id's cluster. */
  readonly clusterOf?: string;
  /** Keeps the events a finding names. */
  readonly finding?: FindingId;
}

export interface RowQuery extends RowFilter {
  readonly offset: number;
  readonly limit: number;
}

export interface RowPage {
  /** Rows matching the query in all. */
  readonly total: number;
  readonly rows: readonly ImportRow[];
}

export function importRow(store: EventStore, index: ResolvedIndex, at: number): ImportRow {
  const output = index.outputOf(at);
  return {
    ...store.event(at),
    resolvedId: output?.resolvedId ?? null,
    failure: output?.failure,
    findings: index.findingsOf(at),
  };
}

/**
 * The record indexes a filter keeps, in stream order; undefined when nothing is filtered (every record is a row).
 * Linear in the records considered: the caller keeps the answer while the user pages through it.
 */
export function matchingIndexes(
  store: EventStore,
  index: ResolvedIndex,
  findings: readonly Finding[],
  query: RowFilter,
): Int32Array | undefined {
  const needle = query.filter?.trim().toLowerCase() ?? '';
  if (needle === '' && query.clusterOf === undefined && query.finding === undefined) return undefined;
  const candidates = candidatesOf(store, index, findings, query);
  if (needle === '') return candidates;
  const contains = (text: string) => text.toLowerCase().includes(needle);
  const sent = store.textMatcher(contains);
  const resolved = index.resolvedMatcher(contains);
  const failed = (at: number) => index.failureAtEvent(at)?.code.toLowerCase().includes(needle) === true;
  return candidates.filter((at) => sent(at) || resolved(at) || failed(at));
}

function candidatesOf(
  store: EventStore,
  index: ResolvedIndex,
  findings: readonly Finding[],
  query: RowFilter,
): Int32Array {
  let candidates =
    query.clusterOf === undefined
      ? everyEvent(store.size, index)
      : index.eventsOf(index.view.canonicalOf(query.clusterOf));
  if (query.finding !== undefined) {
    const named = new Set(findings.find((f) => f.id === query.finding)?.events.map((ref) => ref.index));
    candidates = candidates.filter((at) => named.has(at));
  }
  return candidates;
}

function everyEvent(size: number, index: ResolvedIndex): Int32Array {
  const all = new Int32Array(size);
  let count = 0;
  for (let at = 0; at < size; at++) if (index.isEvent(at)) all[count++] = at;
  return all.subarray(0, count);
}

export function rowPage(
  store: EventStore,
  index: ResolvedIndex,
  query: RowQuery,
  matches: Int32Array | undefined,
): RowPage {
  const total = matches?.length ?? store.size;
  const end = Math.min(total, query.offset + query.limit);
  const rows: ImportRow[] = [];
  for (let i = Math.max(0, query.offset); i < end; i++) rows.push(importRow(store, index, matches?.[i] ?? i));
  return { total, rows };
}

/** Where record `at` sits among the rows a filter keeps: -1 when the filter leaves it out. */
export function rowPosition(matches: Int32Array | undefined, at: number): number {
  if (matches === undefined) return at;
  let low = 0;
  let high = matches.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = matches[middle] ?? 0;
    if (value === at) return middle;
    if (value < at) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The largest clusters first (by events, then ids). */
export function clusterList(
  index: ResolvedIndex,
  limit: number,
): { total: number; clusters: ClusterSummary[] } {
  return { total: index.clusterCount, clusters: index.topClusters(limit) };
}

/** An id that matched a search, and the identity it belongs to. */
export interface SearchHit {
  readonly id: string;
  readonly canonical: string;
  /** False for an id the file sent but the mode does not read (e.g. `$user_id` on Original, O-1). */
  readonly known: boolean;
}

/** Ids containing `text`: the engine's (devices as `$device:…`) first, then any other id the file sent; capped. */
export function searchIds(store: EventStore, index: ResolvedIndex, text: string, limit: number): SearchHit[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const found = new Map<string, SearchHit>();
  const consider = (id: string, known: boolean) => {
    if (found.size < limit && !found.has(id) && id.toLowerCase().includes(needle))
      found.set(id, { id, canonical: index.view.canonicalOf(id), known });
  };
  for (const id of index.idTexts()) consider(id, true);
  for (const id of store.idTexts()) consider(id, index.knows(id));
  return [...found.values()];
}

/** Everything about one identity: its cluster, the links that made it, refused attempts, its first events. */
export interface IdentityDetail {
  readonly id: string;
  readonly canonical: string;
  /** The cluster, its members capped (see `memberCount`). */
  readonly cluster: Cluster | undefined;
  readonly memberCount: number;
  readonly eventCount: number;
  readonly links: readonly Link[];
  readonly linkCount: number;
  readonly failures: readonly FailedAttempt[];
  readonly failureCount: number;
  /** The cluster's first events by time, across its devices. */
  readonly timeline: RowPage;
  /** Profiles kept under the cluster's ids. */
  readonly profiles: readonly ProfileView[];
  /** Findings that name this cluster's ids or events. */
  readonly findings: readonly FindingId[];
}

/** The neighbourhood of one id, capped so a 500-id cluster still draws quickly. */
export function identityDetail(
  store: EventStore,
  index: ResolvedIndex,
  findings: readonly Finding[],
  id: string,
  cap: number,
): IdentityDetail {
  // A raw `$device_id` (as a finding or the table shows it) stands for its `$device:` key on Simplified (S-4).
  const known = index.knows(id) || !index.knows(DEVICE_PREFIX + id) ? id : DEVICE_PREFIX + id;
  const canonical = index.view.canonicalOf(known);
  const cluster = index.cluster(canonical);
  const members = cluster?.members ?? [];
  const events = index.eventsOf(canonical);
  const links = index.linksOf(canonical);
  const failures = index.failuresOf(canonical);
  const timeline = [...byTime(store, events).subarray(0, cap)].map((at) => importRow(store, index, at));
  return {
    id,
    canonical,
    cluster: cluster === undefined ? undefined : { ...cluster, members: members.slice(0, cap) },
    memberCount: members.length,
    eventCount: events.length,
    links: links.slice(0, cap),
    linkCount: links.length,
    failures: failures.slice(0, cap),
    failureCount: failures.length,
    timeline: { total: events.length, rows: timeline },
    profiles: members.slice(0, cap).flatMap((member) => index.profileOf(member.id) ?? []),
    findings: findingsAbout(index, findings, new Set(members.map((m) => m.id)), events),
  };
}

/** Event indexes ordered by event time (stream order for equal or missing times). */
function byTime(store: EventStore, events: Int32Array): Int32Array {
  const time = (at: number) => store.timeOf(at) ?? Number.POSITIVE_INFINITY;
  return Int32Array.from(events).sort((a, b) => time(a) - time(b) || a - b);
}

function findingsAbout(
  index: ResolvedIndex,
  findings: readonly Finding[],
  members: ReadonlySet<string>,
  events: Int32Array,
): FindingId[] {
  const about = new Set<FindingId>();
  for (const finding of findings) if (finding.ids?.some((id) => members.has(id))) about.add(finding.id);
  for (const at of events) for (const id of index.findingsOf(at)) about.add(id);
  return findings.map((finding) => finding.id).filter((id) => about.has(id));
}
