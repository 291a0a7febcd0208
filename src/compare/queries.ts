// The questions the Compare view asks of a comparison, answered the same way in the page (scenarios) and in the
// import worker (files): a bounded overview, pages of rows, and the graphs of one split side by side.
import { DEVICE_PREFIX, type FailedAttempt, type Link } from '../engine/index.ts';
import { clusterIndexOf } from './clusterIndex.ts';
import type { Comparison } from './comparison.ts';
import { capSplits, reportOf, type CompareReport } from './report.ts';
import type { DailyUsers, FunnelSpec } from './types.ts';

/** How many splits the overview carries (the count says how many there are in all). */
export const OVERVIEW_SPLITS = 200;

/** What the Compare view shows first: the report (splits capped), the daily series and the funnel's choices. */
export interface CompareOverview {
  readonly variants: readonly string[];
  readonly report: CompareReport;
  readonly splitCount: number;
  readonly daily: DailyUsers;
  /** Event names with how many events carry each, most first: the funnel picker's choices. */
  readonly eventNames: readonly { readonly name: string; readonly events: number }[];
  readonly records: number;
}

export function compareOverview(
  comparison: Comparison,
  funnel?: FunnelSpec,
  keys?: readonly string[],
): CompareOverview {
  const report = capSplits(reportOf(comparison, funnel, keys), OVERVIEW_SPLITS);
  return {
    variants: Object.keys(report.modes),
    report,
    splitCount: report.differences.splitCount,
    daily: comparison.daily(),
    eventNames: eventNames(comparison),
    records: comparison.size,
  };
}

function eventNames(comparison: Comparison): { name: string; events: number }[] {
  const { names, nameIds } = comparison.data;
  const counts = new Int32Array(names.length);
  for (const id of nameIds) if (id >= 0) counts[id]!++;
  return names
    .map((name, id) => ({ name, events: counts[id] ?? 0 }))
    .sort((a, b) => b.events - a.events || (a.name < b.name ? -1 : +(a.name > b.name)));
}

/** One row of the compare table: an event and its resolved distinct_id under each variant (null: rejected). */
export interface CompareRow {
  readonly index: number;
  readonly name: string;
  readonly time: number | undefined;
  readonly resolved: readonly (string | null)[];
  readonly differs: boolean;
}

export interface CompareRowQuery {
  readonly offset: number;
  readonly limit: number;
  /** Only the events whose resolved distinct_id differs between variants. */
  readonly onlyDiffering: boolean;
  /** The variants compared (default: all); rows carry one resolved id per variant named, in this order. */
  readonly variants?: readonly string[];
}

/** A page of events (profile updates are not rows), in stream order. */
export function compareRows(
  comparison: Comparison,
  query: CompareRowQuery,
): { total: number; rows: CompareRow[] } {
  const indexes = rowIndexes(comparison, query.onlyDiffering, query.variants);
  const end = Math.min(indexes.length, query.offset + query.limit);
  const differs = comparison.differences(query.variants);
  const columns = comparison.variantIndexes(query.variants);
  const rows: CompareRow[] = [];
  for (let at = Math.max(0, query.offset); at < end; at++) {
    const index = indexes[at]!;
    rows.push({
      index,
      name: comparison.nameOf(index) ?? '',
      time: comparison.data.untimed.has(index) ? undefined : comparison.data.times[index],
      resolved: columns.map((variant) => comparison.resolvedText(variant, index) ?? null),
      differs: differs[index] === 1,
    });
  }
  return { total: indexes.length, rows };
}

const rowCache = new WeakMap<Comparison, Map<string, Int32Array>>();

function rowIndexes(comparison: Comparison, onlyDiffering: boolean, keys?: readonly string[]): Int32Array {
  let byFilter = rowCache.get(comparison);
  if (byFilter === undefined) rowCache.set(comparison, (byFilter = new Map<string, Int32Array>()));
  const cacheKey = `${onlyDiffering}|${comparison.variantIndexes(keys).join(',')}`;
  let indexes = byFilter.get(cacheKey);
  if (indexes === undefined) {
    const differs = comparison.differences(keys);
    const list: number[] = [];
    for (let index = 0; index < comparison.size; index++) {
      if (comparison.isEvent(index) && (!onlyDiffering || differs[index] === 1)) list.push(index);
    }
    byFilter.set(cacheKey, (indexes = Int32Array.from(list)));
  }
  return indexes;
}

/** One cluster as a small graph: its ids, the links that joined them and the requests refused. */
export interface MiniCluster {
  readonly canonical: string;
  readonly members: readonly { readonly id: string; readonly isDevice: boolean }[];
  readonly memberCount: number;
  readonly links: readonly Link[];
  readonly failures: readonly FailedAttempt[];
}

/** How many ids, links and refusals one mini graph draws at most. */
const GRAPH_CAP = 40;

/**
 * The clusters that `ids` belong to, under every variant: the split's graph side by side. Linear in the links and
 * refusals of each variant (asked once per click, not per event).
 */
export function identityGraphs(
  comparison: Comparison,
  ids: readonly string[],
): Record<string, MiniCluster[]> {
  const graphs: Record<string, MiniCluster[]> = {};
  comparison.variants.forEach((variant, at) => {
    const index = clusterIndexOf(comparison.data.resolutions[at]!, comparison.data.ids);
    const { view } = index;
    const resolution = comparison.data.resolutions[at]!;
    // A raw device id stands for its `$device:` key where the mode keys devices so (S-4); ids a mode never read
    // (e.g. `$device:` keys on Original, O-1) are left out of its drawing.
    const known = ids.flatMap((id) => {
      if (resolution.idNumber(id) !== undefined) return [id];
      return resolution.idNumber(DEVICE_PREFIX + id) !== undefined ? [DEVICE_PREFIX + id] : [];
    });
    const canonicals = [...new Set(known.map((id) => index.canonicalOf(id)))];
    const wanted = new Set(canonicals);
    const members = new Map<string, { id: string; isDevice: boolean }[]>();
    for (const cluster of view.clusters()) {
      if (wanted.has(cluster.canonical))
        members.set(
          cluster.canonical,
          cluster.members.map((m) => ({ id: m.id, isDevice: m.isDevice })),
        );
    }
    const links = view.links().filter((link) => wanted.has(index.canonicalOf(link.to)));
    const failures = view
      .failedAttempts()
      .filter((attempt) =>
        [attempt.from, attempt.to].some((id) => id !== undefined && wanted.has(index.canonicalOf(id))),
      );
    graphs[variant.key] = canonicals.map((canonical) => {
      const all = members.get(canonical) ?? [
        { id: canonical, isDevice: canonical.startsWith(DEVICE_PREFIX) },
      ];
      const own = (id: string | undefined) => id !== undefined && index.canonicalOf(id) === canonical;
      return {
        canonical,
        members: all.slice(0, GRAPH_CAP),
        memberCount: all.length,
        links: links.filter((link) => own(link.to)).slice(0, GRAPH_CAP),
        failures: failures.filter((f) => own(f.from) || own(f.to)).slice(0, GRAPH_CAP),
      };
    });
  });
  return graphs;
}
