// The scanning worker's side of a batch (the format: eventChunk.ts).
import type { StreamRecord } from '../../engine/index.ts';
import { IDENTITY_KEYS } from '../../io/scan/index.ts';
import { ByteChannel, mayBeBlockedId, type EventBytes } from '../../io/scan/eventBytes.ts';
import { ByteIds } from '../../io/scan/byteIds.ts';
import type { ScannedItem } from '../readers.ts';
import type { SpliceSlice } from '../splice.ts';
import {
  byteLength,
  columnsOf,
  EVENT,
  EVENT_IMPORT,
  EVENT_TRACK,
  BYTE_ID,
  ID,
  INSERT_ID,
  NEW_ID,
  NUMBER,
  OTHER_JSON,
  PROFILE,
  RAW,
  SAME_STRING,
  SPAN,
  STRING,
  type EventChunk,
} from './eventChunk.ts';
import { readIdentity } from './identitySlots.ts';

/**
 * The worker's side: items are added one by one into scratch columns (reused), then `finish` packs them into a
 * buffer from `spare` (the ones the engine's thread gave back) or a new one when none is big enough. An item comes
 * either from the text path (a ScannedItem) or straight from its bytes (EventBytes), whose ids are numbered by their
 * bytes, here or on the engine's thread (`numbersIds`); no string is made here: a new id (or every id, when the
 * engine's thread numbers them) and an `$insert_id` cross as a span of the file's bytes, which go along (moved), and
 * the engine's thread makes their strings.
 */
export class ChunkEncoder {
  private readonly known = new Map<string, number>();
  private lastName = '';
  private lastNumber = -1;
  private scratch = new Scratch(1 << 16);
  /** Per identity key: its last string value sent by the text path, as the decoder also keeps it. */
  private readonly last: Array<string | undefined> = IDENTITY_KEYS.map(() => '');
  /** Buffers given back, to be filled again. */
  readonly spare: ArrayBuffer[] = [];
  /** The current event's identity values, in IDENTITY_KEYS order. */
  private readonly slots: unknown[] = IDENTITY_KEYS.map(() => undefined);
  /** Event names read from bytes, numbered by the same table as the text path's names. */
  private readonly byteNames = new ByteIds((name) => this.nameNumber(name));
  // The batch being built.
  private count = 0;
  private values = 0;
  private numberCount = 0;
  private length = 0;
  private names: string[] = [];
  private strings: string[] = [];
  private json: string[] = [];
  private profiles: StreamRecord[] = [];
  private spanCount = 0;
  /** Ids read from bytes, numbered in the order first seen (the decoder numbers them alike), when numbered here. */
  private readonly ids: ByteIds | undefined;
  /** The number `idTag` found for an id seen before (ID). */
  private idNumber = 0;

  /** `numbersIds`: whether this thread numbers the ids read from bytes (protocol.ts workerNumbersIds). */
  constructor(numbersIds: boolean) {
    this.ids = numbersIds ? new ByteIds() : undefined;
  }

  /** Room for one more item with all its values. */
  private room(): Scratch {
    const scratch = this.scratch;
    if (this.count < scratch.capacity && this.values + IDENTITY_KEYS.length <= scratch.capacity)
      return scratch;
    return (this.scratch = scratch.grown());
  }

  /** Adds an item of the text path. */
  add({ record }: ScannedItem): void {
    const { kinds, nameNumbers, presence, tags, refs, numbers, ends } = this.room();
    const at = this.count++;
    if (record.kind === 'profile') {
      kinds[at] = PROFILE;
      nameNumbers[at] = 0;
      presence[at] = 0;
      this.profiles.push(record);
      return;
    }
    const { event } = record;
    kinds[at] = event.channel === undefined ? EVENT : event.channel === 'track' ? EVENT_TRACK : EVENT_IMPORT;
    nameNumbers[at] = this.nameNumber(event.event);
    const { slots, last, strings } = this;
    readIdentity(event.properties, slots);
    let bits = 0;
    let values = this.values;
    for (let key = 0; key < IDENTITY_KEYS.length; key++) {
      const value = slots[key];
      if (value === undefined) continue;
      bits |= 1 << key;
      if (typeof value === 'string') {
        if (value === last[key]) {
          tags[values] = SAME_STRING;
        } else {
          tags[values] = STRING;
          refs[values] = strings.length;
          ends[strings.length] = this.length += value.length;
          strings.push(value);
          last[key] = value;
        }
      } else if (typeof value === 'number') {
        tags[values] = NUMBER;
        refs[values] = this.numberCount;
        numbers[this.numberCount++] = value;
      } else {
        // JSON gives back exactly the value the scanner decoded (it decodes as JSON.parse does).
        tags[values] = OTHER_JSON;
        refs[values] = this.json.push(JSON.stringify(value)) - 1;
      }
      values++;
    }
    this.values = values;
    presence[at] = bits;
  }

