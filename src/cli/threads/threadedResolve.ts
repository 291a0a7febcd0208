// `idmerge resolve` on NDJSON with two threads (issue #14): a worker reads, scans and, at the end, copies the file;
// this thread runs the engine on what it sends and writes the copy to standard output. Reading and resolving overlap
// on two cores; what crosses is typed arrays and each distinct string once (eventChunk.ts).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { IngestReceipts, modeRules, type ResolvedOutput, type Resolver } from '../../engine/index.ts';
import type { LineAccount } from '../../io/index.ts';
import { PipeWriter } from '../io.ts';
import { PieceNumbers } from '../pieces.ts';
import type { LineProblem, ReadBatch, ReadItem } from '../readers.ts';
import { ChunkDecoder } from './eventChunk.ts';
import type { FromScanner, ScanJob, ToScanner } from './protocol.ts';
import { startScanWorker } from './startWorker.ts';

/** Items whose piece numbers are sent in one message (the retroactive modes send them all at the end). */
const PIECES_SLICE = 1 << 15;

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
    return await new MainThread(worker, resolver, extraOf, stdout, report).run();
  } finally {
    await worker.terminate();
  }
}

class MainThread {
  private readonly messages: WorkerMessages;
  private readonly decoder = new ChunkDecoder();
  private readonly receipts = new IngestReceipts();
  private readonly numbers: PieceNumbers;
  private readonly relay: OutputRelay;
  /** Legacy freezes each event's id at ingestion (L-3): its pieces can be sent batch by batch. */
  private readonly streaming: boolean;
  private account: LineAccount | undefined;
  /** Receipts whose pieces are sent (retroactive modes: all receipts are kept until the end). */
  private sent = 0;
  private scanned = false;
  /** The final view: live as records come (Legacy), asked for only once every record is in (the others). */
  private view: ReturnType<ReturnType<Resolver['result']>['final']> | undefined;

  constructor(
    private readonly worker: Worker,
    private readonly resolver: Resolver,
    extraOf: (outcome: ResolvedOutput) => string,
    stdout: Writable,
    private readonly report: ReportLines,
  ) {
    this.messages = new WorkerMessages(worker);
    this.numbers = new PieceNumbers(extraOf);
    this.relay = new OutputRelay(stdout);
    this.streaming = !modeRules(resolver.mode).retroactive;
  }

  async run(): Promise<LineAccount | undefined> {
    const ingest = (record: Parameters<Resolver['ingest']>[0]) => this.resolver.ingest(record, this.receipts);
    for (;;) {
      // After the last batch (retroactive modes), pieces are sent slice by slice between the worker's messages.
      if (this.scanned && this.sent < this.receipts.count && !this.messages.ready) {
        this.sendPieces(Math.min(this.receipts.count, this.sent + PIECES_SLICE));
        await nextTurn();
        continue;
      }
      const message = await this.messages.next();
      switch (message.type) {
        case 'batch':
          this.report(message.problems, message.notes);
          if (this.streaming) {
            this.receipts.clear();
            this.sent = 0;
          }
          this.decoder.decode(message.chunk, ingest);
          this.send({ type: 'ingested', buffer: message.chunk.buffer }, [message.chunk.buffer]);
          if (this.streaming) this.sendPieces(this.receipts.count);
          break;
        case 'scanned':
          this.account = message.account;
          this.scanned = true;
          break;
        case 'out': {
          const { bytes } = message;
          // The buffer goes back to the worker to be filled again once written: no megabyte is allocated per
          // megabyte of output, and none is freed by this thread into the worker's allocator.
          await this.relay.pass(bytes, () =>
            this.send({ type: 'written', bytes }, [bytes.buffer as ArrayBuffer]),
          );
          if (this.relay.isClosed) return this.account;
          break;
        }
        case 'copied':
          return this.account;
      }
    }
  }

  /** Sends the piece numbers of receipts sent…end-1 (with the texts new since the last send). */
  private sendPieces(end: number): void {
    const view = (this.view ??= this.resolver.result().final());
    const count = end - this.sent;
    const ids = new Int32Array(count);
    const extras = new Int32Array(count);
    for (let at = this.sent, i = 0; at < end; at++, i++) {
      const outcome = view.outputOf(this.receipts, at);
      ids[i] = this.numbers.id(outcome);
      extras[i] = this.numbers.extra(outcome);
    }
    this.sent = end;
    this.send({ type: 'pieces', ids, extras, fresh: this.numbers.take() }, [ids.buffer, extras.buffer]);
  }

  private send(message: ToScanner, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/** The worker's messages in order; an error in the worker (or its early exit) rejects the next read. */
class WorkerMessages {
  private readonly queue: FromScanner[] = [];
  private head = 0;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(worker: Worker) {
    worker.on('message', (message: FromScanner) => {
      this.queue.push(message);
      this.wake?.();
    });
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the scanning worker stopped (exit code ${code})`)));
  }

  /** Whether a message is waiting. */
  get ready(): boolean {
    return this.head < this.queue.length;
  }

  async next(): Promise<FromScanner> {
    while (!this.ready) {
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
