// The ledger ingests the stream in order and keeps, per record, the compact facts every query is answered from.
import { readEventFacts, type EventFacts } from './facts.ts';
import { isBlockedId, isDeviceKey } from './ids.ts';
import type { DerivedIdentity, Derivation, IdentityKernel, KernelListener } from './kernel.ts';
import { SeenIds } from './kernel.ts';
import { LegacyKernel } from './legacy.ts';
import { OriginalKernel } from './original.ts';
import { ProfileStore, profileDistinctId } from './profiles.ts';
import { SimplifiedKernel } from './simplified.ts';
import { StepLog } from './steps.ts';
import type {
  FailedAttempt,
  Link,
  Mode,
  ProfileUpdate,
  RecordOrigin,
  ResolveOptions,
  StreamRecord,
} from './types.ts';

/** What kind of record sits at an index. */
export type RecordKind = 'event' | 'rejected' | 'non-attributable' | 'profile';

/** A record's stored facts; events keep just enough to resolve, explain and annotate them. */
export interface StoredRecord {
  readonly kind: RecordKind;
  readonly name: string;
  readonly isIdentityEvent: boolean;
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

export interface LedgerSettings {
  /** Keep per-record steps history (the app's step-through). */
  readonly trackSteps: boolean;
  /** Keep every record's facts; the CLI turns this off so memory grows with ids, not events. */
  readonly retainRecords: boolean;
}

export class IdentityLedger {
  readonly seen = new SeenIds();
  /** Each record's facts, when retained. */
  readonly records: StoredRecord[] = [];
  private count = 0;
  /** Identity events refused at ingestion (Original and Legacy); Simplified's S-9 refusals are read at query time. */
  readonly failures = new Map<number, FailedAttempt>();
  /** Every link or merge in the order it took effect (a Simplified link may later be superseded, Q-1). */
  readonly linkLog: Link[] = [];
  readonly kernel: IdentityKernel;
  readonly profiles: ProfileStore;
  readonly steps: StepLog | undefined;
  private devicesSeen = 0;

  constructor(
    readonly mode: Mode,
    readonly options: ResolveOptions,
    private readonly settings: LedgerSettings,
  ) {
    this.steps = settings.trackSteps ? new StepLog() : undefined;
    this.profiles = new ProfileStore(mode, settings.trackSteps);
    this.kernel = this.createKernel(this.listener());
  }

  private createKernel(listener: KernelListener): IdentityKernel {
    switch (this.mode) {
      case 'simplified':
        return new SimplifiedKernel(this.options, listener);
      case 'original':
        return new OriginalKernel(this.options, this.seen, listener);
      case 'legacy':
        return new LegacyKernel(this.seen, listener);
    }
  }

  private listener(): KernelListener {
    const { steps, profiles } = this;
    return {
      wantsMembers: steps !== undefined,
      retarget(from, to, index, ids) {
        steps?.recordRetarget(from, to, index, ids);
        profiles.retarget(from, to, index);
      },
    };
  }

  /** Number of records ingested. */
  get size(): number {
    return this.count;
  }

  /** Ingests the next record and returns its stored facts. */
  ingest(record: StreamRecord): StoredRecord {
    const index = this.count++;
    const stored =
      record.kind === 'profile'
        ? this.ingestProfile(record.update, index, record.origin)
        : this.ingestEvent(readEventFacts(record.event), index, record.origin);
    if (this.settings.retainRecords) this.records.push(stored);
    return stored;
  }

  /** The stored facts an event would get, without ingesting it: for a second pass over a file already ingested. */
  peek(record: StreamRecord): StoredRecord {
    if (record.kind === 'profile') {
      const literal = profileDistinctId(record.update);
      return profileRecord(
        literal,
        literal === undefined ? undefined : this.profileKey(literal),
        record.origin,
      );
    }
    const facts = readEventFacts(record.event);
    const derived = this.kernel.derive(facts);
    const rejectedValue = this.blockedValue(derived, facts);
    return eventRecord(facts, derived, rejectedValue, undefined, undefined, record.origin);
  }

