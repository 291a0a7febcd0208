// Output as bytes: lines are assembled in a large buffer and handed to the destination a buffer at a time, with its
// backpressure respected and a closed pipe (`| head -1`) ending the run quietly.
import type { Writable } from 'node:stream';
import { PipeWriter } from './io.ts';

/** The size of the buffers handed to the destination (a longer line gets one of its own size). */
export const OUTPUT_BUFFER_SIZE = 1 << 20;
const SIZE = OUTPUT_BUFFER_SIZE;
/** Runs up to this many bytes are copied by a loop (measured: it beats Buffer#copy below ~48 bytes). */
const SHORT_COPY = 32;

/** Gives a buffer of at least `size` bytes to fill (by default a new one each time). */
export type BufferSource = (size: number) => Buffer;

/** Bytes assembled in a 1 MB buffer; the destination handling (EPIPE, backpressure) is PipeWriter's. */
export class ByteWriter extends PipeWriter {
  private buffer: Buffer;
  private used = 0;
  private waiting: Promise<unknown> | undefined;

  /** Buffers written out and free again (see `recycles`). */
  private readonly spare: Buffer[] = [];
  /**
   * A stream over a file descriptor (standard output as a file, pipe or terminal) is done with a buffer once its
   * write callback has run, so the buffer can be filled again; any other stream (a test's PassThrough) may keep it.
   */
  private readonly recycles: boolean;

  /**
   * `allocate`: where each next buffer comes from (the worker reuses the ones the main thread gave back); by default
   * a written buffer is reused when the destination is a file descriptor's stream, else a new one is made.
   */
  constructor(
    out: Writable,
    private readonly allocate: BufferSource = (size) => this.spareOrNew(size),
  ) {
    super(out);
    this.recycles = typeof (out as { fd?: unknown }).fd === 'number';
    this.buffer = allocate(SIZE);
  }

  private spareOrNew(size: number): Buffer {
    const spare = this.spare.pop();
    return spare !== undefined && spare.length >= size ? spare : Buffer.allocUnsafe(size);
  }

  /** Appends bytes [start, end) of `bytes`. */
  copy(bytes: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.buffer.length) this.handOver(length);
    if (length <= SHORT_COPY) {
      // A spliced line's short runs (the properties' closing braces, most ids) cost less byte by byte than a
      // native call: Buffer#copy is ~60–70 ns whatever the length, a loop ~1 ns a byte.
      const buffer = this.buffer;
      let used = this.used;
      for (let at = start; at < end; at++) buffer[used++] = bytes[at]!;
      this.used = used;
    } else {
      // Buffer#copy, not set(subarray): no view object per copy, a million times per million events.
      this.used += bytes.copy(this.buffer, this.used, start, end);
    }
  }

  /** Appends a whole buffer. */
  bytes(bytes: Buffer): void {
    this.copy(bytes, 0, bytes.length);
  }

  /** Appends one byte (a line's newline). */
  byte(value: number): void {
    if (this.used + 1 > this.buffer.length) this.handOver(1);
    this.buffer[this.used++] = value;
  }

  /** Appends text as UTF-8. */
  text(text: string): void {
    if (this.used + text.length * 3 > this.buffer.length) this.handOver(text.length * 3);
    this.used += this.buffer.write(text, this.used);
  }

  /** Hands the filled part to the destination and starts a new buffer at least `room` bytes long. */
  private handOver(room: number): void {
    const full = this.buffer;
    const written = this.recycles ? () => void this.spare.push(full) : undefined;
    if (this.used === 0) written?.();
    else if (!this.write(full.subarray(0, this.used), written)) this.waiting ??= this.roomOrClosed();
    this.buffer = this.allocate(Math.max(SIZE, room));
    this.used = 0;
  }

  /** Writes out what is buffered and waits while the destination is full. */
  async flush(): Promise<void> {
    if (this.used > 0) this.handOver(0);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting !== undefined) await waiting;
  }
}
