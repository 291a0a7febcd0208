// The SQL rows of `npm run bench` (issue #15): the same stream resolved by the generated SQL on embedded DuckDB
// (`idmerge resolve --engine duckdb`, the whole command), on ClickHouse's engine (chdb) and on a local PostgreSQL
// server (load + script). BENCH_SQL=0 leaves them out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, type Mode } from '../src/engine/index.ts';
import { findPostgresBin, startPostgres, type PostgresServer } from '../src/sql/test/postgresServer.ts';
import type { BenchEngine, Measured } from './engines.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'idmerge.mjs');
const ENGINE_SCRIPT = join(import.meta.dirname, 'sqlEngine.ts');
/** Every mode: Original runs its identity events in ordered rounds (docs/warehouse.md). */
const SQL_MODES: readonly Mode[] = MODES;

const duckdb: BenchEngine = {
  name: 'idmerge resolve --engine duckdb',
  modes: SQL_MODES,
  command: (path, mode) => [BIN, 'resolve', '--engine', 'duckdb', '--mode', mode, path],
};

const chdb: BenchEngine = {
  name: 'ClickHouse 26.7 (chdb): load + SQL',
  modes: SQL_MODES,
  command: (path, mode) => ['--import', 'tsx', ENGINE_SCRIPT, 'chdb', path, mode],
};

let server: PostgresServer | undefined;

/** One server for the whole bench, stopped when the bench exits. */
async function postgresUrl(): Promise<string> {
  if (server === undefined) {
    const bin = findPostgresBin();
    if (bin === undefined) throw new Error('no PostgreSQL binaries');
    const started = await startPostgres(bin);
    server = started;
    process.on('exit', () => started.stop());
  }
  return server.url;
}

/** The loading client runs in a fresh process; its RSS is reported (the server's own memory is not). */
const postgres: BenchEngine = {
  name: 'PostgreSQL 15 (local): load + SQL, client RSS',
  modes: SQL_MODES,
  unavailable: () =>
    findPostgresBin() === undefined ? 'no server binaries: apt-get install -y postgresql' : undefined,
  measure: async (path, mode) =>
    runNode(['--import', 'tsx', ENGINE_SCRIPT, 'postgres', path, mode, await postgresUrl()]),
};

function runNode(args: readonly string[]): Measured {
  const rssFile = join(import.meta.dirname, 'out', 'peak-rss-sql');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'peakRss.mjs'), ...args], {
    env: { ...process.env, IDMERGE_PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited with ${child.status}`);
  return { seconds, peakRssMb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 2 ** 20 : NaN };
}

/** The SQL engines, appended to BENCH_ENGINES. */
export const SQL_BENCH_ENGINES: readonly BenchEngine[] =
  process.env['BENCH_SQL'] === '0' ? [] : [duckdb, chdb, postgres];
