// Limits that only volume reaches: events per id per day (LIM-4) and ids per cluster (O-15).
import { Int32Column } from '../engine/index.ts';
import { makeFinding, type Check, type CheckContext, type EndOfStream, type Observation } from './check.ts';
import { explainNearCap, type SizedCluster } from './explainIdentity.ts';
import { explainHotShard, type HotShard } from './explainIds.ts';
import { DayCounts } from './dayCounts.ts';
import { LinkedSizes } from './linkedSizes.ts';
import { EventSample, eventRef } from './samples.ts';
import type { EventRef, Finding } from './types.ts';

const SECONDS_PER_DAY = 86_400;

/** The UTC calendar day of a day number, e.g. "2024-06-10". */
function dayText(day: number): string {
  return new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
}

/** An id and day past the limit: its id text and day, and its engine number to read the final count by. */
interface HotShardKey {
  readonly id: string;
  readonly key: number;
  readonly day: number;
}

/**
 * LIM-4: counts events per (derived distinct_id, UTC day of `time`). Q-13: the id derived at ingestion, before any
 * merge, keyed by the engine's id integer.
 */
export class HotShardCheck implements Check {
  private readonly counts = new DayCounts();
  /** Ids and days past the limit, in the order they passed it. */
  private readonly hot: HotShardKey[] = [];
  private readonly past: EventSample;

  constructor(private readonly context: CheckContext) {
    this.past = new EventSample(context.settings.eventSampleSize);
  }

  observe(observation: Observation): void {
    const { facts, outcome, derivedKey } = observation;
    if (outcome.status !== 'attributed' || facts.time === undefined || derivedKey < 0) return;
    const day = Math.floor(facts.time / SECONDS_PER_DAY);
    const count = this.counts.increment(derivedKey, day);
    const limit = this.context.settings.hotShardLimit;
    if (count <= limit) return;
    // Past the limit every further event of that id and day is rewritten, so each one is listed.
    this.past.add(observation.ref);
    if (count - 1 <= limit) this.hot.push({ id: outcome.derivedId, key: derivedKey, day });
  }

  finish(): Finding[] {
    if (this.hot.length === 0) return [];
    const { mode, settings } = this.context;
    const shards: HotShard[] = this.hot.map(({ id, key, day }) => ({
      id,
      day: dayText(day),
      count: this.counts.countOf(key, day),
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
  readonly scope = 'linking';
  // Events that made a link or merge, by engine index: the events that built each cluster. Kept as columns
  // (issue #14: a Map entry and an EventRef per link event cost more than the check's whole answer).
  /** By engine index: the caller's index of the event that made a link, plus one; 0 = made none. */
  private readonly linkIndexes = new Int32Column();
  /** By engine index: that event's line plus one; 0 = no line given. */
  private readonly linkLines = new Int32Column();
  /** The largest cluster's size so far, from the links (issue #14: grouping every cluster costs ~0.3 s a 1M pass). */
  private readonly sizes = new LinkedSizes();
  /** Set when a link's ids had no engine number (not expected): the bound is then not trusted. */
  private unbounded = false;

  constructor(private readonly context: CheckContext) {}

  observe(observation: Observation): void {
    const { outcome } = observation;
    const link = outcome.link;
    if (link === undefined) return;
    const ref = observation.ref;
    this.linkIndexes.set(outcome.index, ref.index + 1);
    this.linkLines.set(outcome.index, ref.line === undefined ? 0 : ref.line + 1);
    const from = this.context.idNumber(link.from);
    const to = this.context.idNumber(link.to);
    if (from === undefined || to === undefined) this.unbounded = true;
    else this.sizes.join(from, to);
  }

  /** The event that made the link numbered by `joinedBy`, an engine index. */
  private linkEvent(joinedBy: number): EventRef | undefined {
    const index = this.linkIndexes.get(joinedBy) - 1;
    if (index < 0) return undefined;
    const line = this.linkLines.get(joinedBy) - 1;
    return eventRef(index, line < 0 ? undefined : line);
  }

  finish({ view }: EndOfStream): Finding[] {
    const { mode, options, settings } = this.context;
    const threshold = Math.ceil(options.clusterLimit * settings.nearCapFraction);
    // No cluster can be near the cap: the clusters need not be built (a cluster of one id has no link, hence ≤ 1).
    if (!this.unbounded && threshold > 1 && this.sizes.largest < threshold) return [];
    const near: SizedCluster[] = [];
    const refs: EventRef[] = [];
    for (const cluster of view.clusters()) {
      if (cluster.members.length < threshold) continue;
      near.push({ canonical: cluster.canonical, size: cluster.members.length });
      for (const member of cluster.members) {
        const ref = member.joinedBy === undefined ? undefined : this.linkEvent(member.joinedBy);
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
