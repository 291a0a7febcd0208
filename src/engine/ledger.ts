// The ledger ingests the stream in order and keeps, per record, the compact facts every query is answered from.
import { IngestReceipts, newRecordFacts, NO_LINK, type RecordFacts, type RecordKind } from './receipts.ts';
import { eventFacts, keptAttempt, kindOf, profileFacts } from './recordFacts.ts';
import {
  blankEventFacts,
  fillEventFacts,
  readEventFacts,
  type EventFacts,
  type NumberedEvent,
} from './facts.ts';
import { isBlockedId } from './ids.ts';
import { IdTable, NO_ID } from './idTable.ts';
import {
  NOTHING_APPLIED,
  type DerivedIdentity,
  type Derivation,
  type IdentityKernel,
  type KernelListener,
} from './kernel.ts';
import { modeRules, type ModeRules } from './modes/index.ts';
import { ProfileStore, profileDistinctId } from './profiles.ts';
import { StepLog } from './steps.ts';
import type {
  FailedAttempt,
  Failure,
  Link,
  Mode,
  ProfileUpdate,
  RecordOrigin,
  ResolveOptions,
  StreamRecord,
} from './types.ts';

/** The per-record facts the ledger stores (engine-private; read through receipts outside src/engine). */
export type { RecordFacts, RecordKind };

/** A record's stored facts, with ids as text. */
export interface StoredRecord {
  readonly kind: RecordKind;
  readonly name: string;
  readonly isIdentityEvent: boolean;
  /** The id the event is attributed to before any mapping; '' when there is none. */
  readonly derivedId: string;
  readonly derivation: Derivation;
  /** Simplified: the `$device:` key the event carried. */
  readonly deviceKey: string | undefined;
  /** Legacy events: the distinct_id frozen at ingestion (L-3). Profile updates: the profile they landed on. */
  readonly frozenId: string | undefined;
  /** The placeholder value that got the event rejected (LIM-1). */
  readonly rejectedValue: string | undefined;
  /** The device key this record was the first to mention, with how many device keys the stream had shown by then. */
  readonly newDevice: { readonly key: string; readonly ordinal: number } | undefined;
  readonly origin: RecordOrigin | undefined;
}

/** What the ledger keeps besides the current state: per-step history and the records themselves. */
export interface LedgerSettings {
  /** Keep per-record steps history (the app's step-through). */
  readonly trackSteps: boolean;
  /** Keep every record's facts; the CLI turns this off so memory grows with ids, not events. */
  readonly retainRecords: boolean;
}

/** The engine's private record of a stream: ids, facts per record, links, refusals and steps; read only through Resolution. */
export class IdentityLedger {
  readonly table = new IdTable();
  /** Identity events refused at ingestion (Original and Legacy); Simplified's S-9 refusals are read at query time. */
  readonly failures = new Map<number, FailedAttempt>();
  /** Every link or merge in the order it took effect (a Simplified link may later be superseded, Q-1). */
  readonly linkLog: Link[] = [];
  /** The id each entry of linkLog joined (its `from`), as an IdTable integer. */
  readonly linkFrom: number[] = [];
  /** record index → the number of the link it made (its linkLog entry). */
  private readonly linkMadeBy = new Map<number, number>();
  readonly kernel: IdentityKernel;
  readonly profiles: ProfileStore;
  readonly steps: StepLog | undefined;
  /** The mode's rules: what differs between identity systems is asked of them, never of the mode's name. */
  readonly rules: ModeRules;
  /** Every record's receipt, when records are retained (at = index). */
  readonly receipts: IngestReceipts | undefined;
  private count = 0;
  private devicesSeen = 0;
  /** The facts of the numbered event being ingested (ingestNumbered): one object for every event. */
  private readonly numberedFacts = blankEventFacts();
  /** What a record's receipt is written from: one object, copied into the receipts before the next record. */
  private readonly recordFacts = newRecordFacts();