  private ingestEvent(facts: EventFacts, index: number, origin: RecordOrigin | undefined): StoredRecord {
    const derived = this.kernel.derive(facts);
    const rejectedValue = this.blockedValue(derived, facts);
    const kind = kindOf(derived, rejectedValue);
    // rejected events have no identity effect; events with no identity cannot link anything either.
    const applied = kind === 'event' ? this.kernel.apply(facts, derived, index) : {};
    const newDevice = kind === 'event' ? this.noteIds(derived, index) : undefined;
    if (applied.failure)
      this.failures.set(index, { eventIndex: index, ...attemptedPair(facts), failure: applied.failure });
    if (applied.link) this.linkLog.push(applied.link);
    return eventRecord(facts, derived, rejectedValue, applied.frozenId, newDevice, origin);
  }

  /** LIM-1 / Q-12: the derived distinct_id and `$insert_id` must not be placeholders. */
  private blockedValue(derived: DerivedIdentity, facts: EventFacts): string | undefined {
    const match = this.options.blockedIdMatch;
    if (derived.id !== '' && isBlockedId(derived.id, match)) return derived.id;
    if (facts.insertId !== undefined && isBlockedId(facts.insertId, match)) return facts.insertId;
    return undefined;
  }

  /** Registers the event's ids as seen; returns the device key it is the first to mention. */
  private noteIds(derived: DerivedIdentity, index: number): StoredRecord['newDevice'] {
    const deviceKey = derived.deviceKey ?? (isDeviceKey(derived.id) ? derived.id : undefined);
    const isNewDevice = deviceKey !== undefined && !this.seen.firstSeen.has(deviceKey);
    this.seen.see(derived.id, index);
    if (derived.deviceKey !== undefined) this.seen.see(derived.deviceKey, index);
    if (this.steps && this.mode !== 'legacy') this.steps.recordEvent(derived.id, index);
    if (!isNewDevice) return undefined;
    this.devicesSeen++;
    return { key: deviceKey, ordinal: this.devicesSeen };
  }

  private ingestProfile(
    update: ProfileUpdate,
    index: number,
    origin: RecordOrigin | undefined,
  ): StoredRecord {
    const literal = profileDistinctId(update);
    // S-16: Simplified keys profiles by the literal distinct_id; elsewhere an update lands on the id it resolves to.
    const key = literal === undefined ? undefined : this.profileKey(literal);
    if (key !== undefined) this.profiles.apply(update, key, index);
    return profileRecord(literal, key, origin);
  }

  private profileKey(literal: string): string {
    return this.mode === 'simplified' ? literal : this.kernel.resolveDerived(literal, false);
  }

  /** How many distinct device keys the stream has shown so far. */
  get deviceCount(): number {
    return this.devicesSeen;
  }
}

function kindOf(derived: DerivedIdentity, rejectedValue: string | undefined): RecordKind {
  if (rejectedValue !== undefined) return 'rejected';
  return derived.id === '' ? 'non-attributable' : 'event';
}

function eventRecord(
  facts: EventFacts,
  derived: DerivedIdentity,
  rejectedValue: string | undefined,
  frozenId: string | undefined,
  newDevice: StoredRecord['newDevice'],
  origin: RecordOrigin | undefined,
): StoredRecord {
  return {
    kind: kindOf(derived, rejectedValue),
    name: facts.name,
    isIdentityEvent: facts.isIdentityEvent,
    derivedId: derived.id,
    derivation: derived.derivation,
    deviceKey: derived.deviceKey,
    frozenId,
    rejectedValue,
    newDevice,
    origin,
  };
}

function profileRecord(
  literal: string | undefined,
  key: string | undefined,
  origin: RecordOrigin | undefined,
): StoredRecord {
  return {
    kind: 'profile',
    name: '$profile',
    isIdentityEvent: false,
    derivedId: literal ?? '',
    derivation: literal === undefined ? 'none' : 'distinct-id',
    deviceKey: undefined,
    frozenId: key,
    rejectedValue: undefined,
    newDevice: undefined,
    origin,
  };
}

/** The two ids an identity event asked to link: the joining id first. */
function attemptedPair(facts: EventFacts): { from: string | undefined; to: string | undefined } {
  switch (facts.name) {
    case '$identify':
      return { from: facts.anonId, to: facts.identifiedId };
    case '$create_alias':
      return { from: facts.alias, to: facts.distinctId };
    case '$merge':
      return { from: facts.mergeIds?.[1], to: facts.mergeIds?.[0] };
    default:
      return { from: undefined, to: undefined };
  }
}
