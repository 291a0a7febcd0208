// The one Observation a lint run reuses for every record: rewritten per record from the engine's receipt, with the
// parts few checks read (an EventRef, device numbers) built only when asked (issue #14: the linter ran beside every
// resolve pass and allocated several objects per record).
import {
  NO_ID,
  NO_LINK,
  readEventFacts,
  type Derivation,
  type EventFacts,
  type EventStatus,
  type Failure,
  type IngestReceipts,
  type Link,
  type Mode,
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
  facts: EventFacts = readEventFacts(NO_RECORD.event);
  readonly parties: { device: string | undefined; user: string | undefined } = {
    device: undefined,
    user: undefined,
  };
  derivedKey = NO_ID;
  private index = 0;
  private line: number | undefined = undefined;
  private device = UNREAD;
  private sentDevice = UNREAD;

  constructor(
    private readonly mode: Mode,
    resolver: Resolver,
    private readonly devices: DeviceNumbers,
  ) {
    this.outcome = new ReceiptOutcome(resolver);
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
    this.index = index;
    this.line = line;
    this.outcome.read(receipts, at);
    this.derivedKey = receipts.derivedIdAt(at);
    this.facts = readEventFacts(record.event);
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
    if (this.device === UNREAD) this.device = this.numberOf(this.parties.device);
    return this.device;
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
