// The file as physical lines of bytes, for pass 2's byte copy: split and numbered exactly as createLineSplitter
// splits text (`\n`, `\r\n` or a lone `\r` ends a line; a UTF-8 BOM at the start belongs to no line), never decoded.
import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Called once per physical line with the bytes [start, end) of `bytes` it holds. */
export type LineVisitor = (bytes: Buffer, start: number, end: number, line: number) => void;

/** Around each chunk read (a million bytes): `before` may wait; `after` returns false to stop reading. */
export interface ChunkHooks {
  readonly before?: (() => Promise<void>) | undefined;
  readonly after: () => Promise<boolean>;
}

/**
 * Visits every line of the file in order. `hooks.after` runs after each chunk read, where a writer can wait for
 * the destination to drain; `hooks.before` runs before a chunk's lines are visited; both run once more around the
 * last line when it has no line break (the end counts as one more chunk).
 */
export async function forEachByteLine(
  path: string,
  visit: LineVisitor,
  hooks: ChunkHooks,
  isSkipped: (line: number) => boolean = () => false,
): Promise<void> {
  const lines = new ByteLines(visit, isSkipped);
  for await (const chunk of fileChunks(path)) {
    await hooks.before?.();
    lines.push(chunk);
    if (!(await hooks.after())) return;
  }
  await hooks.before?.();
  lines.end();
  await hooks.after();
}

/**
 * The file as consecutive chunks of exactly CHUNK_SIZE bytes (the last one shorter). Exact sizes matter: chunk k is
 * the same bytes the text reader's chunk k decodes (a stream would join chunks that wait in its buffer). Each chunk is
 * read into `take()`'s buffer (CHUNK_SIZE bytes, offset 0); by default one reused buffer, so a chunk is only valid
 * until the next is asked for — a caller that keeps chunks passes a `take` that hands out buffers of their own.
 */
export async function* fileChunks(path: string, take = reusedBuffer()): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    for (;;) {
      const buffer = take();
      let filled = 0;
      while (filled < CHUNK_SIZE) {
        const { bytesRead } = await file.read(buffer, filled, CHUNK_SIZE - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled === 0) return;
      yield buffer.subarray(0, filled);
      if (filled < CHUNK_SIZE) return;
    }
  } finally {
    await file.close();
  }
}

/** A `take` for fileChunks that hands out one buffer, allocated on first use, every time. */
function reusedBuffer(): () => Buffer {
  let buffer: Buffer | undefined;
  return () => (buffer ??= Buffer.allocUnsafe(CHUNK_SIZE));
}

/** The size of the chunks read (the same as the text reader's, so chunk k of both holds the same bytes). */
export const CHUNK_SIZE = 1 << 20;

class ByteLines {
  /** The pieces of a line that straddles chunks, joined once when it ends (a huge line costs linear time). */
  private pending: Buffer[] | undefined;
  private line = 0;
  /** The previous chunk ended in `\r`: a `\n` starting this one is its pair, not another line. */
  private afterReturn = false;
  private started = false;

  /**
   * `isSkipped(line)`: pass 1 refused that line (too long, unreadable), so its bytes are never needed and a
   * straddling one is not kept: memory stays bounded by the line limit, not by the longest line.
   */
  constructor(
    private readonly visit: LineVisitor,
    private readonly isSkipped: (line: number) => boolean,
  ) {}

  push(chunk: Buffer): void {
    let start = this.dropBom(chunk);
    if (this.afterReturn && chunk.length > start && chunk[start] === NEWLINE) start++;
    if (chunk.length > start) this.afterReturn = false;
    let newline = chunk.indexOf(NEWLINE, start);
    let ret = chunk.indexOf(RETURN, start);
    while (newline !== -1 || ret !== -1) {
      const at = ret === -1 || (newline !== -1 && newline < ret) ? newline : ret;
      this.emit(chunk, start, at);
      start = chunk[at] === RETURN && chunk[at + 1] === NEWLINE ? at + 2 : at + 1;
      if (chunk[at] === RETURN && at === chunk.length - 1) this.afterReturn = true;
      if (newline !== -1 && newline < start) newline = chunk.indexOf(NEWLINE, start);
      if (ret !== -1 && ret < start) ret = chunk.indexOf(RETURN, start);
    }
    if (start < chunk.length) {
      this.pending ??= [];
      if (!this.isSkipped(this.line + 1)) this.pending.push(Buffer.from(chunk.subarray(start)));
    }
  }

  end(): void {
    if (this.pending !== undefined) this.emit(Buffer.alloc(0), 0, 0);
  }

  /** Only the line that straddles two chunks is copied; every other line is visited where it lies. */
  private emit(chunk: Buffer, start: number, end: number): void {
    this.line++;
    if (this.pending === undefined) this.visit(chunk, start, end, this.line);
    else {
      const joined = Buffer.concat([...this.pending, chunk.subarray(start, end)]);
      this.pending = undefined;
      this.visit(joined, 0, joined.length, this.line);
    }
  }

  /** Skips a UTF-8 BOM at the very start of the file (the first non-empty chunk), as the text splitter does. */
  private dropBom(chunk: Buffer): number {
    if (this.started || chunk.length === 0) return 0;
    this.started = true;
    return chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  }
}
