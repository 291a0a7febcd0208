// A stream resolved under several variants: per-record resolved ids as integer columns, and the metrics over them.
import type { Resolution } from '../engine/index.ts';
import { NO_ONE, NOT_EVENT, REJECTED, type ComparisonData } from './data.ts';
import { dailyUsers } from './daily.ts';
import { funnelOf } from './funnel.ts';
import { findSplits } from './splits.ts';
import { summarise } from './summary.ts';
import type { DailyUsers, FunnelSpec, FunnelStep, Split, Variant, VariantSummary } from './types.ts';

/** The default conversion window: 30 days, as in Mixpanel's funnels. */
export const DEFAULT_WINDOW_SECONDS = 30 * 86_400;

export class Comparison {
  private summaries: VariantSummary[] | undefined;
  private splitList: Split[] | undefined;
  private readonly differing = new Map<string, Uint8Array>();

  constructor(readonly data: ComparisonData) {}

  get variants(): readonly Variant[] {
    return this.data.variants;
  }

  /** Number of records (events and profile updates). */
  get size(): number {
    return this.data.nameIds.length;
  }

  /** The variant's resolution, for questions about its clusters, links and refusals. */
  resolution(key: string): Resolution {
    const at = this.variantIndex(key);
    return this.data.resolutions[at]!;
  }

  private variantIndex(key: string): number {
    const at = this.data.variants.findIndex((variant) => variant.key === key);
    if (at < 0) throw new RangeError(`no variant ${key} in this comparison`);
    return at;
  }

  /** Whether the record is an event (profile updates are not). */
  isEvent(index: number): boolean {
    return this.data.nameIds[index] !== NOT_EVENT;
  }

  /** The event's name; undefined for a profile update. */
  nameOf(index: number): string | undefined {
    const id = this.data.nameIds[index] ?? NOT_EVENT;
    return id === NOT_EVENT ? undefined : this.data.names[id];
  }

  /** The resolved distinct_id of record `index` under variant `at`: null rejected, '' no one, undefined profile. */
  resolvedText(at: number, index: number): string | null | undefined {
    const key = this.data.columns[at]?.keys[index] ?? NOT_EVENT;
    if (key === NOT_EVENT) return undefined;
    if (key === REJECTED) return null;
    if (key === NO_ONE) return '';
    return this.data.resolved.texts[key];
  }

  /** The positions of the variants named by `keys` (every variant when undefined). */
  variantIndexes(keys?: readonly string[]): number[] {
    if (keys === undefined) return this.data.variants.map((_, at) => at);
    return keys.map((key) => this.variantIndex(key));
  }

  /** Per record, 1 when at least two of the variants (all, or those named) resolve the event differently. */
  differences(keys?: readonly string[]): Uint8Array {
    const indexes = this.variantIndexes(keys);
    const cacheKey = indexes.join(',');
    let flags = this.differing.get(cacheKey);
    if (flags === undefined) this.differing.set(cacheKey, (flags = differingEvents(this.data, indexes)));
    return flags;
  }

  /** How many events resolve differently in at least two of the variants (all, or those named). */
  differingCount(keys?: readonly string[]): number {
    let count = 0;
    for (const flag of this.differences(keys)) count += flag;
    return count;
  }

  /** Each variant's summary, with the funnel if one is asked for. */
  summary(funnel?: FunnelSpec): VariantSummary[] {
    this.summaries ??= this.data.variants.map((_, at) => summarise(this.data, at));
    if (funnel === undefined) return this.summaries;
    return this.summaries.map((summary, at) => ({ ...summary, funnel: this.funnel(at, funnel) }));
  }

  funnel(at: number, spec: FunnelSpec): FunnelStep[] {
    return funnelOf(this.data, at, spec);
  }

  /** Identities one user in one variant and several in another, biggest first. */
  splits(): Split[] {
    this.splitList ??= findSplits(this.data);
    return this.splitList;
  }

  /** Distinct users per UTC day, per variant. */
  daily(): DailyUsers {
    return dailyUsers(this.data);
  }
}

function differingEvents(data: ComparisonData, indexes: readonly number[]): Uint8Array {
  const size = data.nameIds.length;
  const flags = new Uint8Array(size);
  const [first, ...rest] = indexes.map((at) => data.columns[at]!);
  if (first === undefined) return flags;
  for (const column of rest) {
    for (let index = 0; index < size; index++) {
      if (first.keys[index] !== column.keys[index]) flags[index] = 1;
    }
  }
  return flags;
}
