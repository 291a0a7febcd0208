// The one Observation a lint run reuses for every record: rewritten per record from the engine's receipt, with the
// parts few checks read (an EventRef, device numbers) built only when asked (issue #14: the linter ran beside every
// resolve pass and allocated several objects per record).
import {
  blankEventFacts,
  DEVICE_PREFIX,
  fillEventFacts,
  modeRules,
  NO_ID,
  NO_LINK,
  UNNUMBERED,
  type Derivation,
  type EventStatus,
  type Failure,
  type IngestReceipts,
  type Link,
  type Mode,
  type MutableEventFacts,
  type RecordKind,
  type Resolver,
  type StreamRecord,
} from '../engine/index.ts';
import type { IngestedEvent, Observation } from './check.ts';
import type { DeviceNumbers } from './columns.ts';
import { readPartiesInto } from './idShapes.ts';
import { eventRef } from './samples.ts';
import type { EventRef } from './types.ts';

type EventRecord = Extract<StreamRecord, { kind: 'event' }>;

/** A device number not read yet for the current record. */
const UNREAD = -2;
const NO_DEVICE = -1;
const NO_RECORD: EventRecord = { kind: 'event', event: { event: '', properties: {} } };

/**
 * The receipt of the record being observed, as the checks read it: the status is read up front (nearly every check
 * asks), the rest from the receipt when asked (most checks decide on the status and facts alone).
 */
class ReceiptOutcome implements IngestedEvent {
  status: EventStatus = 'attributed';
  private receipts: IngestReceipts | undefined;
  private at = 0;

  constructor(private readonly resolver: Resolver) {}

  read(receipts: IngestReceipts, at: number): void {
    this.receipts = receipts;
    this.at = at;
    this.status = statusOf(receipts.kindAt(at));
  }

  get index(): number {
    return this.receipts?.indexAt(this.at) ?? NO_ID;
  }

  get derivedId(): string {
    return this.resolver.idText(this.receipts?.derivedIdAt(this.at) ?? NO_ID);
  }

  get derivation(): Derivation {
    return this.receipts?.derivationAt(this.at) ?? 'none';
  }

  get rejectedValue(): string | undefined {
    return this.receipts?.rejectedValueAt(this.at);
  }

  get failure(): Failure | undefined {
    return this.refused ? this.resolver.failureAt(this.index) : undefined;
  }

  /** Whether the event was refused at ingestion (`failure` is then defined). */
  get refused(): boolean {
    return this.receipts?.failedAt(this.at) === true;
  }

  /** Whether the event made a link or merge (`link` is then defined). */
  get linking(): boolean {
    return (this.receipts?.linkAt(this.at) ?? NO_LINK) !== NO_LINK;
  }

  get link(): Link | undefined {
    const link = this.receipts?.linkAt(this.at) ?? NO_LINK;
    return link === NO_LINK ? undefined : this.resolver.link(link);
  }
}

function statusOf(kind: RecordKind): EventStatus {
  return kind === 'event' || kind === 'profile' ? 'attributed' : kind;
}

/** The observation of the record a lint run is reading; `read` moves it to the next record. */
export class RecordObservation implements Observation {
  readonly outcome: ReceiptOutcome;
  record: EventRecord = NO_RECORD;
  /** Filled again for every record, like the observation (issue #14: no facts object per event on a million). */
  readonly facts: MutableEventFacts = blankEventFacts();
  readonly parties: { device: string | undefined; user: string | undefined } = {
    device: undefined,
    user: undefined,
  };
  derivedKey = NO_ID;
  private index = 0;
  private line: number | undefined = undefined;
  private device = UNREAD;
  private sentDevice = UNREAD;
  private receipts: IngestReceipts | undefined;
  private at = 0;
  /**
   * Simplified files every device under its `$device:` key (S-4), numbered by the engine. A raw id that itself starts
   * with `$device:` is numbered here instead: under Q-8's `strip` it shares its key with the id without the prefix.
   */
  private readonly engineKeysDevices: boolean;

  constructor(
    private readonly mode: Mode,
    resolver: Resolver,
    private readonly devices: DeviceNumbers,
  ) {
    this.outcome = new ReceiptOutcome(resolver);
    this.engineKeysDevices = modeRules(mode).readsDeviceAndUserIds;
  }

  /** Reads `record`, whose receipt sits at `at` in `receipts`. */
  read(
    record: EventRecord,
    index: number,
    line: number | undefined,
    receipts: IngestReceipts,
    at: number,
  ): void {
    this.record = record;
    this.receipts = receipts;
    this.at = at;
    this.index = index;
    this.line = line;
    this.outcome.read(receipts, at);
    this.derivedKey = receipts.derivedIdAt(at);
    fillEventFacts(this.facts, record.event, UNNUMBERED);
    readPartiesInto(this.parties, this.facts, this.mode);
    this.device = UNREAD;
    this.sentDevice = UNREAD;
  }

  /** Whether the event was refused at ingestion (its `outcome.failure` is defined). */
  get refused(): boolean {
    return this.outcome.refused;
  }

  /** Whether the event made a link or merge (its `outcome.link` is defined). */
  get linking(): boolean {
    return this.outcome.linking;
  }

  get ref(): EventRef {
    return eventRef(this.index, this.line);
  }

  get deviceNumber(): number {
    if (this.device === UNREAD) this.device = this.partyDeviceNumber();
    return this.device;
  }

  private partyDeviceNumber(): number {
    const device = this.parties.device;
    if (device === undefined) return NO_DEVICE;
    // The engine's key for this record is the party device's (S-1, S-3, S-4: `$device_id`, else a sent `$device:` id).
    const key = this.engineKeysDevices && !device.startsWith(DEVICE_PREFIX) ? this.deviceKey() : NO_ID;
    return key === NO_ID ? this.devices.numberOf(device) : this.devices.numberOfKey(key);
  }

  private deviceKey(): number {
    return this.receipts?.deviceKeyAt(this.at) ?? NO_ID;
  }

  get sentDeviceNumber(): number {
    if (this.sentDevice === UNREAD) {
      const sent = this.facts.deviceId;
      // Mostly the party device is the `$device_id` itself: one lookup serves both.
      this.sentDevice = sent === this.parties.device ? this.deviceNumber : this.numberOf(sent);
    }
    return this.sentDevice;
  }

  private numberOf(device: string | undefined): number {
    return device === undefined ? NO_DEVICE : this.devices.numberOf(device);
  }
}
