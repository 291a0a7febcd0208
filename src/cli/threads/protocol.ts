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
 * (`out`, in order) then `chunkDone`.
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
  | { readonly type: 'chunkDone'; readonly chunk: number };

/**
 * Which thread copies chunk `chunk` (a million bytes) of the file out: both read every chunk and count its lines,
 * each splices and writes its own, and the main thread writes them all to standard output in order. Legacy's main
 * thread also runs the engine while the file is read (ids are final at once, L-3), so it leaves the worker fewer
 * chunks; in the other modes the copy starts after the engine has read everything, and the two share it evenly.
 */
export function workerCopies(chunk: number, streaming: boolean): boolean {
  return streaming ? chunk % 3 === 0 : chunk % 2 === 0;
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
