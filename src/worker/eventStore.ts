// An imported stream kept compactly: ids and names interned, one typed-array slot per record, extras only where needed.
import {
  isBlockedId,
  NOT_NUMBERED,
  toIdText,
  type Channel,
  type IdNumbers,
  type MixpanelEvent,
  type ProfileUpdate,
  type StreamRecord,
} from '../engine/index.ts';

/** Properties an identity event carries besides the ids every event has (O-6, O-10, O-13). */
const IDENTITY_EXTRAS = [
  '$identified_id',
  '$anon_id',
  '$anon_distinct_id',
  'alias',
  '$distinct_ids',
] as const;
const NONE = -1;
const TRACK_BIT = 1;
/** The record is a profile update (kept in `profiles`). */
const PROFILE_BIT = 2;
/** The event has extras (kept in `extras`): a rebuild need not look anything up for the others. */
const EXTRAS_BIT = 4;

/** An interner number as the engine's caller number (NONE is no id at all). */
function numbered(id: number | undefined): number {
  return id === undefined || id === NONE ? NOT_NUMBERED : id;
}

/** Interns strings: a million events name a few hundred thousand ids and a few dozen event names. */
class Interner {
  /** Text → id; built on first `id` call, so a store filled by `appendRows` (which never interns) skips it. */
  private index: Map<string, number> | undefined;
  readonly values: string[] = [];

  /** Takes `values` as the next ids, in order (another store interned them the same way). */
  append(values: readonly string[]): void {
    for (const value of values) {
      this.index?.set(value, this.values.length);
      this.values.push(value);
    }
  }

  id(value: string | undefined): number {
    if (value === undefined) return NONE;
    this.index ??= new Map(this.values.map((text, id) => [text, id]));
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.index.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  text(id: number): string | undefined {
    return id === NONE ? undefined : this.values[id];
  }
}

/**
 * One id column's last value and its number. Events come in sessions, so a record usually names the same device and
 * user as the one before: comparing with the last text skips hashing it in a map of a few hundred thousand (issue
 * #14: that map was the store's biggest cost, ~0.5 s of reading a million events).
 */
class ColumnRun {
  private lastText: string | undefined = undefined;
  private lastId = NONE;

  constructor(private readonly interner: Interner) {}

  /** The interner's number of `value` (NONE for none). */
  id(value: string | undefined): number {
    if (value === undefined) return NONE;
    if (value !== this.lastText) {
      this.lastId = this.interner.id(value);
      this.lastText = value;
    }
    return this.lastId;
  }
}

/**
 * Records added to one store since its last `takeRows`, in a form another worker's store appends as they are: the
 * columns' new slots, the ids and names interned since, and the extras and profile updates of those records. The
 * typed arrays are fresh copies, so a sender can transfer them (issue #14: one worker reads, another resolves).
 */
export interface StoreRows {
  readonly lines: Int32Array;
  readonly nameIds: Int32Array;
  readonly distinctIds: Int32Array;
  readonly deviceIds: Int32Array;
  readonly userIds: Int32Array;
  readonly flags: Uint8Array;
  readonly times: Float64Array;
  readonly newIds: readonly string[];
  readonly newNames: readonly string[];
  readonly extras: readonly (readonly [number, Readonly<Record<string, unknown>>])[];
  readonly profiles: readonly (readonly [number, ProfileUpdate])[];
}

/** The buffers of `rows`, for postMessage's transfer list. */
export function rowBuffers(rows: StoreRows): ArrayBuffer[] {
  const arrays = [rows.lines, rows.nameIds, rows.distinctIds, rows.deviceIds, rows.userIds, rows.flags];
  return [...arrays, rows.times].map((array) => array.buffer as ArrayBuffer);
}

/** The columns a table row shows, for one record. */
export interface StoredEvent {
  readonly index: number;
  readonly line: number;
  readonly name: string;
  readonly time: number | undefined;
  readonly distinctId: string | undefined;
  readonly deviceId: string | undefined;
  readonly userId: string | undefined;
  readonly isProfile: boolean;
}

/**
 * Keeps what resolution and the table need — event name, channel, time, the sent distinct_id, `$device_id`,
 * `$user_id`, identity events' own fields — and nothing else, so a million events fit in tens of megabytes.
 * Exports that need every property re-read the file instead.
 */
export class EventStore {
  private readonly ids = new Interner();
  private readonly names = new Interner();
  private readonly distinctRun = new ColumnRun(this.ids);
  private readonly deviceRun = new ColumnRun(this.ids);
  private readonly userRun = new ColumnRun(this.ids);
  private nameIds = new Int32Array(1024);
  private distinctIds = new Int32Array(1024);
  private deviceIds = new Int32Array(1024);
  private userIds = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private times = new Float64Array(1024);
  private readonly extras = new Map<number, Readonly<Record<string, unknown>>>();
  private readonly profiles = new Map<number, ProfileUpdate>();
  private count = 0;
  /** How far `takeRows` has handed out records, ids and names. */
  private taken = { records: 0, ids: 0, names: 0 };
  /** Extras and profile updates added since the last `takeRows`. */
  private fresh: {
    extras: [number, Readonly<Record<string, unknown>>][];
    profiles: [number, ProfileUpdate][];
  } = {
    extras: [],
    profiles: [],
  };

