// Feeds one stream to every variant's resolver in a single read, keeping only what the metrics need per record.
import {
  MODES,
  NO_ID,
  NOT_AN_EVENT,
  readEventTime,
  REJECTED_ID,
  Resolver,
  type Resolution,
  toIdText,
  type Mode,
  type ResolveOptions,
  type StreamRecord,
} from '../engine/index.ts';
import { FloatColumn, IntColumn, Interner } from './columns.ts';
import { Comparison } from './comparison.ts';
import { NOT_EVENT, NO_ONE, REJECTED, type VariantColumns } from './data.ts';
import type { Variant } from './types.ts';

/** Properties that name a user id: the stream's own say on which ids are identified (S-2, O-6, O-10, L-1). */
const USER_ID_PROPERTIES = ['$user_id', '$identified_id', 'alias'] as const;
/** Properties that name an anonymous id (S-3, O-6). */
const ANON_ID_PROPERTIES = ['$device_id', '$anon_id', '$anon_distinct_id'] as const;

/** The modes side by side, each under the same engine options. */
export function modeVariants(
  modes: readonly Mode[] = MODES,
  options: Partial<ResolveOptions> = {},
): Variant[] {
  return modes.map((mode) => ({ key: mode, mode, options }));
}

/** Changes a record before one variant reads it (the app's G-6 re-derivation applies to Simplified only). */
export type RecordAdapter = (record: StreamRecord, variant: Variant) => StreamRecord;

/**
 * Builds a Comparison record by record: `add` every record of the stream once, then `finish`. Linear in the stream;
 * memory is a few typed arrays per record plus each resolver's state.
 */
export class ComparisonBuilder {
  private readonly resolvers: Resolver[];
  private readonly names = new Interner();
  private readonly nameIds = new IntColumn();
  /** Event time in seconds; a record without one takes the previous record's time, so ordering stays stable. */
  private readonly times = new FloatColumn();
  private readonly timed: number[] = [];
  private readonly userIds = new Set<string>();
  private readonly anonIds = new Set<string>();
  private lastTime = 0;

  constructor(
    readonly variants: readonly Variant[],
    private readonly adapt?: RecordAdapter,
  ) {
    if (variants.length === 0) throw new Error('a comparison needs at least one mode');
    this.resolvers = variants.map((variant) => new Resolver(variant.mode, variant.options));
  }

  /** Number of records read. */
  get size(): number {
    return this.nameIds.length;
  }

  add(record: StreamRecord): void {
    this.resolvers.forEach((resolver, at) => {
      const variant = this.variants[at]!;
      resolver.ingest(this.adapt === undefined ? record : this.adapt(record, variant));
    });
    if (record.kind === 'profile') {
      this.nameIds.push(NOT_EVENT);
      this.times.push(this.lastTime);
      return;
    }
    const { properties } = record.event;
    this.nameIds.push(this.names.id(record.event.event));
    const time = readEventTime(properties.time);
    if (time !== undefined) this.lastTime = time;
    else this.timed.push(this.size - 1);
    this.times.push(this.lastTime);
    for (const key of USER_ID_PROPERTIES) {
      const id = toIdText(properties[key]);
      if (id !== undefined) this.userIds.add(id);
    }
    for (const key of ANON_ID_PROPERTIES) {
      const id = toIdText(properties[key]);
      if (id !== undefined) this.anonIds.add(id);
    }
  }

  addAll(records: Iterable<StreamRecord>): this {
    for (const record of records) this.add(record);
    return this;
  }

  /** Resolves every variant to the end of the stream and reads each record's resolved distinct_id once. */
  finish(): Comparison {
    const resolved = new Interner();
    const resolutions = this.resolvers.map((resolver) => resolver.result());
    const nameIds = this.nameIds.values();
    const columns = resolutions.map((resolution) => readColumns(resolution, resolved));
    return new Comparison({
      variants: this.variants,
      resolutions,
      resolved,
      columns,
      names: this.names.texts,
      nameIds,
      times: this.times.values(),
      untimed: new Set(this.timed),
      ids: { users: this.userIds, anonymous: this.anonIds },
    });
  }
}

/**
 * One variant's columns: the engine's resolved id numbers (one typed array), re-keyed into the comparison's shared
 * interner so the same distinct_id has the same key in every variant; refused identity requests flagged.
 */
function readColumns(resolution: Resolution, resolved: Interner): VariantColumns {
  const view = resolution.final();
  const numbers = view.resolvedNumbers();
  const keyOf = new Int32Array(resolution.idTexts().length).fill(-1);
  const keys = new Int32Array(numbers.length);
  for (let index = 0; index < numbers.length; index++) {
    const number = numbers[index]!;
    if (number === NOT_AN_EVENT) keys[index] = NOT_EVENT;
    else if (number === REJECTED_ID) keys[index] = REJECTED;
    else if (number === NO_ID) keys[index] = NO_ONE;
    else {
      let key = keyOf[number]!;
      if (key === -1) keyOf[number] = key = resolved.id(resolution.idText(number));
      keys[index] = key;
    }
  }
  const failed = new Uint8Array(numbers.length);
  for (const attempt of view.failedAttempts()) failed[attempt.eventIndex] = 1;
  return { keys, failed };
}
