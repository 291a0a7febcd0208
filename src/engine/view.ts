// Answers every question about the stream as it stood after one record: live kernel state, or the step log.
import { deviceAssignedFailure } from './failures.ts';
import { isDeviceKey } from './ids.ts';
import type { Derivation } from './kernel.ts';
import type { IdentityLedger, StoredRecord } from './ledger.ts';
import type { Profile } from './profiles.ts';
import { canonicalFirst } from './simplified.ts';
import type { Cluster, ClusterMember, EventStatus, FailedAttempt, Failure, Link, Mode } from './types.ts';

/** Everything the engine can say about one event at one step. */
export interface EventOutcome {
  readonly index: number;
  readonly name: string;
  readonly status: EventStatus;
  /** `$identify`, `$create_alias` or `$merge`. */
  readonly isIdentityEvent: boolean;
  /** The id derived from what was sent (S-2/S-3 on Simplified; distinct_id on Original and Legacy); '' when none. */
  readonly derivedId: string;
  readonly derivation: Derivation;
  /** Simplified: the `$device:` key the event carried. */
  readonly deviceKey: string | undefined;
  /** The distinct_id Mixpanel shows: null when rejected (LIM-1), '' when non-attributable (LIM-2). */
  readonly resolvedId: string | null;
  /** G-7 `$distinct_id_before_identity`: the id before identity merging rewrote it, when it did. */
  readonly distinctIdBeforeIdentity: string | undefined;
  readonly failure: Failure | undefined;
  /** The link or merge this event made that is in force at this step. */
  readonly link: Link | undefined;
  /** Simplified: the event whose link decides where this event's device resolves. */
  readonly linkedBy: number | undefined;
  /** True when the resolved id differs from the one the event had when it was ingested. */
  readonly retroactivelyUpdated: boolean;
  readonly rejectedValue: string | undefined;
}

export interface ProfileView extends Profile {
  /** `stranded`: on a `$device:` id already linked to a user, so no report shows it (S-16). */
  readonly status: 'visible' | 'hidden' | 'stranded';
  readonly strandedBehind?: string;
}

export class ResolutionView {
  private activeLinkCache: Map<string, Link> | undefined;
  private readonly linkByEvent = new Map<number, Link>();
  /** How much of the link log linkByEvent has read: a live view keeps up as a one-pass reader ingests more. */
  private linksRead = 0;

  /** `live` follows the ledger as it grows; otherwise the step log answers for the prefix ending at `fixedStep`. */
  constructor(
    private readonly ledger: IdentityLedger,
    private readonly fixedStep: number,
    private readonly live: boolean,
  ) {}

  /** The last record this view covers. */
  get step(): number {
    return this.live ? this.ledger.size - 1 : this.fixedStep;
  }

  private linkIndex(): Map<number, Link> {
    const log = this.ledger.linkLog;
    if (this.linksRead === log.length) return this.linkByEvent;
    for (; this.linksRead < log.length; this.linksRead++) {
      const link = log[this.linksRead];
      if (link !== undefined && link.eventIndex <= this.step) this.linkByEvent.set(link.eventIndex, link);
    }
    this.activeLinkCache = undefined;
    return this.linkByEvent;
  }

  get mode(): Mode {
    return this.ledger.mode;
  }

  /** The id `id` resolves to at this step: its cluster's canonical id (Legacy: where data sent as it now goes). */
  canonicalOf(id: string): string {
    if (this.live) return this.ledger.resolveText(id);
    return this.ledger.steps?.canonicalAt(id, this.step) ?? id;
  }

  /** The outcome of the event at `index` (index ≤ step). Pass the stored record when the ledger does not retain them. */
  outcome(index: number, record: StoredRecord | undefined = this.ledger.record(index)): EventOutcome {
    if (record === undefined) throw new RangeError(`no record at index ${index}`);
    const resolvedId = this.resolvedIdOf(record, (id) => this.canonicalOf(id));
    const failure = this.failureOf(index, record);
    const linkedBy =
      record.deviceKey === undefined ? undefined : this.activeLinks().get(record.deviceKey)?.eventIndex;
    const atIngestion = this.ledger.steps
      ? this.resolvedIdOf(record, (id) => this.ledger.steps?.canonicalAt(id, index) ?? id)
      : resolvedId;
    return {
      index,
      name: record.name,
      status: record.kind === 'profile' || record.kind === 'event' ? 'attributed' : record.kind,
      isIdentityEvent: record.isIdentityEvent,
      derivedId: record.derivedId,
      derivation: record.derivation,
      deviceKey: record.deviceKey,
      resolvedId,
      distinctIdBeforeIdentity: this.beforeIdentity(record, resolvedId, failure),
      failure,
      link: this.linkOf(index),
      linkedBy,
      retroactivelyUpdated: resolvedId !== atIngestion,
      rejectedValue: record.rejectedValue,
    };
  }

  private resolvedIdOf(record: StoredRecord, canonical: (id: string) => string): string | null {
    if (record.kind === 'rejected') return null;
    if (record.kind === 'non-attributable') return '';
    // Profile updates stay on the profile they landed on; Legacy events are frozen at ingestion (L-3).
    if (record.kind === 'profile' || this.ledger.mode === 'legacy')
      return record.frozenId ?? record.derivedId;
    return canonical(record.derivedId);
  }