  get size(): number {
    return this.count;
  }

  add(record: StreamRecord, line: number): void {
    const index = this.count++;
    if (index === this.lines.length) this.grow();
    this.lines[index] = line;
    if (record.kind === 'profile') {
      this.profiles.set(index, record.update);
      this.fresh.profiles.push([index, record.update]);
      this.nameIds[index] = NONE;
      this.distinctIds[index] = this.ids.id(toIdText(record.update.$distinct_id));
      this.deviceIds[index] = this.userIds[index] = NONE;
      this.times[index] = Number.NaN;
      this.flags[index] = PROFILE_BIT;
      return;
    }
    this.addEvent(index, record.event);
  }

  private addEvent(index: number, event: MixpanelEvent): void {
    const p = event.properties;
    this.nameIds[index] = this.names.id(event.event);
    this.distinctIds[index] = this.distinctRun.id(toIdText(p['distinct_id']));
    this.deviceIds[index] = this.deviceRun.id(toIdText(p['$device_id']));
    this.userIds[index] = this.userRun.id(toIdText(p['$user_id']));
    const time = p['time'];
    this.times[index] = typeof time === 'number' ? time : Number.NaN;
    this.flags[index] = event.channel === 'track' ? TRACK_BIT : 0;
    const extra = extrasOf(p);
    if (extra === undefined) return;
    this.extras.set(index, extra);
    this.flags[index] |= EXTRAS_BIT;
    this.fresh.extras.push([index, extra]);
  }

  /** The records added since the last call (the first: every record), for another store's `appendRows`. */
  takeRows(): StoreRows {
    const from = this.taken;
    const to = { records: this.count, ids: this.ids.values.length, names: this.names.values.length };
    this.taken = to;
    const slots = <T extends Int32Array | Uint8Array | Float64Array>(column: T): T =>
      column.slice(from.records, to.records) as T;
    const rows: StoreRows = {
      lines: slots(this.lines),
      nameIds: slots(this.nameIds),
      distinctIds: slots(this.distinctIds),
      deviceIds: slots(this.deviceIds),
      userIds: slots(this.userIds),
      flags: slots(this.flags),
      times: slots(this.times),
      newIds: this.ids.values.slice(from.ids, to.ids),
      newNames: this.names.values.slice(from.names, to.names),
      extras: this.fresh.extras,
      profiles: this.fresh.profiles,
    };
    this.fresh = { extras: [], profiles: [] };
    return rows;
  }

  /** Appends rows another store took with `takeRows`, in the order it took them: the same records, ids and names. */
  appendRows(rows: StoreRows): void {
    const from = this.count;
    const added = rows.lines.length;
    while (this.lines.length < from + added) this.grow();
    this.lines.set(rows.lines, from);
    this.nameIds.set(rows.nameIds, from);
    this.distinctIds.set(rows.distinctIds, from);
    this.deviceIds.set(rows.deviceIds, from);
    this.userIds.set(rows.userIds, from);
    this.flags.set(rows.flags, from);
    this.times.set(rows.times, from);
    this.ids.append(rows.newIds);
    this.names.append(rows.newNames);
    for (const [index, extra] of rows.extras) this.extras.set(index, extra);
    for (const [index, update] of rows.profiles) this.profiles.set(index, update);
    this.count += added;
    this.taken = { records: this.count, ids: this.ids.values.length, names: this.names.values.length };
  }

  private grow(): void {
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => (to.set(from), to);
    const n = this.lines.length * 2;
    this.nameIds = grown(this.nameIds, new Int32Array(n));
    this.distinctIds = grown(this.distinctIds, new Int32Array(n));
    this.deviceIds = grown(this.deviceIds, new Int32Array(n));
    this.userIds = grown(this.userIds, new Int32Array(n));
    this.lines = grown(this.lines, new Int32Array(n));
    this.flags = grown(this.flags, new Uint8Array(n));
    this.times = grown(this.times, new Float64Array(n));
  }

