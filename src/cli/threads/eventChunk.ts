// How the scanning worker hands events to the engine's thread (issue #14): a batch of scanned lines as columns in one
// ArrayBuffer (moved, not copied, and given back once ingested, so none is allocated per batch) and one string
// holding every string value of the batch end to end. Structured-cloning a million small objects costs as much as
// building them, so no object crosses per event; the engine's thread rebuilds each event from the columns, into one
// reused record. Ids are not numbered in the worker, the busier thread: an event read from bytes sends its string
// values as spans of the file's bytes, which move along with the batch, and the engine's thread numbers them by
// their bytes (ByteIds), so the engine meets one string per distinct id.
import type { Channel, StreamRecord } from '../../engine/index.ts';
import { IDENTITY_KEYS, type IdentityKey } from '../../io/scan/index.ts';
import { ByteChannel, mayBeBlockedId, type EventBytes } from '../../io/scan/eventBytes.ts';
import { ByteIds } from '../../io/scan/byteIds.ts';
import type { ScannedItem } from '../readers.ts';
import type { SpliceColumns, SpliceSlice } from '../splice.ts';
import { readIdentity, writeIdentity } from './identitySlots.ts';

/** Per item: what it is. */
const EVENT = 0;
const EVENT_TRACK = 1;
const EVENT_IMPORT = 2;
const PROFILE = 3;

/** Per identity value: where its value is. */
const STRING = 0;
const NUMBER = 1;
const OTHER_JSON = 2;
/** The same string as this key's last string value (events of one session repeat their ids): nothing crosses. */
const SAME_STRING = 3;
/** An id read from bytes seen before: its number (the worker numbers ids by their bytes, ByteIds). */
const ID = 4;
/**
 * An id read from bytes seen for the first time: its span in the chunk's file bytes (EventChunk.bytes), from which the
 * engine's thread makes its one string; its number is the next one.
 */
const NEW_ID = 6;
/**
 * A string read from bytes that is not numbered (an `$insert_id`: nearly every event has its own, so numbering them
 * would only fill the id table): its span in the chunk's file bytes, decoded where it is used.
 */
const RAW = 5;
/** The identity key whose values are sent as RAW. */
const INSERT_ID = IDENTITY_KEYS.indexOf('$insert_id');
/** Int32s per span: start, end. */
const SPAN = 2;

/** One batch of items, column by column (see {@link columnsOf}); `names` extends the receiver's event names. */
export interface EventChunk {
  /** Items, identity values present, numeric values, string values. */
  readonly counts: {
    readonly items: number;
    readonly values: number;
    readonly numbers: number;
    readonly strings: number;
    /** Values read from bytes (NEW_ID or RAW), as spans of `bytes`. */
    readonly spans: number;
  };
  readonly buffer: ArrayBuffer;
  /** The string values, end to end (the `ends` column says where each ends). */
  readonly text: string;
  /** Values that are neither strings nor numbers (null, booleans, arrays, objects: rare), as JSON. */
  readonly json: string[];
  /** Event names new to the receiver, in number order (few names: each crosses once for the stream). */
  readonly names: string[];
  /**
   * The file's bytes the batch's items were read from (moved, given back once ingested), holding its ID and RAW
   * values; undefined when no item was read from bytes.
   */
  readonly bytes: ArrayBuffer | undefined;
  readonly byteCount: number;
  /** The profile updates (rare) as whole records, in item order. */
  readonly profiles: StreamRecord[];
  /** The items' splice columns (their views are in the buffer), so either thread can copy their lines. */
  readonly skipped: number[];
  readonly lastLine: number;
}

/** The columns of a chunk, as views of its buffer. */
interface Columns {
  readonly numbers: Float64Array;
  /** Per value: the number of its string, number or JSON text. */
  readonly refs: Int32Array;
  /** Per string value: where it ends in the chunk's text. */
  readonly ends: Int32Array;
  /** Per NEW_ID or RAW value: its start and end in the chunk's bytes. */
  readonly spans: Int32Array;
  /** Per item: the number of its event name. */
  readonly nameNumbers: Int32Array;
  /** Per item: which identity keys it has (bit i: IDENTITY_KEYS[i]). */
  readonly presence: Uint16Array;
  /** Per value: STRING, NUMBER, OTHER_JSON, SAME_STRING or ID. */
  readonly tags: Uint8Array;
  readonly kinds: Uint8Array;
  /** Per item: its splice columns (splice.ts). */
  readonly spanStarts: Int32Array;
  readonly spanEnds: Int32Array;
  readonly closes: Int32Array;
  readonly spliceFlags: Uint8Array;
}

/** Bytes a chunk of these counts needs (columns laid out widest first, so each is aligned). */
function byteLength(counts: EventChunk['counts']): number {
  const { items, values, numbers, strings, spans } = counts;
  return numbers * 8 + (values + strings + spans * SPAN + items * 4) * 4 + items * 2 + values + items * 2;
}

function columnsOf(buffer: ArrayBuffer, counts: EventChunk['counts']): Columns {
  const { items, values, numbers, strings, spans } = counts;
  let at = 0;
  const take = <T>(make: (offset: number) => T, bytes: number): T => {
    const view = make(at);
    at += bytes;
    return view;
  };
  return {
    numbers: take((o) => new Float64Array(buffer, o, numbers), numbers * 8),
    refs: take((o) => new Int32Array(buffer, o, values), values * 4),
    ends: take((o) => new Int32Array(buffer, o, strings), strings * 4),
    spans: take((o) => new Int32Array(buffer, o, spans * SPAN), spans * SPAN * 4),
    nameNumbers: take((o) => new Int32Array(buffer, o, items), items * 4),
    spanStarts: take((o) => new Int32Array(buffer, o, items), items * 4),
    spanEnds: take((o) => new Int32Array(buffer, o, items), items * 4),
    closes: take((o) => new Int32Array(buffer, o, items), items * 4),
    presence: take((o) => new Uint16Array(buffer, o, items), items * 2),
    tags: take((o) => new Uint8Array(buffer, o, values), values),
    kinds: take((o) => new Uint8Array(buffer, o, items), items),
    spliceFlags: take((o) => new Uint8Array(buffer, o, items), items),
  };
}