  private failureOf(index: number, record: StoredRecord): Failure | undefined {
    if (this.ledger.mode !== 'simplified') return this.ledger.failures.get(index)?.failure;
    const linkedUser = this.refusedLinkUser(record);
    return linkedUser === undefined ? undefined : deviceAssignedFailure(record.deviceKey ?? '', linkedUser);
  }

  /** S-9: the user the event's device is linked to, when that is not the event's own user. */
  private refusedLinkUser(record: StoredRecord): string | undefined {
    if (record.kind !== 'event' || record.isIdentityEvent || record.derivation !== 'user-id')
      return undefined;
    if (record.deviceKey === undefined) return undefined;
    const linked = this.canonicalOf(record.deviceKey);
    return linked === record.derivedId || linked === record.deviceKey ? undefined : linked;
  }

  private beforeIdentity(record: StoredRecord, resolvedId: string | null, failure: Failure | undefined) {
    if (failure?.rule === 'S-9') return record.deviceKey;
    if (resolvedId === null || resolvedId === '' || resolvedId === record.derivedId) return undefined;
    return record.derivedId;
  }

  /** The link or merge the event at `index` made, if it is in force at this step. */
  linkOf(index: number): Link | undefined {
    const link = this.linkIndex().get(index);
    if (link === undefined || link.kind !== 'device-link') return link;
    return this.activeLinks().get(link.from)?.eventIndex === index ? link : undefined;
  }

  /** Links and merges in force: on Simplified the latest link per device (Q-1 event-time order can replace one). */
  links(): Link[] {
    if (this.ledger.mode === 'simplified')
      return [...this.activeLinks().values()].sort((a, b) => a.eventIndex - b.eventIndex);
    return [...this.linkIndex().values()];
  }

  private activeLinks(): Map<string, Link> {
    const links = this.linkIndex();
    if (this.activeLinkCache) return this.activeLinkCache;
    const active = new Map<string, Link>();
    for (const link of links.values()) if (link.kind === 'device-link') active.set(link.from, link);
    this.activeLinkCache = active;
    return active;
  }

  /** Identity requests refused up to this step, for the graph's dashed edges. */
  failedAttempts(): FailedAttempt[] {
    if (this.ledger.mode !== 'simplified') {
      return [...this.ledger.failures.values()].filter((attempt) => attempt.eventIndex <= this.step);
    }
    const attempts: FailedAttempt[] = [];
    for (let index = 0; index <= this.step; index++) {
      const record = this.ledger.record(index);
      const linkedUser = record && this.refusedLinkUser(record);
      if (record === undefined || linkedUser === undefined) continue;
      const failure = deviceAssignedFailure(record.deviceKey ?? '', linkedUser);
      attempts.push({ eventIndex: index, from: record.deviceKey, to: record.derivedId, failure });
    }
    return attempts;
  }

  /** Clusters at this step: every id seen so far, grouped by what it resolves to. */
  clusters(): Cluster[] {
    if (this.live) return this.ledger.kernel.clusters(this.ledger.table);
    const steps = this.ledger.steps;
    const byCanonical = new Map<string, ClusterMember[]>();
    for (const [id, firstSeen] of this.seenIds()) {
      const canonical = this.canonicalOf(id);
      const member = { id, isDevice: isDeviceKey(id), joinedBy: steps?.joinedByAt(id, this.step), firstSeen };
      const members = byCanonical.get(canonical);
      if (members === undefined) byCanonical.set(canonical, [member]);
      else members.push(member);
    }
    return [...byCanonical].map(([canonical, members]) => ({
      canonical,
      members: canonicalFirst(members, canonical),
    }));
  }

  /** G-6: the identity mappings table, one row per id that resolves to another id. */
  mappings(): Array<{ distinct_id: string; resolved_distinct_id: string }> {
    const rows: Array<{ distinct_id: string; resolved_distinct_id: string }> = [];
    for (const [id] of this.seenIds()) {
      const resolved = this.canonicalOf(id);
      if (resolved !== id) rows.push({ distinct_id: id, resolved_distinct_id: resolved });
    }
    return rows;
  }

  /** Every id seen by this step, with the record that first mentioned it. */
  private *seenIds(): Generator<readonly [string, number]> {
    const { table } = this.ledger;
    for (let id = 0; id < table.size; id++) {
      const firstSeen = table.firstSeen[id] ?? -1;
      if (firstSeen >= 0 && firstSeen <= this.step) yield [table.textOf(id), firstSeen];
    }
  }

  /** Profiles at this step, marked hidden (O-17) or stranded on a linked device id (S-16). */
  profiles(): ProfileView[] {
    const profiles = this.live ? this.ledger.profiles.all() : this.ledger.profiles.at(this.step);
    return profiles.map((profile) => {
      if (profile.hidden) return { ...profile, status: 'hidden' };
      const id = profile.distinctId;
      if (this.ledger.mode === 'simplified' && isDeviceKey(id)) {
        const owner = this.canonicalOf(id);
        if (owner !== id) return { ...profile, status: 'stranded', strandedBehind: owner };
      }
      return { ...profile, status: 'visible' };
    });
  }

  /** Events before this step whose resolved id this step's record changed: the retroactive updates (needs steps). */
  changedEvents(): number[] {
    return this.ledger.steps?.eventsRetargetedAt(this.step) ?? [];
  }
}
