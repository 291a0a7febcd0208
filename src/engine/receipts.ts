// Receipts: what ingestion did to each record, column by column (ids as IdTable numbers), so a million records cost
// a few typed arrays and no objects. The ledger keeps one for every record it retains; a caller may pass its own.
import { NO_ID } from './idTable.ts';
import type { Derivation } from './kernel.ts';
import type { RecordOrigin } from './types.ts';

/** What kind of record sits at an index. */
export type RecordKind = 'event' | 'rejected' | 'non-attributable' | 'profile';

/** `linkAt` when the record made no link (else the link's number: `Resolution.link(n)`). */
export const NO_LINK = -1;
/** `resolvedNumber` of a rejected event (LIM-1): it resolves to no one (distinct_id null). */
export const REJECTED_ID = -2;
/** `resolvedNumbers()` of a record that is a profile update, not an event. */
export const NOT_AN_EVENT = -3;

/** One record's facts with ids as IdTable integers (NO_ID for none): engine-internal, built only on demand. */
export interface RecordFacts {
  readonly kind: RecordKind;
  readonly name: string;
  readonly isIdentityEvent: boolean;
  readonly derivedId: number;
  readonly derivation: Derivation;
  /** Simplified: the `$device:` key the event carried. */
  readonly deviceKey: number;
  /** Legacy events: the id frozen at ingestion (L-3). Profile updates: the profile they landed on. */
  readonly frozenId: number;
  /** The placeholder value that got the event rejected (LIM-1). */
  readonly rejectedValue: string | undefined;
  /** The device key this record was the first to mention, with how many device keys the stream had shown by then. */
  readonly newDevice: { readonly key: number; readonly ordinal: number } | undefined;
  readonly origin: RecordOrigin | undefined;
}

/** RecordFacts a reader fills again and again (receipts.factsAt's `into`). @internal */
export type MutableRecordFacts = { -readonly [K in keyof RecordFacts]: RecordFacts[K] };

/** Empty facts to fill. @internal */
export function newRecordFacts(): MutableRecordFacts {
  return {
    kind: 'event',
    name: '',
    isIdentityEvent: false,
    derivedId: NO_ID,
    derivation: 'none',
    deviceKey: NO_ID,
    frozenId: NO_ID,
    rejectedValue: undefined,
    newDevice: undefined,
    origin: undefined,
  };
}

const KINDS: readonly RecordKind[] = ['event', 'rejected', 'non-attributable', 'profile'];
const DERIVATIONS: readonly Derivation[] = [
  'user-id',
  'device-id',
  'distinct-id-device',
  'distinct-id-user',
  'distinct-id',
  'identified-id',
  'merge-first-id',
  'none',
];
const KIND_CODE = Object.fromEntries(KINDS.map((kind, code) => [kind, code])) as Record<RecordKind, number>;
const DERIVATION_CODE = Object.fromEntries(DERIVATIONS.map((d, code) => [d, code])) as Record<
  Derivation,
  number
>;
const KIND_BITS = 0x0f;
const FAILED_BIT = 0x40;
const IDENTITY_BIT = 0x80;
const INITIAL_CAPACITY = 1024;

