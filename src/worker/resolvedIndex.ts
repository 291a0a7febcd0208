// What the views ask again and again of one resolution, computed once: clusters by size, each cluster's events,
// links and refusals by cluster, and which findings concern which event.
import {
  NO_ID,
  NOT_AN_EVENT,
  REJECTED_ID,
  type Cluster,
  type FailedAttempt,
  type Failure,
  type Link,
  type ProfileView,
  type Resolution,
  type ResolutionView,
  type ResolvedOutput,
} from '../engine/index.ts';
import type { Finding, FindingId } from '../diagnostics/index.ts';
import { firstClusters, sortClusters, summarise, type ClusterSummary } from './clusterOrder.ts';

export type { ClusterSummary } from './clusterOrder.ts';

export class ResolvedIndex {
  readonly view: ResolutionView;
  /** Each cluster with its sizes, in the engine's order (`clusters` sorts them when first asked). */
  private readonly summaries: readonly ClusterSummary[];
  private sorted: readonly ClusterSummary[] | undefined;
  private readonly resolvedKey: Int32Array;
  private readonly byCanonical = new Map<string, Cluster>();
  /** The id number of each canonical that events resolved to (read by `groupEvents`, then dropped). */
  private keyOf: Map<string, number> | undefined;
  private readonly failureAt = new Map<number, Failure>();
  private readonly findingsAt = new Map<number, FindingId[]>();
  // Built on first use: a load or a mode switch answers with the summary, the clusters list and the first rows,
  // which need none of these; a cluster's detail needs them (issue #14: ~40% of this index on a million events).
  private grouped: EventsByCluster | undefined;
  private related: RelatedByCluster | undefined;
  private profiles: Map<string, ProfileView> | undefined;

  constructor(
    private readonly resolution: Resolution,
    findings: readonly Finding[],
  ) {
    this.view = resolution.final();
    this.resolvedKey = this.view.resolvedNumbers();
    const clusters = this.view.clusters();
    for (const cluster of clusters) this.byCanonical.set(cluster.canonical, cluster);
    const eventCounts = new Int32Array(resolution.idTexts().length);
    for (const key of this.resolvedKey) if (key >= 0) eventCounts[key]!++;
    /** The id number of each canonical that events resolved to. */
    const keyOf = new Map<string, number>();
    eventCounts.forEach((count, key) => {
      if (count > 0) keyOf.set(resolution.idText(key), key);
    });
    this.summaries = summarise(clusters, (canonical) => eventCounts[keyOf.get(canonical) ?? -1] ?? 0);
    this.keyOf = keyOf;
    // The rows a table page shows read each event's refusal: kept here, by event (their clusters wait for `related`).
    for (const attempt of this.view.failedAttempts()) this.failureAt.set(attempt.eventIndex, attempt.failure);
    for (const finding of findings)
      for (const ref of finding.events) pushTo(this.findingsAt, ref.index, finding.id);
  }

  /** Clusters with their sizes, most events first (then most ids, then by name). Sorted on first use. */
  get clusters(): readonly ClusterSummary[] {
    return (this.sorted ??= sortClusters(this.summaries));
  }

  get clusterCount(): number {
    return this.summaries.length;
  }

  /**
   * The first `limit` of `clusters`, without sorting them all: the clusters list shows 100 of a few hundred thousand,
   * and sorting them all by name took a third of this index on a million events (issue #14).
   */
  topClusters(limit: number): ClusterSummary[] {
    return this.sorted?.slice(0, limit) ?? firstClusters(this.summaries, limit);
  }

  /** The text an event resolved to: null when rejected, "" when non-attributable, undefined for a profile update. */
  resolvedText(index: number): string | null | undefined {
    const key = this.resolvedKey[index] ?? NOT_AN_EVENT;
    if (key === NOT_AN_EVENT) return undefined;
    if (key === REJECTED_ID) return null;
    return key === NO_ID ? '' : this.resolution.idText(key);
  }

  /** A matcher for "the event resolved to an id whose text passes `test`", testing each id text once. */
  resolvedMatcher(test: (text: string) => boolean): (index: number) => boolean {
    const mask = Uint8Array.from(this.resolution.idTexts(), (text) => +test(text));
    return (index) => {
      const key = this.resolvedKey[index] ?? NOT_AN_EVENT;
      return key >= 0 && mask[key] === 1;
    };
  }

  /** The event's resolved id and failure, as an export writes them (undefined past the end). */
  outputOf(index: number): ResolvedOutput | undefined {
    return this.view.output(index);
  }

  /** Every id the resolution knows, as the engine keys them (devices as `$device:…`). */
  idTexts(): readonly string[] {
    return this.resolution.idTexts();
  }

  /** Whether the engine read `id` from the stream under this mode. */
  knows(id: string): boolean {
    return this.resolution.idNumber(id) !== undefined;
  }

