// Per-record facts stored column by column (integers into the IdTable), so a million records cost a few arrays.
import { NO_ID } from './idTable.ts';
import type { Derivation } from './kernel.ts';
import type { RecordOrigin } from './types.ts';

/** What kind of record sits at an index. */
export type RecordKind = 'event' | 'rejected' | 'non-attributable' | 'profile';

/** One record's facts with ids as IdTable integers (NO_ID for none). */
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
const IDENTITY_BIT = 0x80;

export class RecordColumns {
  private codes = new Uint8Array(1024);
  private derivations = new Uint8Array(1024);
  private derivedIds = new Int32Array(1024);
  private deviceKeys = new Int32Array(1024);
  private frozenIds = new Int32Array(1024);
  /** The new device's ordinal (1 for the stream's first device key), 0 when the record mentioned no new device. */
  private newDeviceOrdinals = new Int32Array(1024);
  private readonly names: string[] = [];
  /** Sparse columns: few records have these. */
  private readonly rejectedValues = new Map<number, string>();
  private readonly origins = new Map<number, RecordOrigin>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(record: RecordFacts): void {
    const index = this.count++;
    if (index === this.codes.length) this.grow();
    this.codes[index] = KIND_CODE[record.kind] | (record.isIdentityEvent ? IDENTITY_BIT : 0);
    this.derivations[index] = DERIVATION_CODE[record.derivation];
    this.derivedIds[index] = record.derivedId;
    this.deviceKeys[index] = record.deviceKey;
    this.frozenIds[index] = record.frozenId;
    this.names.push(record.name);
    if (record.rejectedValue !== undefined) this.rejectedValues.set(index, record.rejectedValue);
    this.newDeviceOrdinals[index] = record.newDevice?.ordinal ?? 0;
    if (record.origin !== undefined) this.origins.set(index, record.origin);
  }

  private grow(): void {
    const length = this.codes.length * 2;
    this.codes = grown(this.codes, new Uint8Array(length));
    this.derivations = grown(this.derivations, new Uint8Array(length));
    this.derivedIds = grown(this.derivedIds, new Int32Array(length));
    this.deviceKeys = grown(this.deviceKeys, new Int32Array(length));
    this.frozenIds = grown(this.frozenIds, new Int32Array(length));
    this.newDeviceOrdinals = grown(this.newDeviceOrdinals, new Int32Array(length));
  }

  /** The derived id of the record at `index`: the hot path of bulk resolution, with no object built. */
  derivedId(index: number): number {
    return index < this.count ? (this.derivedIds[index] ?? NO_ID) : NO_ID;
  }

  /** A new device is always the record's own device key: its `$device_id`, or its distinct_id when that is one. */
  private newDeviceOf(index: number): RecordFacts['newDevice'] {
    const ordinal = this.newDeviceOrdinals[index] ?? 0;
    if (ordinal === 0) return undefined;
    const deviceKey = this.deviceKeys[index] ?? NO_ID;
    return { key: deviceKey === NO_ID ? (this.derivedIds[index] ?? NO_ID) : deviceKey, ordinal };
  }

  get(index: number): RecordFacts | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const code = this.codes[index] ?? 0;
    return {
      kind: KINDS[code & ~IDENTITY_BIT] ?? 'event',
      name: this.names[index] ?? '',
      isIdentityEvent: (code & IDENTITY_BIT) !== 0,
      derivedId: this.derivedIds[index] ?? NO_ID,
      derivation: DERIVATIONS[this.derivations[index] ?? 0] ?? 'none',
      deviceKey: this.deviceKeys[index] ?? NO_ID,
      frozenId: this.frozenIds[index] ?? NO_ID,
      rejectedValue: this.rejectedValues.get(index),
      newDevice: this.newDeviceOf(index),
      origin: this.origins.get(index),
    };
  }
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