/**
 * Receipts of ingestion, one per record, stored column by column: for each, its record index, its kind, the id
 * derived from what was sent (as a number: `Resolution.idText(n)` gives its text), the link it made
 * (`Resolution.link(n)`) and whether it met a failure (`Resolution.failureAt(index)`).
 *
 * Pass one to `Resolver.ingest(record, receipts)` and read it after: nothing is allocated per record. A one-pass
 * reader fills a receipts buffer for a batch, reads it, then calls `clear()` and reuses it. With a final view,
 * `view.resolvedNumber(receipts, at)` gives the number of the id a receipt's event resolves to, and
 * `view.outputOf(receipts, at)` everything an exported event carries.
 *
 * `at` is a receipt's position in this buffer (0 … count-1); `indexAt(at)` is its record's index in the stream.
 *
 * @example A one-pass reader (Legacy freezes ids at ingestion, L-3, so the live final view is already right):
 * ```ts
 * const resolver = new Resolver('legacy', options, { retainRecords: false });
 * const view = resolver.result().final();
 * const receipts = new IngestReceipts();
 * for (const batch of batches) {
 *   receipts.clear();
 *   for (const record of batch) resolver.ingest(record, receipts);
 *   for (let at = 0; at < receipts.count; at++) {
 *     const derived = receipts.derivedIdAt(at); // number; resolver.idText(derived) is its text
 *     const resolved = view.resolvedNumber(receipts, at); // REJECTED_ID, NO_ID or an id number
 *     const link = receipts.linkAt(at); // NO_LINK or resolver.link(link)
 *   }
 * }
 * ```
 * On Simplified and Original an event's resolved id can change after it is ingested (S-12, O-5): ingest the whole
 * stream first, then read it again with `resolver.reread(record, index, receipts)` and ask the final view.
 */
export class IngestReceipts {
  private indexes = new Int32Array(INITIAL_CAPACITY);
  private codes = new Uint8Array(INITIAL_CAPACITY);
  private derivations = new Uint8Array(INITIAL_CAPACITY);
  private derivedIds = new Int32Array(INITIAL_CAPACITY);
  private deviceKeys = new Int32Array(INITIAL_CAPACITY);
  private frozenIds = new Int32Array(INITIAL_CAPACITY);
  private links = new Int32Array(INITIAL_CAPACITY);
  /** The new device's ordinal (1 for the stream's first device key), 0 when the record mentioned no new device. */
  private newDeviceOrdinals = new Int32Array(INITIAL_CAPACITY);
  private readonly names: string[] = [];
  /** Sparse columns: few records have these. */
  private readonly rejectedValues = new Map<number, string>();
  private readonly origins = new Map<number, RecordOrigin>();
  private filled = 0;

  /** Number of receipts held. */
  get count(): number {
    return this.filled;
  }

  /** Forgets every receipt, keeping the buffers: for a reader that reads a batch and moves on. */
  clear(): void {
    this.filled = 0;
    this.names.length = 0;
    this.rejectedValues.clear();
    this.origins.clear();
  }

  /** Appends one receipt. Engine-internal: the ledger writes receipts, callers read them. @internal */
  push(index: number, record: RecordFacts, link: number, failed: boolean): void {
    const at = this.filled++;
    if (at === this.codes.length) this.grow();
    this.indexes[at] = index;
    this.codes[at] =
      KIND_CODE[record.kind] | (record.isIdentityEvent ? IDENTITY_BIT : 0) | (failed ? FAILED_BIT : 0);
    this.derivations[at] = DERIVATION_CODE[record.derivation];
    this.derivedIds[at] = record.derivedId;
    this.deviceKeys[at] = record.deviceKey;
    this.frozenIds[at] = record.frozenId;
    this.links[at] = link;
    this.names.push(record.name);
    if (record.rejectedValue !== undefined) this.rejectedValues.set(at, record.rejectedValue);
    this.newDeviceOrdinals[at] = record.newDevice?.ordinal ?? 0;
    if (record.origin !== undefined) this.origins.set(at, record.origin);
  }

  private grow(): void {
    const length = this.codes.length * 2;
    this.indexes = grown(this.indexes, new Int32Array(length));
    this.codes = grown(this.codes, new Uint8Array(length));
    this.derivations = grown(this.derivations, new Uint8Array(length));
    this.derivedIds = grown(this.derivedIds, new Int32Array(length));
    this.deviceKeys = grown(this.deviceKeys, new Int32Array(length));
    this.frozenIds = grown(this.frozenIds, new Int32Array(length));
    this.links = grown(this.links, new Int32Array(length));
    this.newDeviceOrdinals = grown(this.newDeviceOrdinals, new Int32Array(length));
  }

