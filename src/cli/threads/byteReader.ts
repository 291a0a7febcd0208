// Pass 1 of `idmerge resolve`'s worker on bytes (issue #14): the file is read as Buffers and split into physical
// lines exactly as createLineSplitter splits its text (`\n`, `\r\n`, lone `\r`; a UTF-8 BOM at the start belongs to
// no line; a line over the limit is reported by its length in characters and never held whole). An ordinary event
// line is read from its bytes (scanEventBytes) and handed to `sink.event` without being decoded; every other line —
// non-ASCII, broken, a profile update, anything scanEventBytes declines — is decoded and judged by the text path
// (NdjsonLines), so its item, problem, note and line number are the text reader's.
import { StringDecoder } from 'node:string_decoder';
import type { NumberedLine } from '../../io/index.ts';
import { EventBytes, scanEventBytes } from '../../io/scan/eventBytes.ts';
import { CHUNK_SIZE, fileChunks } from '../byteLines.ts';
import { NdjsonLines, newBatch, type NdjsonBatch, type ScannedItem } from '../readers.ts';

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Where the byte reader's lines go, in file order. */
export interface ByteLineSink {
  /** An ordinary event line read from its bytes: `event`'s offsets index `bytes`, valid during the call only. */
  event(line: number, bytes: Uint8Array, lineStart: number, event: EventBytes): void;
  /** A line the text path loaded (an event or a profile update). */
  item(item: ScannedItem): void;
}

/** What a chunk's lines left besides items: the problems and notes, in line order. */
export type ByteBatch = Pick<NdjsonBatch, 'problems' | 'notes'>;

/** A batch with the file's bytes its events were read from (undefined for the batch after the last chunk). */
export type ByteChunkBatch = ByteBatch & { readonly chunk: Buffer | undefined };

/** Reads `path`'s NDJSON lines into `sink`, one batch per chunk read (the byte copy counts on that, as before). */
export class ByteNdjsonReader {
  private readonly judge: NdjsonLines;

  /**
   * `take`: a buffer of CHUNK_SIZE bytes of its own (offset 0) to read the next chunk into; the sink may keep a
   * chunk's bytes (the worker moves them to the engine's thread with the batch), so none is reused here.
   */
  constructor(
    readonly path: string,
    private readonly maxLineLength: number,
    private readonly sink: ByteLineSink,
    private readonly take: () => Buffer = () => Buffer.allocUnsafeSlow(CHUNK_SIZE),
  ) {
    this.judge = new NdjsonLines(maxLineLength);
  }

  /** One batch per chunk of the file, then one for a last line without a line break; each after its lines. */
  async *batches(): AsyncGenerator<ByteChunkBatch> {
    const lines = new ByteLineSplitter(this.maxLineLength, new LineRouter(this.judge, this.sink));
    for await (const chunk of fileChunks(this.path, this.take)) yield { ...lines.push(chunk), chunk };
    yield { ...lines.end(), chunk: undefined };
  }

  /** Where every line went (as NdjsonReader.account()), once every batch is read. */
  account() {
    return this.judge.account();
  }
}

/** Sends each line to the byte path or the text path. */
class LineRouter {
  private readonly event = new EventBytes();
  /** Items of the text path, handed to the sink as they come (the batch keeps only problems and notes). */
  private readonly batch = newBatch();

  constructor(
    private readonly judge: NdjsonLines,
    private readonly sink: ByteLineSink,
  ) {}

  /** A line whose bytes are all in `bytes` (and no longer than the limit in bytes, so in characters). */
  bytes(bytes: Buffer, start: number, end: number, line: number, out: ByteBatch): void {
    if (scanEventBytes(bytes, start, end, this.event)) {
      this.judge.loaded(line);
      this.sink.event(line, bytes, start, this.event);
    } else this.text({ line, text: bytes.toString('utf8', start, end) }, out);
  }

  text(line: NumberedLine, out: ByteBatch): void {
    const batch = this.batch;
    this.judge.judge(line, batch);
    for (const item of batch.items) this.sink.item(item);
    for (const problem of batch.problems) out.problems.push(problem);
    for (const note of batch.notes) out.notes.push(note);
    batch.items.length = 0;
    batch.problems.length = 0;
    batch.notes.length = 0;
  }
}

/**
 * Splits chunks of bytes into lines as createLineSplitter splits the same file's text. A line cut by a chunk's end
 * is kept as decoded text (the text path then reads it), counting its characters, and dropped once over the limit.
 * Decoding one line alone gives the same characters as decoding the file: every line starts after an ASCII byte.
 */
class ByteLineSplitter {
  private line = 0;
  private started = false;
  /** The previous chunk ended in `\r`: a `\n` starting this one is its pair, not another line. */
  private afterReturn = false;
  /** The line cut by the last chunk's end, as text pieces (undefined: none; dropped pieces once too long). */
  private pending: string[] | undefined;
  private pendingLength = 0;
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly maxLength: number,
    private readonly router: LineRouter,
  ) {}

  push(chunk: Buffer): ByteBatch {
    const out: ByteBatch = { problems: [], notes: [] };
    let start = this.dropBom(chunk);
    if (this.afterReturn && chunk.length > start && chunk[start] === NEWLINE) start++;
    if (chunk.length > start) this.afterReturn = false;
    let newline = chunk.indexOf(NEWLINE, start);
    let ret = chunk.indexOf(RETURN, start);
    while (newline !== -1 || ret !== -1) {
      const at = ret === -1 || (newline !== -1 && newline < ret) ? newline : ret;
      this.emit(chunk, start, at, out);
      start = chunk[at] === RETURN && chunk[at + 1] === NEWLINE ? at + 2 : at + 1;
      if (chunk[at] === RETURN && at === chunk.length - 1) this.afterReturn = true;
      if (newline !== -1 && newline < start) newline = chunk.indexOf(NEWLINE, start);
      if (ret !== -1 && ret < start) ret = chunk.indexOf(RETURN, start);
    }
    if (start < chunk.length) this.hold(this.decoder.write(chunk.subarray(start)));
    return out;
  }

  end(): ByteBatch {
    const out: ByteBatch = { problems: [], notes: [] };
    if (this.pending !== undefined) this.emit(Buffer.alloc(0), 0, 0, out);
    return out;
  }

  private hold(text: string): void {
    this.pending ??= [];
    this.pendingLength += text.length;
    if (this.pendingLength > this.maxLength) this.pending.length = 0;
    else this.pending.push(text);
  }

  private emit(chunk: Buffer, start: number, end: number, out: ByteBatch): void {
    const line = ++this.line;
    if (this.pending === undefined && end - start <= this.maxLength) {
      this.router.bytes(chunk, start, end, line, out);
      return;
    }
    // A line cut by a chunk's end, or longer in bytes than the limit is in characters: judged by its text.
    const tail = this.decoder.write(chunk.subarray(start, end)) + this.decoder.end();
    const held = this.pending ?? [];
    const length = this.pendingLength + tail.length;
    this.pending = undefined;
    this.pendingLength = 0;
    const numbered: NumberedLine =
      length > this.maxLength
        ? { line, text: '', tooLong: length }
        : { line, text: held.length === 0 ? tail : held.join('') + tail };
    this.router.text(numbered, out);
  }

  /** Skips a UTF-8 BOM at the very start of the file (the first non-empty chunk), as the text splitter does. */
  private dropBom(chunk: Buffer): number {
    if (this.started || chunk.length === 0) return 0;
    this.started = true;
    return chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  }
}