/**
 * The worker's side: items are added one by one into scratch columns (reused), then `finish` packs them into a
 * buffer from `spare` (the ones the engine's thread gave back) or a new one when none is big enough. An item comes
 * either from the text path (a ScannedItem) or straight from its bytes (EventBytes), whose ids are numbered by their
 * bytes (no string made here); a new id and an `$insert_id` cross as a span of the file's bytes, which go along
 * (moved), and the engine's thread makes their strings.
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
  /** Ids read from bytes, numbered in the order first seen (the decoder numbers them alike). */
  private readonly ids = new ByteIds();

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
        const known = this.ids.size;
        const number = key === INSERT_ID ? known : this.ids.id(bytes, start, end, event.hashes[key]!);
        if (key !== INSERT_ID && number < known) {
          tags[values] = ID;
          refs[values] = number;
        } else {
          tags[values] = key === INSERT_ID ? RAW : NEW_ID;
          const span = this.spanCount++;
          refs[values] = span;
          spans[span * SPAN] = start;
          spans[span * SPAN + 1] = end;
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

type Properties = { [K in IdentityKey]: unknown };

/**
 * The engine thread's side: rebuilds each item as a stream record. Events are written into one reused record
 * (every identity key present, undefined when the line had none: the engine reads them as absent) and handed to
 * `visit`, which must be done with it before it returns: the engine reads an event's facts while ingesting it and
 * keeps none of the object.
 */
export class ChunkDecoder {
  private readonly names: string[] = [];
  /** Every id read from bytes so far, by its number. */
  private readonly ids: string[] = [];
  private readonly properties = emptyProperties();
  private readonly event: { event: string; properties: Properties; channel: Channel | undefined } = {
    event: '',
    properties: this.properties,
    channel: undefined,
  };
  private readonly record = { kind: 'event', event: this.event } as StreamRecord;
  /** Per identity key: its last string value (the engine then meets the very same string, its fastest case). */
  private readonly last: string[] = IDENTITY_KEYS.map(() => '');
  /** The current event's identity values, in IDENTITY_KEYS order. */
  private readonly slots: unknown[] = IDENTITY_KEYS.map(() => undefined);

  /** Hands each item to `visit` and appends the items' splice columns to `splice` (when this thread copies). */
  decode(chunk: EventChunk, visit: (record: StreamRecord) => void, splice: SpliceColumns | undefined): void {
    for (const name of chunk.names) this.names.push(name);
    const columns = columnsOf(chunk.buffer, chunk.counts);
    const { kinds, nameNumbers, presence, tags, refs, numbers, ends } = columns;
    splice?.append({
      spanStarts: columns.spanStarts,
      spanEnds: columns.spanEnds,
      closes: columns.closes,
      flags: columns.spliceFlags,
      skipped: chunk.skipped,
      lastLine: chunk.lastLine,
    });
    const { text, json, profiles } = chunk;
    const names = this.names;
    const { ids } = this;
    const { spans } = columns;
    const bytes = chunk.bytes === undefined ? NO_BYTES : Buffer.from(chunk.bytes, 0, chunk.byteCount);
    const properties = this.properties;
    const last = this.last;
    const slots = this.slots;
    let value = 0;
    let profile = 0;
    for (let at = 0; at < chunk.counts.items; at++) {
      const kind = kinds[at]!;
      if (kind === PROFILE) {
        visit(profiles[profile++]!);
        continue;
      }
      this.event.event = names[nameNumbers[at]!]!;
      this.event.channel = kind === EVENT ? undefined : kind === EVENT_TRACK ? 'track' : 'import';
      const bits = presence[at]!;
      for (let key = 0; key < IDENTITY_KEYS.length; key++) {
        if ((bits & (1 << key)) === 0) {
          slots[key] = undefined;
          continue;
        }
        const ref = refs[value]!;
        switch (tags[value++]) {
          case ID:
            slots[key] = ids[ref];
            break;
          case NEW_ID: {
            // ASCII (scanEventBytes reads no other byte): Latin-1 is its UTF-8
            const id = bytes.toString('latin1', spans[ref * SPAN], spans[ref * SPAN + 1]);
            ids.push(id);
            slots[key] = id;
            break;
          }
          case RAW: // ASCII (scanEventBytes reads no other byte): Latin-1 is its UTF-8
            slots[key] = bytes.toString('latin1', spans[ref * SPAN], spans[ref * SPAN + 1]);
            break;
          case SAME_STRING:
            slots[key] = last[key];
            break;
          case STRING:
            slots[key] = last[key] = text.slice(ref === 0 ? 0 : ends[ref - 1], ends[ref]);
            break;
          case NUMBER:
            slots[key] = numbers[ref];
            break;
          default:
            slots[key] = JSON.parse(json[ref]!) as unknown;
        }
      }
      writeIdentity(properties, slots);
      visit(this.record);
    }
  }
}

const NO_BYTES = Buffer.alloc(0);

function emptyProperties(): Properties {
  const properties = {} as Properties;
  for (const key of IDENTITY_KEYS) properties[key] = undefined;
  return properties;
}