  /** The profile kept under `id`, if any (built on first use: most sessions never ask). */
  profileOf(id: string): ProfileView | undefined {
    this.profiles ??= new Map(this.view.profiles().map((profile) => [profile.distinctId, profile]));
    return this.profiles.get(id);
  }

  /** Whether the record is an event (not a profile update). */
  isEvent(index: number): boolean {
    return (this.resolvedKey[index] ?? NOT_AN_EVENT) !== NOT_AN_EVENT;
  }

  cluster(canonical: string): Cluster | undefined {
    return this.byCanonical.get(canonical);
  }

  /** The events of `canonical`'s cluster, in stream order (empty for an id that has none). */
  eventsOf(canonical: string): Int32Array {
    const { ordinalOf, offsets, eventList } = (this.grouped ??= this.groupEvents());
    const ordinal = ordinalOf.get(canonical);
    if (ordinal === undefined) return new Int32Array(0);
    return eventList.subarray(offsets[ordinal] ?? 0, offsets[ordinal + 1] ?? 0);
  }

  linksOf(canonical: string): readonly Link[] {
    return (this.related ??= this.groupRelated()).links.get(canonical) ?? [];
  }

  failuresOf(canonical: string): readonly FailedAttempt[] {
    return (this.related ??= this.groupRelated()).failures.get(canonical) ?? [];
  }

  /** The refused link an event asked for, if any (S-9 on Simplified, O-7 … on Original and Legacy). */
  failureAtEvent(index: number): Failure | undefined {
    return this.failureAt.get(index);
  }

  /** The findings whose event sample names this event. */
  findingsOf(index: number): readonly FindingId[] {
    return this.findingsAt.get(index) ?? [];
  }

  /** Counting sort of event indexes by cluster: two passes, no per-cluster arrays. */
  private groupEvents(): EventsByCluster {
    const keyOf = this.keyOf ?? new Map<string, number>();
    this.keyOf = undefined;
    const ordinalOf = new Map<string, number>();
    const ordinalOfKey = new Int32Array(this.resolution.idTexts().length).fill(-1);
    // Ordinals are internal: any fixed order of the clusters serves, so the engine's (no sort needed).
    this.summaries.forEach((cluster, ordinal) => {
      ordinalOf.set(cluster.canonical, ordinal);
      const key = keyOf.get(cluster.canonical);
      if (key !== undefined) ordinalOfKey[key] = ordinal;
    });
    const keys = this.resolvedKey;
    const ordinals = new Int32Array(keys.length);
    const offsets = new Int32Array(this.summaries.length + 1);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] ?? NOT_AN_EVENT;
      const ordinal = key >= 0 ? (ordinalOfKey[key] ?? -1) : -1;
      ordinals[index] = ordinal;
      if (ordinal >= 0) offsets[ordinal + 1]!++;
    }
    for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1] ?? 0;
    const next = offsets.slice(0, -1);
    const list = new Int32Array(offsets[offsets.length - 1] ?? 0);
    for (let index = 0; index < ordinals.length; index++) {
      const ordinal = ordinals[index] ?? -1;
      if (ordinal >= 0) list[next[ordinal]!++] = index;
    }
    return { ordinalOf, offsets, eventList: list };
  }

  /**
   * Links and refusals by cluster. A link belongs to the cluster of the id it joined; a refusal to every cluster it
   * touches: the one it asked to join and the one it came from. Each member's canonical is read off the clusters:
   * asking the view by text would look every id up again (a device id's text is sliced to find it).
   */
  private groupRelated(): RelatedByCluster {
    const canonicalOfMember = new Map<string, string>();
    for (const cluster of this.byCanonical.values())
      for (const member of cluster.members) canonicalOfMember.set(member.id, cluster.canonical);
    const canonicalOf = (text: string) => canonicalOfMember.get(text) ?? this.view.canonicalOf(text);
    const related: RelatedByCluster = { links: new Map(), failures: new Map() };
    for (const link of this.view.links()) pushTo(related.links, canonicalOf(link.to), link);
    for (const attempt of this.view.failedAttempts()) {
      const touched = new Set<string>();
      if (attempt.from !== undefined) touched.add(canonicalOf(attempt.from));
      if (attempt.to !== undefined) touched.add(canonicalOf(attempt.to));
      for (const canonical of touched) pushTo(related.failures, canonical, attempt);
    }
    return related;
  }
}

/** Each cluster's events: the cluster's ordinal (in `summaries`) → CSR offsets into `eventList`, in stream order. */
interface EventsByCluster {
  readonly ordinalOf: Map<string, number>;
  readonly offsets: Int32Array;
  readonly eventList: Int32Array;
}

/** Each cluster's links and refused links, by canonical id. */
interface RelatedByCluster {
  readonly links: Map<string, Link[]>;
  readonly failures: Map<string, FailedAttempt[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
