// Limits that only volume reaches: events per id per day (LIM-4) and ids per cluster (O-15).
import { makeFinding, type Check, type CheckContext, type EndOfStream, type Observation } from './check.ts';
import { explainNearCap, type SizedCluster } from '../../explainIdentity.ts';
import { explainHotShard, type HotShard } from '../../explainIds.ts';
import { EventSample } from '../../samples.ts';
import type { EventRef, Finding } from '../../types.ts';

const SECONDS_PER_DAY = 86_400;

/** The UTC calendar day of a day number, e.g. "2024-06-10". */
function dayText(day: number): string {
  return new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
}

/**
 * LIM-4: counts events per (derived distinct_id, UTC day of `time`). Q-13: the id derived at ingestion, before any
 * merge. One small-integer-keyed Map per day (keyed by the engine's id integers) keeps the counter to one entry per
 * id-day, however many events there are, and cheap to update.
 */
export class HotShardCheck implements Check {
  private readonly perDay = new Map<number, Map<number, number>>();
  /** The day map used last: streams mostly run day by day, so this saves the outer lookup. */
  private lastDay = Number.NaN;
  private lastCounts = new Map<number, number>();
  private readonly hot = new Map<string, { id: string; day: number; count: number }>();
  private readonly past: EventSample;

  constructor(private readonly context: CheckContext) {
    this.past = new EventSample(context.settings.eventSampleSize);
  }

  observe({ ref, facts, outcome, derivedKey }: Observation): void {
    if (outcome.status !== 'attributed' || facts.time === undefined || derivedKey < 0) return;
    const day = Math.floor(facts.time / SECONDS_PER_DAY);
    const counts = this.countsOf(day);
    const count = (counts.get(derivedKey) ?? 0) + 1;
    counts.set(derivedKey, count);
    if (count <= this.context.settings.hotShardLimit) return;
    // Past the limit every further event of that id and day is rewritten, so each one is listed.
    this.past.add(ref);
    const key = `${day}:${derivedKey}`;
    const shard = this.hot.get(key);
    if (shard === undefined) this.hot.set(key, { id: outcome.derivedId, day, count });
    else shard.count = count;
  }

  private countsOf(day: number): Map<number, number> {
    if (day === this.lastDay) return this.lastCounts;
    let counts = this.perDay.get(day);
    if (counts === undefined) {
      counts = new Map<number, number>();
      this.perDay.set(day, counts);
    }
    this.lastDay = day;
    this.lastCounts = counts;
    return counts;
  }

  finish(): Finding[] {
    if (this.hot.size === 0) return [];
    const { mode, settings } = this.context;
    const shards: HotShard[] = [...this.hot.values()].map(({ id, day, count }) => ({
      id,
      day: dayText(day),
      count,
    }));
    return [
      makeFinding('hot-shard', mode, {
        explanation: explainHotShard(settings.hotShardLimit, shards),
        count: this.past.count,
        events: this.past.events,
        ids: shards.slice(0, settings.idSampleSize).map((shard) => `${shard.id} on ${shard.day}`),
        idCount: shards.length,
      }),
    ];
  }
}

/** O-15 (Original): clusters whose size is within `nearCapFraction` of the cap. */
export class ClusterCapCheck implements Check {
  /** Events that made a link or merge, by engine index: the events that built each cluster. */
  private readonly linkEvents = new Map<number, EventRef>();

  constructor(private readonly context: CheckContext) {}

  observe({ ref, outcome }: Observation): void {
    if (outcome.link !== undefined) this.linkEvents.set(outcome.index, ref);
  }

  finish({ view }: EndOfStream): Finding[] {
    const { mode, options, settings } = this.context;
    const threshold = Math.ceil(options.clusterLimit * settings.nearCapFraction);
    const near: SizedCluster[] = [];
    const refs: EventRef[] = [];
    for (const cluster of view.clusters()) {
      if (cluster.members.length < threshold) continue;
      near.push({ canonical: cluster.canonical, size: cluster.members.length });
      for (const member of cluster.members) {
        const ref = member.joinedBy === undefined ? undefined : this.linkEvents.get(member.joinedBy);
        if (ref !== undefined) refs.push(ref);
      }
    }
    if (near.length === 0) return [];
    refs.sort((a, b) => a.index - b.index);
    return [
      makeFinding('cluster-near-cap', mode, {
        explanation: explainNearCap(options.clusterLimit, threshold, near),
        count: refs.length,
        events: refs.slice(0, settings.eventSampleSize),
        ids: near.slice(0, settings.idSampleSize).map((cluster) => cluster.canonical),
        idCount: near.length,
      }),
    ];
  }
}
