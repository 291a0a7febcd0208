// `idmerge resolve` on NDJSON with two threads (issue #14): a worker reads and scans the file; this thread runs the
// engine on what it sends. The file is copied out with the resolved ids spliced in by the worker in the retroactive
// modes, by this thread in Legacy (protocol.ts workerCopies); this thread writes it to standard output. What crosses
// is typed arrays and strings end to end (eventChunk.ts), piece numbers (pieces.ts), and output buffers, which come
// back.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import {
  IngestReceipts,
  modeRules,
  type NumberedEvent,
  type ResolutionView,
  type ResolvedOutput,
  type Resolver,
  type StreamRecord,
} from '../../engine/index.ts';
import type { LineAccount } from '../../io/index.ts';
import { ByteWriter } from '../byteWriter.ts';
import { copyResolved } from '../copyResolved.ts';
import { PipeWriter } from '../io.ts';
import { PieceColumns, PieceNumbers } from '../pieces.ts';
import type { LineProblem, ReadBatch, ReadItem } from '../readers.ts';
import { SpliceColumns } from '../splice.ts';
import { ChunkDecoder, type DecodedItems } from './chunkDecoder.ts';
import { ItemsRead, Signal } from './progress.ts';
import { workerCopies, type FromScanner, type ScanJob, type ToScanner } from './protocol.ts';
import { startScanWorker } from './startWorker.ts';

/** Stands in the worker's output for its `copied` message. */
const COPIED = -1;

/**
 * Items whose piece numbers are computed (and sent) at a time once every record is in (retroactive modes). Small
 * enough that this thread relays the worker's output often while it numbers: the worker may have only
 * OUTPUT_CREDITS buffers waiting, so with slices of 32k items its copy stalled between them and finished 0.3–0.6 s
 * after the last piece; with 4k items 0.05–0.14 s after (1M events, Simplified and Original, load 4.3–5).
 */
const PIECES_SLICE = 1 << 12;

/** Where the run reports lines that were not read, as they are met. */
export type ReportLines = (problems: readonly LineProblem[], notes: ReadBatch<ReadItem>['notes']) => void;

/**
 * Resolves `job.path` with `resolver` and writes every event line, resolved, to `stdout`; returns the reader's
 * account of the lines. The output is byte for byte the single-threaded path's (resolveCommand.ts copyPass, or
 * Legacy's one pass).
 */
export async function resolveThreaded(
  job: ScanJob,
  resolver: Resolver,
  extraOf: (outcome: ResolvedOutput) => string,
  stdout: Writable,
  report: ReportLines,
): Promise<LineAccount | undefined> {
  const worker = startScanWorker(job);
  try {
    return await new MainThread(job, worker, resolver, extraOf, stdout, report).run();
  } finally {
    await worker.terminate();
  }
}

class MainThread {
  private readonly signal = new Signal();
  private readonly decoder = new ChunkDecoder();
  private readonly receipts = new IngestReceipts();
  /** Made with the final view, once pieces are numbered. */
  private numbers: PieceNumbers | undefined;
  private readonly columns = new SpliceColumns();
  private readonly pieces = new PieceColumns();
  private readonly read = new ItemsRead();
  /** The worker's output in order: buffers, then COPIED. */
  private readonly output: Array<Uint8Array | typeof COPIED> = [];
  private readonly relay: OutputRelay;
  /** Legacy freezes each event's id at ingestion (L-3): its pieces are known batch by batch. */
  private readonly streaming: boolean;
  /** Whether this thread copies the file (Legacy: protocol.ts workerCopies), so keeps the splice columns. */
  private readonly copiesHere: boolean;
  private account: LineAccount | undefined;
  /** Items ingested so far (receipts are kept per batch in Legacy, for the whole stream otherwise). */
  private items = 0;
  /** The final view: live as records come (Legacy), asked for only once every record is in (the others). */
  private view: ResolutionView | undefined;
  /** The engine's ways in for the decoder's items, each with this run's receipts. */
  private readonly ingest: DecodedItems = {
    record: (record: StreamRecord) => this.resolver.ingest(record, this.receipts),
    event: (event: NumberedEvent) => this.resolver.ingestNumbered(event, this.receipts),
  };

  constructor(
    private readonly job: ScanJob,
    private readonly worker: Worker,
    private readonly resolver: Resolver,
    private readonly extraOf: (outcome: ResolvedOutput) => string,
    private readonly stdout: Writable,
    private readonly report: ReportLines,
  ) {
    this.relay = new OutputRelay(stdout);
    this.streaming = !modeRules(resolver.mode).retroactive;
    this.copiesHere = !workerCopies(this.streaming);
  }

  async run(): Promise<LineAccount | undefined> {
    const messages = new WorkerMessages(
      this.worker,
      (piece) => {
        this.output.push(piece);
        this.signal.changed();
      },
      (error) => this.signal.fail(error),
    );
    // The engine takes the worker's batches while this thread's copy waits for what it needs (or the worker's
    // output); an error on either side stops both.
    void this.receive(messages).catch((error: unknown) => this.signal.fail(error));
    await this.copy();
    return this.account;
  }

