// What the byte copy inserts into a resolved event line: the JSON of its resolved distinct_id and the properties it
// gains (G-7, O-16). Both repeat a lot, so each distinct one gets a number and is encoded once; the numbers are what
// crosses to the copying thread (see threads/), the texts cross once each.
import {
  Int32Column,
  NO_ID,
  REJECTED_ID,
  type IngestReceipts,
  type OutputNumbers,
  type ResolutionView,
  type ResolvedOutput,
} from '../engine/index.ts';

/** No piece yet. */
const NONE = -1;
/** Resolved numbers go down to REJECTED_ID (-2). */
const ID_OFFSET = 2;

/** The two pieces an event line gets, as UTF-8 bytes: ranges of one buffer (read them before the next call). */
export interface ItemPieces {
  bytes: Buffer;
  idStart: number;
  idEnd: number;
  extraStart: number;
  extraEnd: number;
}

/** Numbers the pieces of each event's output; new texts wait in `fresh` until taken. */
export class PieceNumbers {
  /** By resolved id number + ID_OFFSET (so REJECTED_ID and NO_ID have slots too): its piece, or NONE. */
  private readonly ids = new Int32Column(NONE);
  /** By the id before identity + 1 (NO_ID: none gained): the piece of events without a failure, or NONE. */
  private readonly extras = new Int32Column(NONE);
  private readonly output: OutputNumbers = { resolved: NO_ID, beforeIdentity: NO_ID, failed: false };
  private idCount = 0;
  private extraCount = 0;
  /** Texts numbered since the last `take()`, in number order. */
  private fresh: { ids: string[]; extras: string[] } = { ids: [], extras: [] };
  /** The pieces of the last event numbered. */
  id = NONE;
  extra = NONE;

  /**
   * `view`: the final view the outputs are read from; `extraOf`: the properties an output event gains, as the JSON
   * text appended to its properties (readers.ts).
   */
  constructor(
    private readonly view: ResolutionView,
    private readonly idText: (n: number) => string,
    private readonly extraOf: (outcome: ResolvedOutput) => string,
  ) {}

  /**
   * Numbers the pieces of the event whose receipt sits at `at` into `id` and `extra`. Asked once per event, so it
   * reads the output as numbers (no object per event) and builds texts only for pieces not seen before.
   */
  number(receipts: IngestReceipts, at: number): void {
    const output = this.view.outputNumbersOf(receipts, at, this.output);
    const slot = output.resolved + ID_OFFSET;
    let id = this.ids.get(slot);
    if (id === NONE) this.ids.set(slot, (id = this.newId(this.resolvedJson(output.resolved))));
    this.id = id;
    // Failures are rare and carry their own words: only the common cases are shared, by the id before identity.
    if (output.failed) {
      this.extra = this.newExtra(this.extraOf(this.view.outputOf(receipts, at)));
      return;
    }
    let extra = this.extras.get(output.beforeIdentity + 1);
    if (extra === NONE) {
      extra = this.newExtra(this.extraOf(this.view.outputOf(receipts, at)));
      this.extras.set(output.beforeIdentity + 1, extra);
    }
    this.extra = extra;
  }

  /** The JSON of the resolved distinct_id: null when rejected (LIM-1), "" when non-attributable (LIM-2). */
  private resolvedJson(resolved: number): string {
    if (resolved === REJECTED_ID) return 'null';
    return JSON.stringify(resolved === NO_ID ? '' : this.idText(resolved));
  }

  /** The texts numbered since the last call (ids, extras), to append to a {@link PieceBytes}; undefined if none. */
  take(): { ids: string[]; extras: string[] } | undefined {
    const fresh = this.fresh;
    if (fresh.ids.length === 0 && fresh.extras.length === 0) return undefined;
    this.fresh = { ids: [], extras: [] };
    return fresh;
  }

  private newId(json: string): number {
    this.fresh.ids.push(json);
    return this.idCount++;
  }

  private newExtra(text: string): number {
    this.fresh.extras.push(text);
    return this.extraCount++;
  }
}

/**
 * The pieces' bytes by number, on the thread that copies: every text end to end in one growing buffer (a Buffer
 * object per piece would cost a hundred bytes or so each, for hundreds of thousands of distinct ids, on each thread).
 */
export class PieceBytes {
  private arena = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private readonly ids = new Ranges();
  private readonly extras = new Ranges();
  private readonly pieces: ItemPieces = {
    bytes: this.arena,
    idStart: 0,
    idEnd: 0,
    extraStart: 0,
    extraEnd: 0,
  };

  add(fresh: { readonly ids: readonly string[]; readonly extras: readonly string[] }): void {
    for (const text of fresh.ids) {
      const start = this.append(text);
      this.ids.push(start, this.used);
    }
    for (const text of fresh.extras) {
      const start = this.append(text);
      this.extras.push(start, this.used);
    }
  }

  /** The pieces numbered `id` and `extra`, in one reused object. */
  of(id: number, extra: number): ItemPieces {
    const pieces = this.pieces;
    pieces.bytes = this.arena;
    pieces.idStart = this.ids.startOf(id);
    pieces.idEnd = this.ids.endOf(id);
    pieces.extraStart = this.extras.startOf(extra);
    pieces.extraEnd = this.extras.endOf(extra);
    return pieces;
  }

  /** Appends `text` as UTF-8; returns where it starts (it ends at `used`). */
  private append(text: string): number {
    const start = this.used;
    const length = Buffer.byteLength(text);
    if (start + length > this.arena.length) {
      const arena = Buffer.allocUnsafe(Math.max(this.arena.length * 2, start + length));
      this.arena.copy(arena, 0, 0, start);
      this.arena = arena;
    }
    this.used += this.arena.write(text, start);
    return start;
  }
}

/** Ranges [start, end) numbered in order, as two growing columns. */
class Ranges {
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);
  private count = 0;

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count * 2);
      this.ends = grown(this.ends, this.count * 2);
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }

  startOf(n: number): number {
    return this.starts[n]!;
  }

  endOf(n: number): number {
    return this.ends[n]!;
  }
}

/** The piece numbers of items 0…count-1 (appended in order) with their bytes: what a copying thread reads. */
export class PieceColumns {
  private ids = new Int32Array(1 << 16);
  private extras = new Int32Array(1 << 16);
  private readonly bytes = new PieceBytes();
  count = 0;

  /** Appends the numbers of the next items, and the texts numbered since the last call. */
  add(
    ids: Int32Array,
    extras: Int32Array,
    fresh: { readonly ids: readonly string[]; readonly extras: readonly string[] } | undefined,
  ): void {
    if (fresh !== undefined) this.bytes.add(fresh);
    const end = this.count + ids.length;
    if (end > this.ids.length) {
      const length = Math.max(end, this.ids.length * 2);
      this.ids = grown(this.ids, length);
      this.extras = grown(this.extras, length);
    }
    this.ids.set(ids, this.count);
    this.extras.set(extras, this.count);
    this.count = end;
  }

  /** The pieces of item `index`, in one reused object. */
  of(index: number): ItemPieces {
    return this.bytes.of(this.ids[index]!, this.extras[index]!);
  }
}

function grown(from: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(length);
  to.set(from);
  return to;
}
