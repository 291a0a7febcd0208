// Answers every question about the stream as it stood after one record: live kernel state, or the step log.
import { explainOutcome, notesFor, type EventLabel, type IdLabel } from './explain.ts';
import {
  NOT_AN_EVENT,
  REJECTED_ID,
  type IngestReceipts,
  type RecordFacts,
  type RecordKind,
} from './receipts.ts';
import { deviceAssignedFailure } from './failures.ts';
import { isDeviceKey } from './ids.ts';
import { NO_ID } from './idTable.ts';
import type { Derivation } from './kernel.ts';
import type { IdentityLedger, StoredRecord } from './ledger.ts';
import type { Profile } from './profiles.ts';
import { groupClusters } from './clusters.ts';
import type { Cluster, EventStatus, FailedAttempt, Failure, Link, Mode } from './types.ts';

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
  /** True when the resolved id differs from the one the event had when it was ingested (needs steps). */
  readonly retroactivelyUpdated: boolean;
  readonly rejectedValue: string | undefined;
}

/** The parts of an outcome an exported event carries. */
export interface ResolvedOutput {
  /** The resolved id as an IdTable integer (null rejected, NO_ID non-attributable). */
  readonly resolved: number | null;
  readonly resolvedId: string | null;
  readonly distinctIdBeforeIdentity: string | undefined;
  readonly failure: Failure | undefined;
}

export interface ProfileView extends Profile {
  /** `stranded`: on a `$device:` id already linked to a user, so no report shows it (S-16). */
  readonly status: 'visible' | 'hidden' | 'stranded';
  readonly strandedBehind?: string;
}

export class ResolutionView {
  /** record index → the link it made (up to this step), and device id → its link log entry in force. */
  private readonly linkByEvent = new Map<number, number>();
  private readonly activeDeviceLink = new Map<number, number>();
  /** How much of the link log has been read: a live view keeps up as a one-pass reader ingests more. */
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

  get mode(): Mode {
    return this.ledger.mode;
  }

  /** The id `id` resolves to at this step: its cluster's canonical id (Legacy: where data sent as it now goes). */
  canonicalOf(id: string): string {
    const known = this.ledger.table.find(id);
    return known === undefined ? id : this.ledger.table.textOf(this.canonical(known));
  }

  private canonical(id: number): number {
    if (this.live) return this.ledger.kernel.resolve(id);
    return this.ledger.steps?.canonicalAt(id, this.step) ?? id;
  }

  /** Everything the engine can say about the retained record at `index` (index ≤ step). */
  outcome(index: number): EventOutcome {
    const facts = this.ledger.facts(index);
    if (facts === undefined) throw new RangeError(`no record at index ${index}`);
    const { ledger } = this;
    const output = this.outputFor(index, facts);
    const atIngestion = ledger.steps
      ? this.resolvedIdOf(facts.kind, facts.derivedId, facts.frozenId, index)
      : output.resolved;
    return {
      index,
      name: facts.name,
      status: facts.kind === 'profile' || facts.kind === 'event' ? 'attributed' : facts.kind,
      isIdentityEvent: facts.isIdentityEvent,
      derivedId: ledger.textOf(facts.derivedId) ?? '',
      derivation: facts.derivation,
      deviceKey: ledger.textOf(facts.deviceKey),
      resolvedId: output.resolvedId,
      distinctIdBeforeIdentity: output.distinctIdBeforeIdentity,
      failure: output.failure,
      link: this.linkOf(index),
      linkedBy: this.deviceLinkEvent(facts.deviceKey),
      retroactivelyUpdated: output.resolved !== atIngestion,
      rejectedValue: facts.rejectedValue,
    };
  }

  /**
   * Just what an exported event needs — resolved id, `$distinct_id_before_identity`, failure (G-7, O-16) — for the
   * retained record at `index`, without the link lookups of outcome(); undefined when records are not retained.
   */
  output(index: number): ResolvedOutput | undefined {
    const facts = this.ledger.facts(index);
    return facts === undefined ? undefined : this.outputFor(index, facts);
  }

  /** The same for the record whose receipt sits at `at` in `receipts` (the CLI's passes, which retain nothing). */
  outputOf(receipts: IngestReceipts, at: number): ResolvedOutput {
    const facts = receipts.factsAt(at);
    if (facts === undefined) throw new RangeError(`no receipt at ${at}`);
    return this.outputFor(receipts.indexAt(at), facts);
  }

