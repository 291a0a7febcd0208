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
 * Worker → main: every batch, then `scanned`; meanwhile, for each chunk of the file the worker copies, its output
 * (`out`, in order) then `chunkDone`; `copied` once its last output is posted.
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
  | { readonly type: 'chunkDone'; readonly chunk: number }
  | { readonly type: 'copied' };

/**
 * Which thread copies chunk `chunk` (a million bytes) of the file out; the main thread writes every chunk to
 * standard output in order. Legacy (ids final at ingestion, L-3) copies while the file is read: the worker, busier
 * with scanning, copies one chunk in three, the main thread (which reads every chunk and counts its lines) the rest.
 * In the retroactive modes the copy waits for the end of the stream, when the main thread is busy numbering every
 * event's pieces (profiled: ~0.5 s at 1M events, about as long as the whole copy): the worker copies every chunk,
 * and the main thread keeps no splice columns nor piece numbers (measured sharing it evenly: +0.4 s of CPU, +38 MB).
 */
export function workerCopies(chunk: number, streaming: boolean): boolean {
  return streaming ? chunk % 3 === 0 : true;
}

/** Main → worker: the piece numbers of the next items (in order) with the piece texts new to the worker; `written`: an `out` buffer given back to be filled again; `ingested`: a batch's buffer given back. */
export type ToScanner =
  | {
      readonly type: 'pieces';
      readonly ids: Int32Array;
      readonly extras: Int32Array;
      readonly fresh: { readonly ids: string[]; readonly extras: string[] } | undefined;
    }
  | { readonly type: 'written'; readonly bytes: Uint8Array }
  | { readonly type: 'ingested'; readonly buffer: ArrayBuffer };

/** How many batches the worker may be ahead of the engine (each read batch is held until ingested). */
export const BATCH_CREDITS = 6;

/** How many output buffers (a million bytes each) may wait for the main thread to write them. */
export const OUTPUT_CREDITS = 4;
