// The engine thread's side of a batch (the format: eventChunk.ts).
import { NOT_NUMBERED, type Channel, type NumberedEvent, type StreamRecord } from '../../engine/index.ts';
import { ByteIds } from '../../io/scan/byteIds.ts';
import { IDENTITY_KEYS, type IdentityKey } from '../../io/scan/index.ts';
import type { SpliceColumns } from '../splice.ts';
import {
  BYTE_ID,
  columnsOf,
  EVENT,
  EVENT_TRACK,
  ID,
  NEW_ID,
  NUMBER,
  PROFILE,
  RAW,
  SAME_STRING,
  SPAN,
  STRING,
  type EventChunk,
} from './eventChunk.ts';
import { writeIdentity } from './identitySlots.ts';

type Properties = { [K in IdentityKey]: unknown };

/** Where decoded items go: the engine's two ways in. */
export interface DecodedItems {
  /** A profile update (rare), as a whole record. */
  record(record: StreamRecord): void;
  /** An event, with the worker's numbers of its ids (Resolver.ingestNumbered); valid until the next call. */
  event(event: NumberedEvent): void;
}

/**
 * The engine thread's side: rebuilds each item. Events are written into one reused event (every identity key
 * present, undefined when the line had none: the engine reads them as absent) carrying the numbers of its ids read
 * from bytes (ByteIds, the worker's or this thread's: 0, 1, 2… in the order first seen, one number per text,
 * whatever the key), and handed over to be done with before the next: the engine reads an event's facts while
 * ingesting it and keeps none of the object.
 */
export class ChunkDecoder {
  private readonly names: string[] = [];
  /** Every id read from bytes so far, by its number. */
  private readonly ids: string[] = [];
  /** Ids read from bytes, numbered here by their bytes when the worker does not (BYTE_ID), as `ids` is indexed. */
  private readonly byteIds = new ByteIds();
  private readonly properties = emptyProperties();
  private readonly event: {
    event: string;
    properties: Properties;
    channel: Channel | undefined;
    distinctIdNumber: number;
    deviceIdNumber: number;
    userIdNumber: number;
  } = {
    event: '',
    properties: this.properties,
    channel: undefined,
    distinctIdNumber: NOT_NUMBERED,
    deviceIdNumber: NOT_NUMBERED,
    userIdNumber: NOT_NUMBERED,
  };
  /** Per identity key: its last string value (the engine then meets the very same string, its fastest case). */
  private readonly last: string[] = IDENTITY_KEYS.map(() => '');
  /** The current event's identity values, in IDENTITY_KEYS order. */
  private readonly slots: unknown[] = IDENTITY_KEYS.map(() => undefined);
  /** The current event's ids' numbers (ByteIds'), in IDENTITY_KEYS order; NOT_NUMBERED when it came as text. */
  private readonly numbers = new Int32Array(IDENTITY_KEYS.length);

  /** Hands each item to `to` and appends the items' splice columns to `splice` (when this thread copies). */
  decode(chunk: EventChunk, to: DecodedItems, splice: SpliceColumns | undefined): void {
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
    const { ids, byteIds } = this;
    const { spans } = columns;
    const bytes = chunk.bytes === undefined ? NO_BYTES : Buffer.from(chunk.bytes, 0, chunk.byteCount);
    const properties = this.properties;
    const last = this.last;
    const slots = this.slots;
    const idNumbers = this.numbers;
    const event = this.event;
    let value = 0;
    let profile = 0;
    for (let at = 0; at < chunk.counts.items; at++) {
      const kind = kinds[at]!;
      if (kind === PROFILE) {
        to.record(profiles[profile++]!);
        continue;
      }
      event.event = names[nameNumbers[at]!]!;
      event.channel = kind === EVENT ? undefined : kind === EVENT_TRACK ? 'track' : 'import';
      const bits = presence[at]!;
      for (let key = 0; key < IDENTITY_KEYS.length; key++) {
        idNumbers[key] = NOT_NUMBERED;
        if ((bits & (1 << key)) === 0) {
          slots[key] = undefined;
          continue;
        }
        const ref = refs[value]!;
        switch (tags[value++]) {
          case ID:
            slots[key] = ids[ref];
            idNumbers[key] = ref;
            break;
          case NEW_ID: {
            // ASCII (scanEventBytes reads no other byte): Latin-1 is its UTF-8
            const id = bytes.toString('latin1', spans[ref * SPAN], spans[ref * SPAN + 1]);
            idNumbers[key] = ids.push(id) - 1;
            slots[key] = id;
            break;
          }
          case BYTE_ID: {
            const start = spans[ref * SPAN]!;
            const end = spans[ref * SPAN + 1]!;
            const number = byteIds.id(bytes, start, end, spans[ref * SPAN + 2]!);
            // A number not met before is the next one: its string is made once, ASCII (scanEventBytes reads no
            // other byte), so Latin-1 is its UTF-8.
            if (number === ids.length) ids.push(bytes.toString('latin1', start, end));
            slots[key] = ids[number];
            idNumbers[key] = number;
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
      event.distinctIdNumber = idNumbers[DISTINCT_ID]!;
      event.deviceIdNumber = idNumbers[DEVICE_ID]!;
      event.userIdNumber = idNumbers[USER_ID]!;
      to.event(event);
    }
  }
}

const NO_BYTES = Buffer.alloc(0);
const DISTINCT_ID = IDENTITY_KEYS.indexOf('distinct_id');
const DEVICE_ID = IDENTITY_KEYS.indexOf('$device_id');
const USER_ID = IDENTITY_KEYS.indexOf('$user_id');

function emptyProperties(): Properties {
  const properties = {} as Properties;
  for (const key of IDENTITY_KEYS) properties[key] = undefined;
  return properties;
}