  /**
   * The number of the id the receipt's record resolves to at this step (its text: `Resolution.idText(n)`):
   * REJECTED_ID for a rejected event (LIM-1), NO_ID for one with no identity (LIM-2). Costs no allocation.
   */
  resolvedNumber(receipts: IngestReceipts, at: number): number {
    const kind = receipts.kindAt(at);
    const step = this.live ? undefined : this.step;
    return this.resolvedIdOf(kind, receipts.derivedIdAt(at), receipts.frozenIdAt(at), step) ?? REJECTED_ID;
  }

  /** Per retained record, the number of the id it resolves to (REJECTED_ID, NO_ID, or NOT_AN_EVENT for a profile). */
  resolvedNumbers(): Int32Array {
    const receipts = this.ledger.receipts;
    const numbers = new Int32Array(receipts?.count ?? 0);
    if (receipts === undefined) return numbers;
    for (let at = 0; at < numbers.length; at++) {
      numbers[at] = receipts.kindAt(at) === 'profile' ? NOT_AN_EVENT : this.resolvedNumber(receipts, at);
    }
    return numbers;
  }

  /** Table notes for the retained record at `index` at this step (pass its outcome when already at hand). */
  notes(index: number, label?: IdLabel, outcome: EventOutcome = this.outcome(index)): string[] {
    return notesFor(outcome, this.stored(index), this, label);
  }

  /** The reasons behind the retained record at `index` at this step, naming their rules. */
  explain(index: number, label?: IdLabel, eventLabel?: EventLabel): string[] {
    return explainOutcome(
      this.outcome(index),
      this.stored(index),
      this,
      this.ledger.options,
      label,
      eventLabel,
    );
  }

  private stored(index: number): StoredRecord {
    const record = this.ledger.record(index);
    if (record === undefined) throw new RangeError(`no retained record at index ${index}`);
    return record;
  }

  private outputFor(index: number, facts: RecordFacts): ResolvedOutput {
    const resolved = this.resolvedIdOf(
      facts.kind,
      facts.derivedId,
      facts.frozenId,
      this.live ? undefined : this.step,
    );
    const refusedBy = this.refusedLinkUser(facts);
    return {
      resolved,
      resolvedId: resolved === null ? null : (this.ledger.textOf(resolved) ?? ''),
      distinctIdBeforeIdentity: this.ledger.textOf(this.beforeIdentity(facts, resolved, refusedBy)),
      failure: this.failureOf(index, facts, refusedBy),
    };
  }

  /** The resolved id after record `step` (undefined: live): null when rejected, NO_ID when non-attributable. */
  private resolvedIdOf(
    kind: RecordKind,
    derivedId: number,
    frozenId: number,
    step: number | undefined,
  ): number | null {
    if (kind === 'rejected') return null;
    if (kind === 'non-attributable') return NO_ID;
    // Profile updates stay on the profile they landed on; Legacy events are frozen at ingestion (L-3).
    if (kind === 'profile' || !this.ledger.rules.retroactive) {
      return frozenId === NO_ID ? derivedId : frozenId;
    }
    if (step === undefined) return this.ledger.kernel.resolve(derivedId);
    return this.ledger.steps?.canonicalAt(derivedId, step) ?? derivedId;
  }

  private failureOf(index: number, facts: RecordFacts, refusedBy: number): Failure | undefined {
    if (this.ledger.rules.queryTimeRefusal === undefined) return this.ledger.failures.get(index)?.failure;
    if (refusedBy === NO_ID) return undefined;
    return deviceAssignedFailure(
      this.ledger.table.textOf(facts.deviceKey),
      this.ledger.table.textOf(refusedBy),
    );
  }

  /** S-9 and the like: the user that refuses the event's link at this step (modes that judge at query time); else NO_ID. */
  private refusedLinkUser(facts: RecordFacts): number {
    return this.ledger.rules.queryTimeRefusal?.(facts, this) ?? NO_ID;
  }

  /** The number of the id `id` resolves to at this step. */
  canonicalNumber(id: number): number {
    return this.canonical(id);
  }

  private beforeIdentity(facts: RecordFacts, resolved: number | null, refusedBy: number): number {
    if (refusedBy !== NO_ID) return facts.deviceKey;
    if (resolved === null || resolved === NO_ID || resolved === facts.derivedId) return NO_ID;
    return facts.derivedId;
  }

  /** Reads link log entries made by this step into the indexes. */
  private readLinks(): void {
    const { linkLog, linkFrom } = this.ledger;
    for (; this.linksRead < linkLog.length; this.linksRead++) {
      const link = linkLog[this.linksRead];
      if (link === undefined || link.eventIndex > this.step) continue;
      this.linkByEvent.set(link.eventIndex, this.linksRead);
      if (link.kind === 'device-link')
        this.activeDeviceLink.set(linkFrom[this.linksRead] ?? NO_ID, this.linksRead);
    }
  }

