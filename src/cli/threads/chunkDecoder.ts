// The engine thread's side of a batch (the format: eventChunk.ts).
import type { Channel, StreamRecord } from '../../engine/index.ts';
import { IDENTITY_KEYS, type IdentityKey } from '../../io/scan/index.ts';
import type { SpliceColumns } from '../splice.ts';
import {
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
