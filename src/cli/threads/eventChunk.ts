// How the scanning worker hands events to the engine's thread (issue #14), the format both sides share: a batch of
// scanned lines as columns in one ArrayBuffer (moved, not copied, and given back once ingested, so none is allocated
// per batch) and one string holding the batch's text-path string values end to end. Structured-cloning a million
// small objects costs as much as building them, so no object crosses per event; the engine's thread rebuilds each
// event from the columns, into one reused record. The ids of an event read from bytes are numbered by their bytes
// (ByteIds), one string made per distinct id, on whichever thread has time to spare (protocol.ts workerNumbersIds):
// by the worker, which then sends a new id once as a span of the file's bytes (they move along with the batch) and
// after that as its number; or by the engine's thread, to which the worker sends every id as a span with the hash
// its scan computed. The worker's side is chunkEncoder.ts, the engine thread's chunkDecoder.ts.
import { IDENTITY_KEYS } from '../../io/scan/index.ts';
import type { StreamRecord } from '../../engine/index.ts';

/** Per item: what it is. */
export const EVENT = 0;
export const EVENT_TRACK = 1;
export const EVENT_IMPORT = 2;
export const PROFILE = 3;

/** Per identity value: where its value is. */
export const STRING = 0;
export const NUMBER = 1;
export const OTHER_JSON = 2;
/** The same string as this key's last string value (events of one session repeat their ids): nothing crosses. */
export const SAME_STRING = 3;
/** An id read from bytes seen before, numbered by the worker: its number (ByteIds). */
export const ID = 4;
/**
 * An id read from bytes seen for the first time, numbered by the worker: its span in the chunk's file bytes
 * (EventChunk.bytes), from which the engine's thread makes its one string; its number is the next one.
 */
export const NEW_ID = 6;
/**
 * An id read from bytes, for the engine's thread to number: its span in the chunk's file bytes and its hash, by which
 * that thread finds its number (ByteIds), making its one string the first time.
 */
export const BYTE_ID = 7;
/**
 * A string read from bytes that is not numbered (an `$insert_id`: nearly every event has its own, so numbering them
 * would only fill the id table): its span in the chunk's file bytes, decoded where it is used.
 */
export const RAW = 5;
/** The identity key whose values are sent as RAW. */
export const INSERT_ID = IDENTITY_KEYS.indexOf('$insert_id');
/** Int32s per span: start, end, and the bytes' hash (hashBytes) for a BYTE_ID, which is looked up by it (else 0). */
export const SPAN = 3;

/** One batch of items, column by column (see {@link columnsOf}); `names` extends the receiver's event names. */
export interface EventChunk {
  /** Items, identity values present, numeric values, string values. */
  readonly counts: {
    readonly items: number;
    readonly values: number;
    readonly numbers: number;
    readonly strings: number;
    /** Values read from bytes (NEW_ID, BYTE_ID or RAW), as spans of `bytes`. */
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
   * The file's bytes the batch's items were read from (moved, given back once ingested), holding its values read
   * from bytes; undefined when no item was read from bytes.
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
  /** Per NEW_ID, BYTE_ID or RAW value: its start, end and hash in the chunk's bytes (SPAN). */
  readonly spans: Int32Array;
  /** Per item: the number of its event name. */
  readonly nameNumbers: Int32Array;
  /** Per item: which identity keys it has (bit i: IDENTITY_KEYS[i]). */
  readonly presence: Uint16Array;
  /** Per value: STRING, NUMBER, OTHER_JSON, SAME_STRING, ID, NEW_ID, BYTE_ID or RAW. */
  readonly tags: Uint8Array;
  readonly kinds: Uint8Array;
  /** Per item: its splice columns (splice.ts). */
  readonly spanStarts: Int32Array;
  readonly spanEnds: Int32Array;
  readonly closes: Int32Array;
  readonly spliceFlags: Uint8Array;
}

/** Bytes a chunk of these counts needs (columns laid out widest first, so each is aligned). */
export function byteLength(counts: EventChunk['counts']): number {
  const { items, values, numbers, strings, spans } = counts;
  return numbers * 8 + (values + strings + spans * SPAN + items * 4) * 4 + items * 2 + values + items * 2;
}

export function columnsOf(buffer: ArrayBuffer, counts: EventChunk['counts']): Columns {
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