  constructor(
    readonly mode: Mode,
    readonly options: ResolveOptions,
    private readonly settings: LedgerSettings,
  ) {
    this.steps = settings.trackSteps ? new StepLog() : undefined;
    this.receipts = settings.retainRecords ? new IngestReceipts() : undefined;
    this.rules = modeRules(mode);
    this.profiles = new ProfileStore(this.rules.mergesHideProfiles, settings.trackSteps);
    this.kernel = this.rules.createKernel(options, this.table, this.listener());
  }

  private listener(): KernelListener {
    const { steps, profiles, table } = this;
    return {
      wantsMembers: steps !== undefined,
      retarget(from, to, index, members) {
        steps?.recordRetarget(index, to, members);
        if (!profiles.isEmpty) profiles.retarget(table.textOf(from), table.textOf(to), index);
      },
    };
  }

  /** Number of records ingested. */
  get size(): number {
    return this.count;
  }

  /** Whether every record's facts are kept (otherwise callers pass them back in, e.g. the CLI's second pass). */
  get retainsRecords(): boolean {
    return this.settings.retainRecords;
  }

  /** Ingests the next record and returns its index; writes its receipt into `into` too, when given. */
  ingest(record: StreamRecord, into?: IngestReceipts): number {
    const index = this.count++;
    const linksBefore = this.linkLog.length;
    const facts =
      record.kind === 'profile'
        ? this.ingestProfile(record.update, index, record.origin)
        : this.ingestEvent(readEventFacts(record.event), index, record.origin);
    this.keepReceipt(index, facts, linksBefore, into);
    return index;
  }

  /**
   * Ingests the next record, an event whose reader numbered its ids: the same as `ingest` of that event, with the
   * numbered ids found by number (IdTable.intern). Keeps nothing of `event`, so a reader may reuse one object.
   */
  ingestNumbered(event: NumberedEvent, into?: IngestReceipts): number {
    const index = this.count++;
    const linksBefore = this.linkLog.length;
    const facts = this.ingestEvent(fillEventFacts(this.numberedFacts, event, event), index, event.origin);
    this.keepReceipt(index, facts, linksBefore, into);
    return index;
  }

  private keepReceipt(
    index: number,
    facts: RecordFacts,
    linksBefore: number,
    into: IngestReceipts | undefined,
  ): void {
    if (this.receipts === undefined && into === undefined) return;
    const link = this.linkLog.length > linksBefore ? linksBefore : NO_LINK;
    const failed = this.failures.has(index);
    this.receipts?.push(index, facts, link, failed);
    into?.push(index, facts, link, failed);
  }

  /**
   * Writes into `into` the receipt of the record ingested at `index`, without ingesting it again: for a second pass
   * over a file already ingested (the CLI's), when records are not retained.
   */
  reread(record: StreamRecord, index: number, into: IngestReceipts): void {
    into.push(
      index,
      this.rereadFacts(record),
      this.linkMadeBy.get(index) ?? NO_LINK,
      this.failures.has(index),
    );
  }

  private rereadFacts(record: StreamRecord): RecordFacts {
    if (record.kind === 'profile') {
      const literal = profileDistinctId(record.update);
      const literalId = literal === undefined ? NO_ID : this.table.intern(literal);
      return profileFacts(this.recordFacts, literalId, this.profileKey(literalId), record.origin);
    }
    const facts = readEventFacts(record.event);
    const derived = this.kernel.derive(facts);
    return eventFacts(
      this.recordFacts,
      facts,
      derived,
      this.blockedValue(derived, facts),
      NO_ID,
      undefined,
      record.origin,
    );
  }

  /** The stored facts of a retained record. */
  record(index: number): StoredRecord | undefined {
    const facts = this.facts(index);
    return facts && this.toStored(facts);
  }

  /** The same, with ids as IdTable integers: what the view computes outcomes from. */
  facts(index: number): RecordFacts | undefined {
    return this.receipts?.factsAt(index);
  }

  /** Why the identity event at `index` was refused at ingestion (Original, Legacy), if it was. */
  failureAt(index: number): Failure | undefined {
    return this.failures.get(index)?.failure;
  }

