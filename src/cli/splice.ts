// Pass 2 of `idmerge resolve` as a byte copy (issue #14): pass 1 keeps, per event line, where its distinct_id value
// and its properties' closing brace sit; pass 2 copies each line's bytes and splices the resolved id and the
// G-7 / O-16 properties in at those offsets, without scanning the line again or running the engine again.
import type { EventBytes } from '../io/scan/eventBytes.ts';
import type { ScannedEvent } from '../io/scan/index.ts';

/** distinct_id's number among the identity keys (IDENTITY_KEYS[0]). */
const DISTINCT_ID = 0;

const HAS_SPAN = 1;
const HAS_PROPERTIES = 2;
const PROPERTIES_EMPTY = 4;
const OBJECT_EMPTY = 8;
/** A profile update: written back exactly as it came. */
const AS_IT_CAME = 16;
/** The line has characters outside ASCII: offsets are in UTF-16 units, so pass 2 splices its decoded text. */
const NOT_ASCII = 32;

const INITIAL = 1 << 16;

/**
 * Per item of pass 1, in order: three offsets and a flag byte (13 bytes an event), plus the numbers of the lines
 * that gave no item (blank or refused), which grow with the problems, not the events.
 */
export class SpliceColumns {
  private spanStarts = new Int32Array(INITIAL);
  private spanEnds = new Int32Array(INITIAL);
  private closes = new Int32Array(INITIAL);
  private flags = new Uint8Array(INITIAL);
  private count = 0;
  private lastLine = 0;
  /** Physical line numbers (1-based, ascending) that produced no item. */
  readonly skippedLines: number[] = [];

  get size(): number {
    return this.count;
  }

  /** Records an event line as pass 1 scanned it (`scan` undefined: a profile update, copied unchanged). */
  record(line: number, text: string, scan: ScannedEvent | undefined): void {
    for (let skipped = this.lastLine + 1; skipped < line; skipped++) this.skippedLines.push(skipped);
    this.lastLine = line;
    const at = this.count++;
    if (at === this.flags.length) this.grow();
    let flags = isAscii(text) ? 0 : NOT_ASCII;
    if (scan === undefined) flags |= AS_IT_CAME;
    else if (scan.distinctIdSpan !== undefined) {
      flags |= HAS_SPAN | HAS_PROPERTIES;
      this.spanStarts[at] = scan.distinctIdSpan[0];
      this.spanEnds[at] = scan.distinctIdSpan[1];
      this.closes[at] = scan.propertiesClose;
    } else if (scan.propertiesClose >= 0) {
      flags |= HAS_PROPERTIES | (scan.propertiesEmpty ? PROPERTIES_EMPTY : 0);
      this.closes[at] = scan.propertiesClose;
    } else {
      flags |= scan.objectEmpty ? OBJECT_EMPTY : 0;
      this.closes[at] = scan.objectClose;
    }
    this.flags[at] = flags;
  }

  /**
   * Records an event line read from its bytes (scanEventBytes: ASCII, with "properties"), whose offsets index the
   * bytes the line starts at `lineStart` in.
   */
  recordBytes(line: number, lineStart: number, event: EventBytes): void {
    for (let skipped = this.lastLine + 1; skipped < line; skipped++) this.skippedLines.push(skipped);
    this.lastLine = line;
    const at = this.count++;
    if (at === this.flags.length) this.grow();
    this.closes[at] = event.propertiesClose - lineStart;
    if (event.has(DISTINCT_ID)) {
      this.flags[at] = HAS_SPAN | HAS_PROPERTIES;
      this.spanStarts[at] = event.valueStarts[DISTINCT_ID]! - lineStart;
      this.spanEnds[at] = event.valueEnds[DISTINCT_ID]! - lineStart;
    } else this.flags[at] = HAS_PROPERTIES | (event.propertiesEmpty ? PROPERTIES_EMPTY : 0);
  }

