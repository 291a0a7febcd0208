// What `npm run bench` measures against the bare parse: idmerge itself, and any other engine that resolves the same
// stream (the warehouse work adds its embedded SQL engines here). Each row is one engine under one mode.
import { join } from 'node:path';
import { MODES, type Mode } from '../src/engine/index.ts';
import { SQL_BENCH_ENGINES } from './sql.ts';

/** One measured run: wall time and the peak resident memory of the process (or server) that did the work. */
export interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number;
}

/**
 * An engine the bench table compares with a bare read + JSON.parse. Give either `command` (the bench runs it in a
 * fresh node process and measures its time and peak RSS) or `measure` (for work done elsewhere, e.g. in a database
 * server, where the provider knows best what to time and which memory to report).
 */
export interface BenchEngine {
  /** The table's label, e.g. "idmerge resolve" or "DuckDB (embedded)". */
  readonly name: string;
  /** The modes it can resolve; it gets one row per mode. */
  readonly modes: readonly Mode[];
  /** Why it cannot run on this machine now (no server, no package), or undefined when it can. */
  unavailable?(): string | undefined | Promise<string | undefined>;
  /** Node arguments (script and its arguments) that resolve `path` under `mode`, writing the result to stdout. */
  command?(path: string, mode: Mode): readonly string[];
  measure?(path: string, mode: Mode): Promise<Measured>;
}

const bin = join(import.meta.dirname, '..', 'bin', 'idmerge.mjs');

/** The CLI as a user runs it: `idmerge resolve --mode M FILE`, output written (to /dev/null). */
export const idmergeResolve: BenchEngine = {
  name: 'idmerge resolve',
  modes: MODES,
  command: (path, mode) => [bin, 'resolve', '--mode', mode, path],
};

/**
 * Other checkouts' CLIs (BENCH_COMPARE_BIN=/path/to/bin/idmerge.mjs, several separated by commas): before and after
 * in the same rounds.
 */
function compared(bin: string): BenchEngine {
  return {
    ...idmergeResolve,
    name: `idmerge resolve (${bin})`,
    command: (path, mode) => [bin, 'resolve', '--mode', mode, path],
  };
}

const compareBin = process.env['BENCH_COMPARE_BIN'];

/** Every engine in the table, idmerge first. Add a row provider by importing it and appending it here. */
export const BENCH_ENGINES: BenchEngine[] = [
  idmergeResolve,
  ...(compareBin === undefined ? [] : compareBin.split(',').map((bin) => compared(bin.trim()))),
  ...SQL_BENCH_ENGINES,
];
