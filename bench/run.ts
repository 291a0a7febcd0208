// `npm run bench`: seeded event streams (100k and 1M events by default), each read by a bare read + JSON.parse and
// resolved by every engine in bench/engines.ts in every mode; one table of best and median times, the ratio to the
// bare parse measured in the same rounds, and peak RSS, so growth with size is visible.
//   BENCH_SIZES=100000,1000000,10000000  BENCH_RUNS=3  npm run bench
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Mode } from '../src/engine/index.ts';
import { BENCH_ENGINES, type BenchEngine, type Measured } from './engines.ts';
import { DEFAULT_SHAPE, writeStream } from './generate.ts';
import { OUT, summarise, timeNode } from './measure.ts';

const sizes = (process.env['BENCH_SIZES'] ?? '100000,1000000').split(',').map(Number);
const runs = Number(process.env['BENCH_RUNS'] ?? 3);

async function ensureStream(events: number): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const shape = { ...DEFAULT_SHAPE, events, users: Math.round(events / 10), devices: Math.round(events / 5) };
  const path = join(OUT, `events-${events}-seed${shape.seed}.ndjson`);
  if (!existsSync(path)) {
    console.log(
      `generating ${events.toLocaleString()} events (${shape.users} users, ${shape.devices} devices)…`,
    );
    await writeStream(path, shape);
  }
  return path;
}

function runOnce(engine: BenchEngine, path: string, mode: Mode): Promise<Measured> {
  if (engine.command) return Promise.resolve(timeNode(engine.command(path, mode)));
  if (engine.measure) return engine.measure(path, mode);
  throw new Error(`${engine.name} has neither command nor measure`);
}

interface Row {
  readonly events: string;
  readonly what: string;
  readonly mode: string;
  readonly best: string;
  readonly median: string;
  readonly ratio: string;
  readonly rss: string;
}

const seconds = (value: number) => value.toFixed(2);

async function measureSize(events: number): Promise<Row[]> {
  const path = await ensureStream(events);
  const engines: BenchEngine[] = [];
  for (const engine of BENCH_ENGINES) {
    const why = await engine.unavailable?.();
    if (why === undefined) engines.push(engine);
    else console.log(`${engine.name}: skipped (${why})`);
  }
  const bare: Measured[] = [];
  const timed = new Map<string, Measured[]>();
  // Rounds interleave the bare parse and every engine, so a burst of load from elsewhere hits them alike.
  for (let round = 0; round < runs; round++) {
    bare.push(timeNode([join(import.meta.dirname, 'bareParse.mjs'), path]));
    for (const engine of engines)
      for (const mode of engine.modes) {
        const key = `${engine.name}\t${mode}`;
        timed.set(key, [...(timed.get(key) ?? []), await runOnce(engine, path, mode)]);
      }
  }
  const base = summarise(bare);
  const label = events.toLocaleString('en');
  const rows: Row[] = [{ events: label, what: 'bare read + JSON.parse', mode: '', ...figures(base, base) }];
  for (const [key, measured] of timed) {
    const [what = '', mode = ''] = key.split('\t');
    rows.push({ events: label, what, mode, ...figures(summarise(measured), base) });
  }
  console.log(`${label} events: ${(statSync(path).size / 2 ** 20).toFixed(0)} MB, ${runs} rounds`);
  return rows;
}

function figures(run: ReturnType<typeof summarise>, base: ReturnType<typeof summarise>) {
  return {
    best: seconds(run.best),
    median: seconds(run.median),
    ratio: `${(run.best / base.best).toFixed(2)} / ${(run.median / base.median).toFixed(2)}`,
    rss: run.peakRssMb.toFixed(0),
  };
}

const HEADINGS: Record<keyof Row, string> = {
  events: 'events',
  what: 'what',
  mode: 'mode',
  best: 'best s',
  median: 'median s',
  ratio: '× bare (best / median)',
  rss: 'peak RSS MB',
};

function printTable(rows: readonly Row[]): void {
  const keys = Object.keys(HEADINGS) as (keyof Row)[];
  const width = (key: keyof Row) => Math.max(HEADINGS[key].length, ...rows.map((row) => row[key].length));
  const line = (cells: Record<keyof Row, string>) =>
    `| ${keys.map((key) => cells[key].padEnd(width(key))).join(' | ')} |`;
  console.log(line(HEADINGS));
  console.log(`| ${keys.map((key) => '-'.repeat(width(key))).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

console.log(
  `node ${process.version}, ${execFileSync('nproc').toString().trim()} cores (shared: compare ratios, not seconds)`,
);
const rows: Row[] = [];
for (const events of sizes) rows.push(...(await measureSize(events)));
printTable(rows);