  /** The link or merge the event at `index` made, if it is in force at this step. */
  linkOf(index: number): Link | undefined {
    this.readLinks();
    const entry = this.linkByEvent.get(index);
    if (entry === undefined) return undefined;
    const link = this.ledger.linkLog[entry];
    if (link?.kind !== 'device-link') return link;
    return this.activeDeviceLink.get(this.ledger.linkFrom[entry] ?? NO_ID) === entry ? link : undefined;
  }

  /** Simplified: the event whose link is in force for a device. */
  private deviceLinkEvent(device: number): number | undefined {
    if (device === NO_ID || !this.ledger.rules.linksSupersede) return undefined;
    this.readLinks();
    const entry = this.activeDeviceLink.get(device);
    return entry === undefined ? undefined : this.ledger.linkLog[entry]?.eventIndex;
  }

  /** Links and merges in force: where links supersede (Q-1 event-time order), the latest link per device. */
  links(): Link[] {
    this.readLinks();
    const entries = this.ledger.rules.linksSupersede
      ? [...this.activeDeviceLink.values()]
      : [...this.linkByEvent.values()];
    return entries.sort((a, b) => a - b).flatMap((entry) => this.ledger.linkLog[entry] ?? []);
  }

  /** Identity requests refused up to this step, for the graph's dashed edges. */
  failedAttempts(): FailedAttempt[] {
    if (this.ledger.rules.queryTimeRefusal === undefined) {
      return [...this.ledger.failures.values()].filter((attempt) => attempt.eventIndex <= this.step);
    }
    const attempts: FailedAttempt[] = [];
    for (let index = 0; index <= this.step; index++) {
      const facts = this.ledger.facts(index);
      const refusedBy = facts === undefined ? NO_ID : this.refusedLinkUser(facts);
      if (facts === undefined || refusedBy === NO_ID) continue;
      const failure = this.failureOf(index, facts, refusedBy);
      if (failure === undefined) continue;
      attempts.push({
        eventIndex: index,
        from: this.ledger.textOf(facts.deviceKey),
        to: this.ledger.textOf(facts.derivedId),
        failure,
      });
    }
    return attempts;
  }

  /** Clusters at this step: every id seen so far, grouped by what it resolves to. */
  clusters(): Cluster[] {
    const { table, steps, kernel } = this.ledger;
    if (this.live)
      return groupClusters(table, this.step, {
        canonicalOf: (id) => kernel.resolve(id),
        joinedByOf: (id) => kernel.joinedBy(id),
      });
    const step = this.step;
    return groupClusters(table, step, {
      canonicalOf: (id) => this.canonical(id),
      joinedByOf: (id) => steps?.joinedByAt(id, step) ?? NO_ID,
    });
  }

  /** G-6: the identity mappings table, one row per id that resolves to another id. */
  mappings(): Array<{ distinct_id: string; resolved_distinct_id: string }> {
    const { table } = this.ledger;
    const rows: Array<{ distinct_id: string; resolved_distinct_id: string }> = [];
    for (const [id] of this.seenIds()) {
      const resolved = this.canonical(id);
      if (resolved !== id)
        rows.push({ distinct_id: table.textOf(id), resolved_distinct_id: table.textOf(resolved) });
    }
    return rows;
  }

  /** Every id the stream has mentioned by this step (device keys with their `$device:` prefix). */
  ids(): string[] {
    return [...this.seenIds()].map(([id]) => this.ledger.table.textOf(id));
  }

  /** Every id seen by this step, with the record that first mentioned it. */
  private *seenIds(): Generator<readonly [number, number]> {
    const { table } = this.ledger;
    for (let id = 0; id < table.size; id++) {
      const firstSeen = table.firstSeen[id] ?? NO_ID;
      if (firstSeen !== NO_ID && firstSeen <= this.step) yield [id, firstSeen];
    }
  }

  /** Profiles at this step, marked hidden (O-17) or stranded on a linked device id (S-16). */
  profiles(): ProfileView[] {
    const profiles = this.live ? this.ledger.profiles.all() : this.ledger.profiles.at(this.step);
    return profiles.map((profile) => {
      if (profile.hidden) return { ...profile, status: 'hidden' };
      const id = profile.distinctId;
      if (this.ledger.rules.strandsLinkedDeviceProfiles && isDeviceKey(id)) {
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