  private async receive(messages: WorkerMessages): Promise<void> {
    for (;;) {
      const message = await messages.next();
      if (message.type === 'batch') {
        this.report(message.problems, message.notes);
        if (this.streaming) this.receipts.clear();
        this.decoder.decode(message.chunk, this.ingest, this.copiesHere ? this.columns : undefined);
        const { buffer, bytes } = message.chunk;
        this.send({ type: 'ingested', buffer, bytes }, bytes === undefined ? [buffer] : [buffer, bytes]);
        this.items += message.chunk.counts.items;
        if (this.streaming) this.resolvePieces(0, this.receipts.count);
        this.read.batchRead(this.items);
      } else if (message.type === 'scanned') {
        this.account = message.account;
        this.read.finish();
        if (!this.streaming) await this.resolveAll();
        this.signal.changed();
        return;
      }
      this.signal.changed();
    }
  }

  /** Every record is in: the pieces of all of them, a slice at a time so output keeps flowing in between. */
  private async resolveAll(): Promise<void> {
    for (let at = 0; at < this.receipts.count; at += PIECES_SLICE) {
      this.resolvePieces(at, Math.min(this.receipts.count, at + PIECES_SLICE));
      this.signal.changed();
      await nextTurn();
    }
  }

  /** Numbers the pieces of receipts from…end-1, keeps them for this thread's copy and sends them to the worker's. */
  private resolvePieces(from: number, end: number): void {
    const resolver = this.resolver;
    const view = (this.view ??= resolver.result().final());
    const numbers = (this.numbers ??= new PieceNumbers(view, (n) => resolver.idText(n), this.extraOf));
    const ids = new Int32Array(end - from);
    const extras = new Int32Array(end - from);
    for (let at = from, i = 0; at < end; at++, i++) {
      numbers.number(this.receipts, at);
      ids[i] = numbers.id;
      extras[i] = numbers.extra;
    }
    const fresh = numbers.take();
    if (this.copiesHere) this.pieces.add(ids, extras, fresh);
    else this.send({ type: 'pieces', ids, extras, fresh }, [ids.buffer, extras.buffer]);
  }

  /** This thread's share of the copy, with the worker's share written in its place, in the file's order. */
  private async copy(): Promise<void> {
    if (!this.copiesHere) return this.relayAll();
    const out = new ByteWriter(this.stdout);
    await copyResolved(
      {
        path: this.job.path,
        columns: this.columns,
        piecesAt: (index) => this.pieces.of(index),
        beforeChunk: (chunk) => this.signal.until(() => this.read.canCopy(chunk, this.pieces)),
      },
      out,
    );
    await out.flush();
  }

  /** Writes all of the worker's output (it copies every chunk), until it says it is done. */
  private async relayAll(): Promise<void> {
    for (;;) {
      await this.signal.until(() => this.output.length > 0);
      const piece = this.output.shift()!;
      if (piece === COPIED) return;
      await this.pass(piece);
      if (this.relay.isClosed) return;
    }
  }

  /**
   * Writes one of the worker's buffers. It goes back to be filled again once written: no megabyte is allocated per
   * megabyte of output, and none is freed by this thread into the worker's allocator.
   */
  private async pass(bytes: Uint8Array): Promise<void> {
    await this.relay.pass(bytes, () => this.send({ type: 'written', bytes }, [bytes.buffer as ArrayBuffer]));
  }

  private send(message: ToScanner, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/**
 * The worker's messages: its output (`out`, `copied`) goes straight to `onOutput` as it arrives, the rest is
 * read in order with `next()`; an error in the worker (or its early exit) rejects the next read.
 */
class WorkerMessages {
  private readonly queue: FromScanner[] = [];
  private head = 0;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    worker: Worker,
    onOutput: (piece: Uint8Array | typeof COPIED) => void,
    private readonly onFailure: (error: Error) => void,
  ) {
    worker.on('message', (message: FromScanner) => {
      if (message.type === 'out') onOutput(message.bytes);
      else if (message.type === 'copied') onOutput(COPIED);
      else {
        this.queue.push(message);
        this.wake?.();
      }
    });
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the scanning worker stopped (exit code ${code})`)));
  }

  async next(): Promise<FromScanner> {
    while (this.head === this.queue.length) {
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>((wake) => (this.wake = wake));
      this.wake = undefined;
    }
    const message = this.queue[this.head++]!;
    if (this.head > 1024) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return message;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
    this.onFailure(error);
  }
}

/** Writes the worker's buffers to standard output with its backpressure; a closed pipe (EPIPE) stops quietly. */
class OutputRelay extends PipeWriter {
  /**
   * A stream over a file descriptor (standard output as a file, pipe or terminal) is done with a buffer once its
   * write callback runs; any other stream (a test's PassThrough) may keep it, so it is given a copy.
   */
  private readonly ownsNothing: boolean;

  constructor(out: Writable) {
    super(out);
    this.ownsNothing = typeof (out as { fd?: unknown }).fd === 'number';
  }

  /** Writes `bytes`; `written` runs once the buffer may be filled again. */
  async pass(bytes: Uint8Array, written: () => void): Promise<void> {
    let done = written;
    if (!this.ownsNothing) {
      const copy = Buffer.from(bytes);
      written();
      bytes = copy;
      done = () => {};
    }
    if (!this.write(bytes, done)) await this.roomOrClosed();
  }
}
