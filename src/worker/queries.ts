// Questions the import views ask of a resolved session, answered in the worker with bounded answers.
import type { Cluster, Failure, Link, Resolution } from '../engine/index.ts';
import type { EventStore, StoredEvent } from './eventStore.ts';

/** One row of the imported-events table. */
export interface ImportRow extends StoredEvent {
  readonly resolvedId: string | null;
  readonly failure: Failure | undefined;
}

export interface RowQuery {
  readonly offset: number;
  readonly limit: number;
  /** Keeps rows whose name or any id (sent or resolved) contains this text. */
  readonly filter?: string;
  /** Keeps the events that resolve to this id's cluster. */
  readonly clusterOf?: string;
}

export interface RowPage {
  /** Rows matching the query in all. */
  readonly total: number;
  readonly rows: readonly ImportRow[];
}

export function importRow(store: EventStore, resolution: Resolution, index: number): ImportRow {
  const view = resolution.final();
  const facts = resolution.ledger.facts(index);
  const output = facts === undefined ? undefined : view.resolvedOutput(index, facts);
  return { ...store.event(index), resolvedId: output?.resolvedId ?? null, failure: output?.failure };
}

/**
 * A page of rows. An unfiltered page costs only its rows; a filter scans every record once (linear) and the
 * matching indexes are cached by the caller between pages.
 */
export function matchingIndexes(
  store: EventStore,
  resolution: Resolution,
  query: Omit<RowQuery, 'offset' | 'limit'>,
): number[] | undefined {
  if (!query.filter && query.clusterOf === undefined) return undefined;
  const view = resolution.final();
  const canonical = query.clusterOf === undefined ? undefined : view.canonicalOf(query.clusterOf);
  const needle = query.filter?.toLowerCase();
  const indexes: number[] = [];
  for (let index = 0; index < store.size; index++) {
    const row = importRow(store, resolution, index);
    if (row.isProfile) continue;
    if (canonical !== undefined && row.resolvedId !== canonical) continue;
    if (needle !== undefined && !rowText(row).includes(needle)) continue;
    indexes.push(index);
  }
  return indexes;
}

function rowText(row: ImportRow): string {
  return [row.name, row.distinctId, row.deviceId, row.userId, row.resolvedId, row.failure?.code]
    .join(' ')
    .toLowerCase();
}

export function rowPage(
  store: EventStore,
  resolution: Resolution,
  query: RowQuery,
  matches: number[] | undefined,
): RowPage {
  const total = matches?.length ?? store.size;
  const end = Math.min(total, query.offset + query.limit);
  const rows: ImportRow[] = [];
  for (let i = Math.max(0, query.offset); i < end; i++)
    rows.push(importRow(store, resolution, matches?.[i] ?? i));
  return { total, rows };
}

/** A cluster in the clusters list: its size in ids and in events. */
export interface ClusterSummary {
  readonly canonical: string;
  readonly ids: number;
  readonly devices: number;
  readonly events: number;
}

/** Every cluster with two or more ids or any events, largest first (by events, then ids). */
export function clusterList(
  resolution: Resolution,
  limit: number,
): { total: number; clusters: ClusterSummary[] } {
  const view = resolution.final();
  const events = new Map<string, number>();
  for (let index = 0; index < resolution.size; index++) {
    const facts = resolution.ledger.facts(index);
    if (facts?.kind !== 'event') continue;
    const id = view.resolvedOutput(index, facts).resolvedId;
    if (id) events.set(id, (events.get(id) ?? 0) + 1);
  }
  const all = view.clusters().map((cluster) => summarise(cluster, events.get(cluster.canonical) ?? 0));
  all.sort((a, b) => b.events - a.events || b.ids - a.ids || a.canonical.localeCompare(b.canonical));
  return { total: all.length, clusters: all.slice(0, limit) };
}

function summarise(cluster: Cluster, events: number): ClusterSummary {
  const devices = cluster.members.filter((m) => m.isDevice).length;
  return { canonical: cluster.canonical, ids: cluster.members.length, devices, events };
}

/** Ids containing `text`, capped. */
export function searchIds(store: EventStore, resolution: Resolution, text: string, limit: number): string[] {
  const needle = text.toLowerCase();
  if (needle === '') return [];
  const found: string[] = [];
  const candidates = [...store.idTexts(), ...resolution.final().ids()];
  for (const id of new Set(candidates)) {
    if (id.toLowerCase().includes(needle)) found.push(id);
    if (found.length === limit) break;
  }
  return found;
}

/** Everything about one identity: its cluster, the links that made it, refused attempts, and its first events. */
export interface IdentityDetail {
  readonly id: string;
  readonly canonical: string;
  readonly cluster: Cluster | undefined;
  /** Members shown (the cluster may be bigger: see cluster.members.length). */
  readonly links: readonly Link[];
  readonly failures: ReadonlyArray<{
    eventIndex: number;
    from: string | undefined;
    to: string | undefined;
    failure: Failure;
  }>;
  readonly timeline: RowPage;
}

/** The neighbourhood of one id, capped so a 500-id cluster still draws quickly. */
export function identityDetail(
  store: EventStore,
  resolution: Resolution,
  id: string,
  cap: number,
): IdentityDetail {
  const view = resolution.final();
  const canonical = view.canonicalOf(id);
  const cluster = view.clusters().find((c) => c.canonical === canonical);
  const members = new Set(cluster?.members.map((m) => m.id) ?? [id]);
  const touches = (a: string | undefined, b: string | undefined) =>
    (a !== undefined && members.has(a)) || (b !== undefined && members.has(b));
  const shown = cluster === undefined ? undefined : { ...cluster, members: cluster.members.slice(0, cap) };
  const matches = matchingIndexes(store, resolution, { clusterOf: id }) ?? [];
  return {
    id,
    canonical,
    cluster: shown,
    links: view
      .links()
      .filter((link) => touches(link.from, link.to))
      .slice(0, cap),
    failures: view
      .failedAttempts()
      .filter((f) => touches(f.from, f.to))
      .slice(0, cap),
    timeline: rowPage(store, resolution, { offset: 0, limit: cap }, matches),
  };
}