  /** The id `id` resolves to now (retroactive modes: its canonical id; Legacy: where new data sent as it goes). */
  resolveText(text: string): string {
    const id = this.table.find(text);
    return id === undefined ? text : this.table.textOf(this.kernel.resolve(id));
  }

  private ingestEvent(facts: EventFacts, index: number, origin: RecordOrigin | undefined): RecordFacts {
    const derived = this.kernel.derive(facts);
    const rejectedValue = this.blockedValue(derived, facts);
    const kind = kindOf(derived, rejectedValue);
    // rejected events have no identity effect; events with no identity cannot link anything either.
    const applied = kind === 'event' ? this.kernel.apply(facts, derived, index) : NOTHING_APPLIED;
    const newDevice = kind === 'event' ? this.noteIds(derived, index) : undefined;
    if (applied.failure) this.failures.set(index, keptAttempt(index, facts, applied.failure));
    if (applied.link) {
      this.linkMadeBy.set(index, this.linkLog.length);
      this.linkLog.push(applied.link);
      this.linkFrom.push(applied.linkFrom ?? NO_ID);
    }
    return eventFacts(
      this.recordFacts,
      facts,
      derived,
      rejectedValue,
      applied.frozenId ?? NO_ID,
      newDevice,
      origin,
    );
  }

  /** LIM-1 / Q-12: the derived distinct_id and `$insert_id` must not be placeholders. */
  private blockedValue(derived: DerivedIdentity, facts: EventFacts): string | undefined {
    if (derived.id !== NO_ID && this.table.isBlocked(derived.id, this.isBlockedText))
      return this.table.textOf(derived.id);
    if (facts.insertId !== undefined && this.isBlockedText(facts.insertId)) return facts.insertId;
    return undefined;
  }

  private readonly isBlockedText = (text: string): boolean =>
    text !== '' && isBlockedId(text, this.options.blockedIdMatch);

  /** Registers the event's ids as seen; returns the device key it is the first to mention. */
  private noteIds(derived: DerivedIdentity, index: number): RecordFacts['newDevice'] {
    const device = derived.deviceKey !== NO_ID ? derived.deviceKey : this.deviceOrNone(derived.id);
    const isNewDevice = device !== NO_ID && !this.table.isSeen(device);
    this.table.see(derived.id, index);
    this.table.see(derived.deviceKey, index);
    // Only retroactive modes re-attribute earlier events, so only they need each id's events for the step log.
    if (this.steps && this.rules.retroactive) this.steps.recordEvent(derived.id, index);
    if (!isNewDevice) return undefined;
    this.devicesSeen++;
    return { key: device, ordinal: this.devicesSeen };
  }

  private deviceOrNone(id: number): number {
    return this.table.isDevice(id) ? id : NO_ID;
  }

  private ingestProfile(update: ProfileUpdate, index: number, origin: RecordOrigin | undefined): RecordFacts {
    const literal = profileDistinctId(update);
    // S-16: Simplified keys profiles by the literal distinct_id; O-17: elsewhere on the id it resolves to.
    const literalId = literal === undefined ? NO_ID : this.table.intern(literal);
    const key = this.profileKey(literalId);
    if (key !== NO_ID) this.profiles.apply(update, this.table.textOf(key), index);
    return profileFacts(this.recordFacts, literalId, key, origin);
  }

  private profileKey(literalId: number): number {
    if (literalId === NO_ID || !this.rules.profilesFollowMerges) return literalId;
    return this.kernel.resolve(literalId);
  }

  /** The text of an id, or undefined for NO_ID. */
  textOf(id: number): string | undefined {
    return id === NO_ID ? undefined : this.table.textOf(id);
  }

  toStored(facts: RecordFacts): StoredRecord {
    const device = facts.newDevice;
    return {
      ...facts,
      derivedId: this.textOf(facts.derivedId) ?? '',
      deviceKey: this.textOf(facts.deviceKey),
      frozenId: this.textOf(facts.frozenId),
      newDevice: device && { key: this.table.textOf(device.key), ordinal: device.ordinal },
    };
  }
}
