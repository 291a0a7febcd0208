// The CLI's contact with the outside world: reading sources twice, and writing output with backpressure.
import { createWriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { fileChunks } from './byteLines.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';

/**
 * Chunks of decoded text from a file: chunk k decodes the file's bytes chunk k (of byteLines.ts's CHUNK_SIZE), a
 * character cut at its end going with the next. Large chunks keep per-chunk overhead negligible on big files.
 */
export async function* readTextChunks(path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const bytes of fileChunks(path)) yield decoder.write(bytes);
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/**
 * The same chunks as readTextChunks, each decoded as a few strings of at most TEXT_PIECE_SIZE bytes (a character cut
 * between two goes with the next). A string of a million characters is allocated straight into V8's old generation
 * (large-object space) and freed only by a full collection: read that way, dead chunks piled up to ~50–60 MB in
 * the scanning worker at 1M events. Strings this small are young and die in the next scavenge, with their lines.
 */
export async function* readTextPieces(path: string): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  for await (const bytes of fileChunks(path)) {
    const pieces: string[] = [];
    for (let start = 0; start < bytes.length; start += TEXT_PIECE_SIZE)
      pieces.push(decoder.write(bytes.subarray(start, Math.min(bytes.length, start + TEXT_PIECE_SIZE))));
    yield pieces;
  }
  const rest = decoder.end();
  if (rest !== '') yield [rest];
}

/** Bytes decoded into one string by readTextPieces: under V8's large-object size even as two-byte text. */
const TEXT_PIECE_SIZE = 1 << 15;

export async function readSample(path: string, size: number): Promise<string> {
  for await (const chunk of readTextChunks(path)) return chunk.slice(0, size);
  return '';
}

export { readFile };

/**
 * A file the CLI can read twice. Standard input can only be read once, so it is spooled to a temporary file
 * first; memory stays proportional to the ids, not to the events (issue #2).
 */
export async function rereadableSource(
  fileArg: string | undefined,
  stdin: Readable,
): Promise<{ path: string; name: string | undefined; release: () => Promise<void> }> {
  if (fileArg !== undefined && fileArg !== '-')
    return { path: fileArg, name: fileArg, release: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'idmerge-'));
  const path = join(dir, 'stdin');
  await pipeline(stdin, createWriteStream(path));
  return { path, name: undefined, release: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Waits for 'drain' or 'close' on `out`, then removes the listener that did not fire: leaving one behind per
 * flush is what made `idmerge resolve FILE | cat` print MaxListenersExceededWarning. True when the pipe closed
 * (EPIPE while waiting).
 */
export async function drainedOrClosed(out: Writable): Promise<boolean> {
  const stop = new AbortController();
  const options = { signal: stop.signal };
  try {
    await Promise.race([once(out, 'drain', options), once(out, 'close', options)]);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    return true;
  } finally {
    stop.abort();
  }
}

/**
 * What every CLI writer shares about its destination: a closed pipe (EPIPE, as in `| head -1`) ends the run
 * quietly, and a full one is waited for. Subclasses decide how they buffer (lines as text, or bytes).
 */
export abstract class PipeWriter {
  private closed = false;

  constructor(private readonly out: Writable) {
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }

  /** The reader went away: nothing more will be written. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Hands `chunk` to the destination (nothing once closed); false when it is full and `roomOrClosed` should be
   * awaited. `written` runs once the destination is done with the chunk (at once when closed).
   */
  protected write(chunk: string | Uint8Array, written?: () => void): boolean {
    if (this.closed) {
      written?.();
      return true;
    }
    return written === undefined ? this.out.write(chunk) : this.out.write(chunk, () => written());
  }

  /** Resolves when the destination drained, or closed (then `isClosed` turns true). */
  protected async roomOrClosed(): Promise<void> {
    if (await drainedOrClosed(this.out)) this.closed = true;
  }
}

/** Batches output lines and respects the destination's backpressure; a closed pipe (EPIPE) ends quietly. */
export class LineWriter extends PipeWriter {
  private buffer = '';

  /** Adds a line; true when the buffer is full and the caller should `await flush()` (once per ~256 KB, not per line). */
  line(text: string): boolean {
    this.buffer += text + '\n';
    return this.buffer.length >= 1 << 18;
  }

  async flush(): Promise<void> {
    if (this.buffer === '' || this.isClosed) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.write(chunk)) await this.roomOrClosed();
  }
}

/** Where the CLI writes: injected so tests can capture it without spawning a process. */
export interface CliStreams {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}