  /** The stream index of the record whose receipt sits at `at`. */
  indexAt(at: number): number {
    return this.indexes[at] ?? NO_ID;
  }

  /** What the record was: an attributed event, a rejected one (LIM-1), one with no identity (LIM-2), a profile update. */
  kindAt(at: number): RecordKind {
    return KINDS[(this.codes[at] ?? 0) & KIND_BITS] ?? 'event';
  }

  /** Whether the record is `$identify`, `$create_alias` or `$merge`. */
  isIdentityEventAt(at: number): boolean {
    return ((this.codes[at] ?? 0) & IDENTITY_BIT) !== 0;
  }

  /**
   * Whether the identity event was refused at ingestion (Original, Legacy: `Resolution.failureAt(index)` says why).
   * Simplified's S-9 refusals are judged at query time (a Q-1 link can still change), so they are not flagged here.
   */
  failedAt(at: number): boolean {
    return ((this.codes[at] ?? 0) & FAILED_BIT) !== 0;
  }

  /** The number of the id derived from what was sent (S-2/S-3; distinct_id on Original and Legacy), or NO_ID. */
  derivedIdAt(at: number): number {
    return at < this.filled ? (this.derivedIds[at] ?? NO_ID) : NO_ID;
  }

  /** How the derived id was read from the payload. */
  derivationAt(at: number): Derivation {
    return DERIVATIONS[this.derivations[at] ?? 0] ?? 'none';
  }

  /** Simplified: the number of the `$device:` key the event carried, or NO_ID. */
  deviceKeyAt(at: number): number {
    return this.deviceKeys[at] ?? NO_ID;
  }

  /** The number of the link or merge the record made when ingested (`Resolution.link(n)`), or NO_LINK. */
  linkAt(at: number): number {
    return this.links[at] ?? NO_LINK;
  }

  /** The event name (`$profile` for a profile update). */
  nameAt(at: number): string {
    return this.names[at] ?? '';
  }

  /** The placeholder value that got the event rejected (LIM-1), if it was. */
  rejectedValueAt(at: number): string | undefined {
    return this.rejectedValues.get(at);
  }

  /**
   * The receipt as one object of facts: a new one, or `into` filled (a caller asking per record reuses one).
   * Engine-internal: queries build it only when asked. @internal
   */
  factsAt(at: number, into?: MutableRecordFacts): RecordFacts | undefined {
    if (at < 0 || at >= this.filled) return undefined;
    const facts = into ?? newRecordFacts();
    const code = this.codes[at] ?? 0;
    facts.kind = this.kindAt(at);
    facts.name = this.nameAt(at);
    facts.isIdentityEvent = (code & IDENTITY_BIT) !== 0;
    facts.derivedId = this.derivedIds[at] ?? NO_ID;
    facts.derivation = this.derivationAt(at);
    facts.deviceKey = this.deviceKeys[at] ?? NO_ID;
    facts.frozenId = this.frozenIds[at] ?? NO_ID;
    facts.rejectedValue = this.rejectedValues.get(at);
    facts.newDevice = this.newDeviceOf(at);
    facts.origin = this.origins.get(at);
    return facts;
  }

  /** The id a receipt is held under regardless of later links (Legacy L-3, a profile's key), or NO_ID. @internal */
  frozenIdAt(at: number): number {
    return this.frozenIds[at] ?? NO_ID;
  }

  /** A new device is always the record's own device key: its `$device_id`, or its distinct_id when that is one. */
  private newDeviceOf(at: number): RecordFacts['newDevice'] {
    const ordinal = this.newDeviceOrdinals[at] ?? 0;
    if (ordinal === 0) return undefined;
    const deviceKey = this.deviceKeys[at] ?? NO_ID;
    return { key: deviceKey === NO_ID ? (this.derivedIds[at] ?? NO_ID) : deviceKey, ordinal };
  }
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
