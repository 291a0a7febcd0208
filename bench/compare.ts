// `npm run bench:compare`: `idmerge compare` (every mode, one read) against one `idmerge resolve`, on the same
// seeded million-event stream `npm run bench` uses. Target (issue #13): compare ≤ 2× resolve.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SHAPE, writeStream } from './generate.ts';

const OUT = join(import.meta.dirname, 'out');
const BIN = join(import.meta.dirname, '..', 'bin', 'idmerge.mjs');
const events = Number(process.env['BENCH_EVENTS'] ?? DEFAULT_SHAPE.events);
const shape = { ...DEFAULT_SHAPE, events, users: Math.round(events / 10), devices: Math.round(events / 5) };

/** Wall time and peak RSS of one CLI run in a fresh process, its output discarded. */
function time(args: readonly string[]): { seconds: number; peakRssMb: number } {
  const rssFile = join(OUT, 'peak-rss');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', join(import.meta.dirname, 'peakRss.mjs'), BIN, ...args],
    {
      env: { ...process.env, IDMERGE_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`idmerge ${args.join(' ')} exited with ${run.status}`);
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 2 ** 20 : NaN;
  return { seconds, peakRssMb };
}

mkdirSync(OUT, { recursive: true });
const path = join(OUT, `events-${shape.events}-seed${shape.seed}.ndjson`);
if (!existsSync(path)) await writeStream(path, shape);
const rows = [
  ['resolve --mode simplified', ['resolve', path]],
  ['resolve --mode legacy', ['resolve', '--mode', 'legacy', path]],
  ['compare (3 modes)', ['compare', '--json', path]],
  ['compare (3 modes) + funnel', ['compare', '--json', '--funnel', 'Sign Up,Purchase', path]],
] as const;
const results = rows.map(([label, args]) => ({ label, ...time(args) }));
const base = results[0]!.seconds;
console.table(
  results.map(({ label, seconds, peakRssMb }) => ({
    run: label,
    seconds: seconds.toFixed(2),
    'ratio to resolve (simplified)': (seconds / base).toFixed(2),
    'peak RSS (MB)': peakRssMb.toFixed(0),
  })),
);
