// The worker thread of `idmerge resolve` on NDJSON (issue #14): reads and scans the file (pass 1), sending the main
// thread, which runs the engine, each batch in compact form; then copies the file out with the resolved ids spliced
// in (the byte copy of copyResolved.ts), as fast as the main thread sends each item's piece numbers. In Legacy those
// come batch by batch, so scanning and copying interleave; in the retroactive modes they come after the last batch.
import { parentPort, workerData } from 'node:worker_threads';
import { Writable } from 'node:stream';
import { ByteWriter } from '../byteWriter.ts';
import { copyResolved } from '../copyResolved.ts';
import { PieceBytes, type ItemPieces } from '../pieces.ts';
import { NdjsonReader } from '../readers.ts';
import { SpliceColumns } from '../splice.ts';
import { ChunkEncoder } from './eventChunk.ts';
import { BATCH_CREDITS, OUTPUT_CREDITS, type FromScanner, type ScanJob, type ToScanner } from './protocol.ts';

const port = parentPort!;
const job = workerData as ScanJob;

/** What the two tasks of this thread (scan, copy) and the main thread's messages move forward; waiters re-check. */
class Progress {
  /** Items scanned after each batch (batch k has read at least the file's chunks 0…k). */
  readonly itemsAfterBatch: number[] = [];
  scanned = false;
  readonly pieces = new ReceivedPieces();
  credits = OUTPUT_CREDITS;
  /** Output buffers the main thread gave back, to be filled again. */
  readonly spare: Buffer[] = [];
  batchCredits = BATCH_CREDITS;
  private waiters: Array<() => void> = [];

  /** Resolves once `ready()` holds. */
  async until(ready: () => boolean): Promise<void> {
    while (!ready()) await new Promise<void>((wake) => this.waiters.push(wake));
  }

  changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Whether the copy may visit the file's chunk `k`: a line ending in chunks 0…k was read by batch k+1 at the
   * latest (a `\r` at a chunk's end waits for the next chunk), so it needs the pieces of every item up to there.
   */
  canCopy(chunk: number): boolean {
    const needed = this.itemsAfterBatch[chunk + 1];
    if (needed === undefined) return this.scanned && this.pieces.count >= this.itemsAfterBatch.at(-1)!;
    return this.pieces.count >= needed;
  }
}

/** The piece numbers of items 0…count-1, as the main thread sent them. */
class ReceivedPieces {
  private ids = new Int32Array(1 << 16);
  private extras = new Int32Array(1 << 16);
  private readonly bytes = new PieceBytes();
  count = 0;

  add(message: Extract<ToScanner, { type: 'pieces' }>): void {
    if (message.fresh !== undefined) this.bytes.add(message.fresh);
    const end = this.count + message.ids.length;
    if (end > this.ids.length) {
      const length = Math.max(end, this.ids.length * 2);
      this.ids = grown(this.ids, length);
      this.extras = grown(this.extras, length);
    }
    this.ids.set(message.ids, this.count);
    this.extras.set(message.extras, this.count);
    this.count = end;
  }

  of(index: number): ItemPieces {
    return this.bytes.of(this.ids[index]!, this.extras[index]!);
  }
}

function grown(from: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(length);
  to.set(from);
  return to;
}

function post(message: FromScanner, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Output buffers go to the main thread, which writes them; at most OUTPUT_CREDITS wait there at once. */
class ToMainThread extends Writable {
  constructor(private readonly progress: Progress) {
    super({ highWaterMark: 4 << 20 });
  }

  override _write(chunk: Buffer, _encoding: string, done: (error?: Error | null) => void): void {
    const progress = this.progress;
    void progress
      .until(() => progress.credits > 0)
      .then(() => {
        progress.credits--;
        // Each buffer ByteWriter hands over is its own allocation (a million bytes): moved, never copied.
        post({ type: 'out', bytes: chunk }, [chunk.buffer as ArrayBuffer]);
        done();
      });
  }
}

async function scan(columns: SpliceColumns, progress: Progress, encoder: ChunkEncoder): Promise<void> {
  const reader = new NdjsonReader(job.path, job.mode, job.maxLineLength);
  for await (const batch of reader.batches()) {
    await progress.until(() => progress.batchCredits > 0);
    progress.batchCredits--;
    for (const item of batch.items) columns.record(item.line, item.text, item.scan);
    const chunk = encoder.encode(batch.items);
    post({ type: 'batch', chunk, problems: batch.problems, notes: batch.notes ?? [] }, [chunk.buffer]);
    progress.itemsAfterBatch.push(columns.size);
    progress.changed();
  }
  progress.scanned = true;
  progress.changed();
  post({ type: 'scanned', account: reader.account() });
}

async function copy(columns: SpliceColumns, progress: Progress): Promise<void> {
  const toMain = new ToMainThread(progress);
  const out = new ByteWriter(toMain, (size) => {
    const spare = progress.spare.pop();
    return spare !== undefined && spare.length >= size ? spare : Buffer.allocUnsafe(size);
  });
  await copyResolved(
    {
      path: job.path,
      columns,
      piecesAt: (index) => progress.pieces.of(index),
      beforeChunk: (chunk) => progress.until(() => progress.canCopy(chunk)),
    },
    out,
  );
  await out.flush();
  // Buffers may still wait in the stream for a credit: `copied` must follow the last of them.
  await new Promise<void>((finished) => toMain.end(finished));
}

async function main(): Promise<void> {
  const columns = new SpliceColumns();
  const progress = new Progress();
  const encoder = new ChunkEncoder();
  port.on('message', (message: ToScanner) => {
    if (message.type === 'pieces') progress.pieces.add(message);
    else if (message.type === 'ingested') {
      progress.batchCredits++;
      encoder.spare.push(message.buffer);
    } else {
      progress.credits++;
      const { bytes } = message;
      progress.spare.push(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength));
    }
    progress.changed();
  });
  const copying = copy(columns, progress);
  await scan(columns, progress, encoder);
  await copying;
  post({ type: 'copied' });
}

await main();