  /** The record as the engine reads it, rebuilt from the columns (to resolve again under another mode). */
  record(index: number): StreamRecord {
    const flags = this.flags[index] ?? 0;
    const profile = (flags & PROFILE_BIT) !== 0 ? this.profiles.get(index) : undefined;
    if (profile !== undefined) return { kind: 'profile', update: profile };
    // Called once per record on every pass (a million times a switch): no lookups for what is not there, and one
    // allocation site that always starts from `{}`. Spreading the extras into the literal instead (`{ ...extras }`
    // on some records, `{}` on others) made V8 build these objects ~10× slower (460 vs 50 ms a million, Node 20).
    const properties: Record<string, unknown> = {};
    const ids = this.ids.values;
    const distinctId = this.distinctIds[index] ?? NONE;
    if (distinctId !== NONE) properties['distinct_id'] = ids[distinctId];
    const deviceId = this.deviceIds[index] ?? NONE;
    if (deviceId !== NONE) properties['$device_id'] = ids[deviceId];
    const userId = this.userIds[index] ?? NONE;
    if (userId !== NONE) properties['$user_id'] = ids[userId];
    const time = this.times[index] ?? Number.NaN;
    if (!Number.isNaN(time)) properties['time'] = time;
    // Extras never repeat a column's key: a `time` kept there is one the time column could not hold (extrasOf).
    if ((flags & EXTRAS_BIT) !== 0) Object.assign(properties, this.extras.get(index));
    const channel: Channel = (flags & TRACK_BIT) !== 0 ? 'track' : 'import';
    return {
      kind: 'event',
      event: { event: this.names.text(this.nameIds[index] ?? NONE) ?? '', properties, channel },
    };
  }

  /**
   * The store's numbers of the event's distinct_id, `$device_id` and `$user_id` written into `into` (NOT_NUMBERED
   * where it has none): this store's interner gives one number per id text, which is what the engine needs to find
   * those ids by number (Resolver.ingestNumbered) instead of hashing each text again, pass after pass.
   */
  idNumbersInto(index: number, into: { -readonly [K in keyof IdNumbers]: number }): void {
    into.distinctIdNumber = numbered(this.distinctIds[index]);
    into.deviceIdNumber = numbered(this.deviceIds[index]);
    into.userIdNumber = numbered(this.userIds[index]);
  }

  /** Every record in order, rebuilt one at a time. */
  *records(): Generator<StreamRecord> {
    for (let index = 0; index < this.count; index++) yield this.record(index);
  }

  /** The table's view of one record. */
  event(index: number): StoredEvent {
    const time = this.times[index] ?? Number.NaN;
    return {
      index,
      line: this.lines[index] ?? 0,
      name: this.names.text(this.nameIds[index] ?? NONE) ?? '$profile',
      time: Number.isNaN(time) ? undefined : time,
      distinctId: this.ids.text(this.distinctIds[index] ?? NONE),
      deviceId: this.ids.text(this.deviceIds[index] ?? NONE),
      userId: this.ids.text(this.userIds[index] ?? NONE),
      isProfile: this.isProfile(index),
    };
  }

  /** The line a record came from. */
  lineOf(index: number): number {
    return this.lines[index] ?? 0;
  }

  /** Every distinct id text the stream sent, for search. */
  idTexts(): readonly string[] {
    return this.ids.values;
  }

  /** The event's `time` property, when it had a number there. */
  timeOf(index: number): number | undefined {
    const time = this.times[index] ?? Number.NaN;
    return Number.isNaN(time) ? undefined : time;
  }

  isProfile(index: number): boolean {
    return ((this.flags[index] ?? 0) & PROFILE_BIT) !== 0;
  }

  /**
   * A matcher for "the record's name or one of its ids passes `test`": `test` runs once per distinct text (a few
   * hundred thousand ids) instead of once per record and column (millions), then each record is a few array reads.
   */
  textMatcher(test: (text: string) => boolean): (index: number) => boolean {
    const ids = Uint8Array.from(this.ids.values, (text) => +test(text));
    const names = Uint8Array.from(this.names.values, (text) => +test(text));
    const hit = (mask: Uint8Array, code: number | undefined) => code !== undefined && mask[code] === 1;
    return (index) =>
      hit(names, this.nameIds[index]) ||
      hit(ids, this.distinctIds[index]) ||
      hit(ids, this.deviceIds[index]) ||
      hit(ids, this.userIds[index]);
  }
}

/**
 * An identity event's own fields, and `$insert_id` when it could be a placeholder (LIM-1 rejects those; keeping only
 * the suspicious ones saves a million strings while letting a re-resolve apply either matching rule, Q-12).
 */
function extrasOf(p: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const key of IDENTITY_EXTRAS) {
    if (p[key] !== undefined) (extra ??= {})[key] = p[key];
  }
  // A `time` that is not a number (a numeric string the engine still reads, Q-1) is kept as sent, so a record
  // rebuilt from the store reads the same facts as the parsed one (the time column holds numbers only).
  const time = p['time'];
  if (time !== undefined && typeof time !== 'number') (extra ??= {})['time'] = time;
  const insertId = toIdText(p['$insert_id']);
  if (insertId !== undefined && isBlockedId(insertId, 'case-insensitive'))
    (extra ??= {})['$insert_id'] = insertId;
  return extra;
}
