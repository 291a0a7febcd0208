// The worker thread of `idmerge resolve` on NDJSON (issue #14): reads and scans the file (pass 1), sending the main
// thread, which runs the engine, each batch in compact form. In the retroactive modes it then copies the file out
// with the resolved ids spliced in (the byte copy of copyResolved.ts), as fast as the main thread sends the items'
// piece numbers after the last batch; in Legacy the main thread copies (protocol.ts workerCopies).
import { parentPort, workerData } from 'node:worker_threads';
import { Writable } from 'node:stream';
import { modeRules } from '../../engine/index.ts';
import { CHUNK_SIZE } from '../byteLines.ts';
import { ByteWriter } from '../byteWriter.ts';
import { copyResolved } from '../copyResolved.ts';
import { PieceColumns } from '../pieces.ts';
import { SpliceColumns } from '../splice.ts';
import { ByteNdjsonReader } from './byteReader.ts';
import { ChunkEncoder } from './chunkEncoder.ts';
import {
  BATCH_CREDITS,
  OUTPUT_CREDITS,
  workerCopies,
  workerNumbersIds,
  type FromScanner,
  type ScanJob,
  type ToScanner,
} from './protocol.ts';
import { ItemsRead, Signal } from './progress.ts';

const port = parentPort!;
const job = workerData as ScanJob;
const streaming = !modeRules(job.mode).retroactive;

/** What this thread's two tasks (scan, copy) and the main thread's messages move forward. */
class Progress extends Signal {
  readonly read = new ItemsRead();
  readonly pieces = new PieceColumns();
  credits = OUTPUT_CREDITS;
  batchCredits = BATCH_CREDITS;
  /** Output buffers the main thread gave back, to be filled again. */
  readonly spare: Buffer[] = [];
  /** The file's chunks the main thread gave back once ingested, to read the next ones into. */
  readonly spareChunks: Buffer[] = [];
}

function post(message: FromScanner, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/**
 * Output goes to the main thread in order: each buffer ByteWriter hands over (moved, never copied: each is its own
 * allocation). At most OUTPUT_CREDITS buffers wait there at once.
 */
class ToMainThread extends Writable {
  constructor(private readonly progress: Progress) {
    super({ objectMode: true, highWaterMark: 4 });
  }

  override _write(piece: Buffer, _encoding: string, done: () => void): void {
    const progress = this.progress;
    void progress
      .until(() => progress.credits > 0)
      .then(() => {
        progress.credits--;
        post({ type: 'out', bytes: piece }, [piece.buffer as ArrayBuffer]);
        done();
      });
  }
}

async function scan(columns: SpliceColumns, progress: Progress, encoder: ChunkEncoder): Promise<void> {
  const take = () => progress.spareChunks.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE);
  const reader = new ByteNdjsonReader(
    job.path,
    job.maxLineLength,
    {
      event(line, bytes, lineStart, event) {
        columns.recordBytes(line, lineStart, event);
        encoder.addBytes(bytes, event);
      },
      item(item) {
        columns.record(item.line, item.text, item.scan);
        encoder.add(item);
      },
    },
    take,
  );
  let from = 0;
  let skippedFrom = 0;
  const batches = reader.batches();
  for (;;) {
    // At most BATCH_CREDITS batches wait for the engine: the next chunk is read only once one is given back.
    await progress.until(() => progress.batchCredits > 0);
    const next = await batches.next();
    if (next.done === true) break;
    progress.batchCredits--;
    const batch = next.value;
    const chunk = encoder.finish(columns.since(from, skippedFrom), batch.chunk);
    from = columns.size;
    skippedFrom = columns.skippedLines.length;
    const moved = chunk.bytes === undefined ? [chunk.buffer] : [chunk.buffer, chunk.bytes];
    post({ type: 'batch', chunk, problems: batch.problems, notes: batch.notes }, moved);
    progress.read.batchRead(columns.size);
    progress.changed();
  }
  progress.read.finish();
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
      beforeChunk: (chunk) => progress.until(() => progress.read.canCopy(chunk, progress.pieces)),
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
  const encoder = new ChunkEncoder(workerNumbersIds(streaming));
  port.on('message', (message: ToScanner) => {
    if (message.type === 'pieces') progress.pieces.add(message.ids, message.extras, message.fresh);
    else if (message.type === 'ingested') {
      progress.batchCredits++;
      encoder.spare.push(message.buffer);
      if (message.bytes !== undefined) progress.spareChunks.push(Buffer.from(message.bytes));
    } else {
      progress.credits++;
      const { bytes } = message;
      progress.spare.push(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength));
    }
    progress.changed();
  });
  const copying = workerCopies(streaming) ? copy(columns, progress) : undefined;
  await scan(columns, progress, encoder);
  if (copying === undefined) return;
  await copying;
  post({ type: 'copied' });
}

await main();
