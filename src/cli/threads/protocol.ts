// The messages between `idmerge resolve`'s two threads (issue #14): the worker reads and scans the file and copies
// it out resolved; the main thread runs the engine and writes to standard output. One definition for both sides.
import type { Mode } from '../../engine/index.ts';
import type { LineAccount } from '../../io/index.ts';
import type { LineProblem } from '../readers.ts';
import type { EventChunk } from './eventChunk.ts';

/** What the worker is started with. */
export interface ScanJob {
  readonly path: string;
  readonly mode: Mode;
  readonly maxLineLength: number;
}

/**
 * Worker → main: every batch, then `scanned`; when the worker copies the file (workerCopies), its output (`out`, in
 * order) meanwhile, then `copied` once the last of it is posted.
 */
export type FromScanner =
  | {
      readonly type: 'batch';
      readonly chunk: EventChunk;
      readonly problems: LineProblem[];
      readonly notes: ReadonlyArray<{ readonly line: number; readonly message: string }>;
    }
  | { readonly type: 'scanned'; readonly account: LineAccount | undefined }
  | { readonly type: 'out'; readonly bytes: Uint8Array }
  | { readonly type: 'copied' };

/**
 * Which thread copies the file out with the resolved ids spliced in (the main thread writes it to standard output
 * either way); the other keeps no splice columns nor piece numbers, and does not read the file again.
 * - Retroactive modes: the copy waits for the end of the stream, when the main thread numbers every event's pieces
 *   (profiled: ~0.5 s at 1M events, about as long as the whole copy): the worker copies, as the numbers come.
 * - Legacy (ids final at ingestion, L-3) copies while the file is read, and the worker, which scans, is the busier
 *   thread then: the main thread copies. (Measured, 1M events, load 4.5–5.4, 4 runs each: CPU min 3.81–3.96 s
 *   against 4.15–4.22 s with the worker copying one chunk in three.)
 */
export function workerCopies(streaming: boolean): boolean {
  return !streaming;
}

/**
 * Which thread numbers the ids read from bytes (its id table: a lookup per id of every event), the one with time to
 * spare: in the retroactive modes the main thread waits on the worker's scan until the last batch (profiled,
 * Simplified, 1M: main idle ~1.9 s of a 4 s run, the worker ~0.2 s), so it numbers them; in Legacy the main thread
 * also copies while the file is read, and the worker numbers them. Measured, 1M, 3 rounds, best × a bare parse:
 * main numbering, Simplified 1.56× and Original 1.47× against 2.05× and 2.12× for the worker; Legacy 1.91× against
 * 1.41×.
 */
export function workerNumbersIds(streaming: boolean): boolean {
  return streaming;
}

/** Main → worker: the piece numbers of the next items (in order) with the piece texts new to the worker; `written`: an `out` buffer given back to be filled again; `ingested`: a batch's buffer (and its file bytes) given back. */
export type ToScanner =
  | {
      readonly type: 'pieces';
      readonly ids: Int32Array;
      readonly extras: Int32Array;
      readonly fresh: { readonly ids: string[]; readonly extras: string[] } | undefined;
    }
  | { readonly type: 'written'; readonly bytes: Uint8Array }
  | { readonly type: 'ingested'; readonly buffer: ArrayBuffer; readonly bytes: ArrayBuffer | undefined };

/** How many batches the worker may be ahead of the engine (each read batch is held until ingested). */
export const BATCH_CREDITS = 6;

/** How many output buffers (a million bytes each) may wait for the main thread to write them. */
export const OUTPUT_CREDITS = 4;