  /** Adds an event read from its bytes (`event`'s offsets index `bytes`). */
  addBytes(bytes: Uint8Array, event: EventBytes): void {
    const { kinds, nameNumbers, presence, tags, refs, numbers, spans } = this.room();
    const at = this.count++;
    kinds[at] =
      event.channel === ByteChannel.None
        ? EVENT
        : event.channel === ByteChannel.Track
          ? EVENT_TRACK
          : EVENT_IMPORT;
    nameNumbers[at] = this.byteNames.id(bytes, event.nameStart, event.nameEnd, event.nameHash);
    let present = event.present;
    let values = this.values;
    for (let key = 0; key < IDENTITY_KEYS.length; key++) {
      if ((present & (1 << key)) === 0) continue;
      if (event.isString(key)) {
        const start = event.valueStarts[key]! + 1;
        const end = event.valueEnds[key]! - 1;
        if (key === INSERT_ID && !mayBeBlockedId(bytes, start, end)) {
          present &= ~(1 << key); // the engine only checks it against LIM-1's list, which it cannot be on
          continue;
        }
        const hash = event.hashes[key]!;
        const tag = key === INSERT_ID ? RAW : this.idTag(bytes, start, end, hash);
        tags[values] = tag;
        if (tag === ID) refs[values] = this.idNumber;
        else {
          const span = this.spanCount++;
          refs[values] = span;
          spans[span * SPAN] = start;
          spans[span * SPAN + 1] = end;
          spans[span * SPAN + 2] = tag === BYTE_ID ? hash : 0;
        }
        this.last[key] = undefined; // the text path's next string for this key is sent whole
      } else {
        tags[values] = NUMBER;
        refs[values] = this.numberCount;
        numbers[this.numberCount++] = event.numbers[key]!;
      }
      values++;
    }
    this.values = values;
    presence[at] = present;
  }

  /** How an id read from bytes crosses: ID (its number, in `idNumber`), NEW_ID, or BYTE_ID when not numbered here. */
  private idTag(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const ids = this.ids;
    if (ids === undefined) return BYTE_ID;
    const known = ids.size;
    const number = ids.id(bytes, start, end, hash);
    if (number === known) return NEW_ID;
    this.idNumber = number;
    return ID;
  }

  /**
   * Packs the items added since the last `finish`; `splice`: the same items' splice columns; `bytes`: the file's
   * bytes the items read from bytes index (a buffer of its own, from offset 0, to be moved with the chunk).
   */
  finish(splice: SpliceSlice, bytes: Buffer | undefined): EventChunk {
    const { kinds, nameNumbers, presence, tags, refs, numbers, ends, spans } = this.scratch;
    const { count, values, numberCount, strings, spanCount } = this;
    const counts = { items: count, values, numbers: numberCount, strings: strings.length, spans: spanCount };
    const buffer = this.bufferFor(byteLength(counts));
    const packed = columnsOf(buffer, counts);
    packed.numbers.set(numbers.subarray(0, numberCount));
    packed.refs.set(refs.subarray(0, values));
    packed.ends.set(ends.subarray(0, strings.length));
    packed.spans.set(spans.subarray(0, spanCount * SPAN));
    packed.nameNumbers.set(nameNumbers.subarray(0, count));
    packed.presence.set(presence.subarray(0, count));
    packed.tags.set(tags.subarray(0, values));
    packed.kinds.set(kinds.subarray(0, count));
    packed.spanStarts.set(splice.spanStarts);
    packed.spanEnds.set(splice.spanEnds);
    packed.closes.set(splice.closes);
    packed.spliceFlags.set(splice.flags);
    const { skipped, lastLine } = splice;
    const chunk: EventChunk = {
      counts,
      buffer,
      text: strings.join(''),
      json: this.json,
      names: this.names,
      bytes: bytes?.buffer as ArrayBuffer | undefined,
      byteCount: bytes?.length ?? 0,
      profiles: this.profiles,
      skipped,
      lastLine,
    };
    this.count = this.values = this.numberCount = this.length = 0;
    this.spanCount = 0;
    this.names = [];
    this.strings = [];
    this.json = [];
    this.profiles = [];
    return chunk;
  }

  private bufferFor(bytes: number): ArrayBuffer {
    const spare = this.spare.pop();
    if (spare !== undefined && spare.byteLength >= bytes) return spare;
    // A little room, so a slightly bigger next batch still fits in it.
    return new ArrayBuffer(Math.ceil((bytes * 1.25) / 8) * 8);
  }

  /** The name's number; a new name is sent once. */
  private nameNumber(name: string): number {
    // Names come from the reader's own table (one string per name), so the same name is usually the same string.
    if (name === this.lastName) return this.lastNumber;
    let number = this.known.get(name);
    if (number === undefined) {
      number = this.known.size;
      this.known.set(name, number);
      this.names.push(name);
    }
    this.lastName = name;
    this.lastNumber = number;
    return number;
  }
}

/** Columns big enough for `capacity` values (and as many items). */
class Scratch {
  readonly kinds: Uint8Array;
  readonly nameNumbers: Int32Array;
  readonly presence: Uint16Array;
  readonly tags: Uint8Array;
  readonly refs: Int32Array;
  readonly numbers: Float64Array;
  readonly ends: Int32Array;
  readonly spans: Int32Array;

  constructor(readonly capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.nameNumbers = new Int32Array(capacity);
    this.presence = new Uint16Array(capacity);
    this.tags = new Uint8Array(capacity);
    this.refs = new Int32Array(capacity);
    this.numbers = new Float64Array(capacity);
    this.ends = new Int32Array(capacity);
    this.spans = new Int32Array(capacity * SPAN);
  }

  /** Twice the room, holding what this one holds. */
  grown(): Scratch {
    const bigger = new Scratch(this.capacity * 2);
    bigger.kinds.set(this.kinds);
    bigger.nameNumbers.set(this.nameNumbers);
    bigger.presence.set(this.presence);
    bigger.tags.set(this.tags);
    bigger.refs.set(this.refs);
    bigger.numbers.set(this.numbers);
    bigger.ends.set(this.ends);
    bigger.spans.set(this.spans);
    return bigger;
  }
}