  /**
   * Items from…size-1 as column views (valid until the next `record`), with the lines skipped since `skippedFrom`
   * and the last line seen: what another thread's `append` needs to hold the same columns.
   */
  since(from: number, skippedFrom: number): SpliceSlice {
    return {
      spanStarts: this.spanStarts.subarray(from, this.count),
      spanEnds: this.spanEnds.subarray(from, this.count),
      closes: this.closes.subarray(from, this.count),
      flags: this.flags.subarray(from, this.count),
      skipped: this.skippedLines.slice(skippedFrom),
      lastLine: this.lastLine,
    };
  }

  /** Appends what `since` gave on another thread's columns. */
  append(slice: SpliceSlice): void {
    const count = slice.flags.length;
    while (this.count + count > this.flags.length) this.grow();
    this.spanStarts.set(slice.spanStarts, this.count);
    this.spanEnds.set(slice.spanEnds, this.count);
    this.closes.set(slice.closes, this.count);
    this.flags.set(slice.flags, this.count);
    this.count += count;
    for (const line of slice.skipped) this.skippedLines.push(line);
    this.lastLine = slice.lastLine;
  }

  private grow(): void {
    const length = this.flags.length * 2;
    this.spanStarts = grown(this.spanStarts, new Int32Array(length));
    this.spanEnds = grown(this.spanEnds, new Int32Array(length));
    this.closes = grown(this.closes, new Int32Array(length));
    this.flags = grown(this.flags, new Uint8Array(length));
  }

  /** Whether item `at` is written back as it came (a profile update). */
  asItCame(at: number): boolean {
    return ((this.flags[at] ?? 0) & AS_IT_CAME) !== 0;
  }

  /** Whether item `at` must be spliced as decoded text (it holds non-ASCII characters). */
  needsText(at: number): boolean {
    return ((this.flags[at] ?? 0) & NOT_ASCII) !== 0;
  }

  /**
   * Writes item `at` with distinct_id set to `idJson` and `extraJson` appended to its properties, exactly as
   * rewriteEventJson does on the scanned text: `sink.copy(from, to)` copies the line's own units, `sink.text`
   * inserts. Offsets are bytes for an ASCII line and UTF-16 units otherwise (equal on ASCII).
   */
  splice<Piece>(at: number, length: number, idJson: Piece, extraJson: Piece, sink: SpliceSink<Piece>): void {
    const flags = this.flags[at] ?? 0;
    const close = this.closes[at] ?? 0;
    if (flags & HAS_SPAN) {
      sink.copy(0, this.spanStarts[at] ?? 0);
      sink.text(idJson);
      sink.copy(this.spanEnds[at] ?? 0, close);
      sink.text(extraJson);
    } else if (flags & HAS_PROPERTIES) {
      sink.copy(0, close);
      sink.literal(flags & PROPERTIES_EMPTY ? '"distinct_id":' : ',"distinct_id":');
      sink.text(idJson);
      sink.text(extraJson);
    } else {
      sink.copy(0, close);
      sink.literal(flags & OBJECT_EMPTY ? '"properties":{"distinct_id":' : ',"properties":{"distinct_id":');
      sink.text(idJson);
      sink.text(extraJson);
      sink.literal('}');
    }
    sink.copy(close, length);
  }
}

/** A run of items' splice columns, to be appended to another thread's {@link SpliceColumns}. */
export interface SpliceSlice {
  readonly spanStarts: Int32Array;
  readonly spanEnds: Int32Array;
  readonly closes: Int32Array;
  readonly flags: Uint8Array;
  /** Lines that gave no item, among those the run covers. */
  readonly skipped: number[];
  readonly lastLine: number;
}

/** Where a spliced line goes: copies of the line's own units, fixed literals, and inserted pieces. */
export interface SpliceSink<Piece> {
  copy(from: number, to: number): void;
  literal(text: string): void;
  text(piece: Piece): void;
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** True when every character is ASCII: then its UTF-8 bytes and its UTF-16 units line up one to one. */
function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}
