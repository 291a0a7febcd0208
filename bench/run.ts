// `npm run bench`: a seeded million-event stream, resolved in memory and by `idmerge resolve`, against a bare parse.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, type Mode } from '../src/engine/index.ts';
import { DEFAULT_SHAPE, writeStream } from './generate.ts';

const OUT = join(import.meta.dirname, 'out');
const events = Number(process.env['BENCH_EVENTS'] ?? DEFAULT_SHAPE.events);
const shape = { ...DEFAULT_SHAPE, events, users: Math.round(events / 10), devices: Math.round(events / 5) };

interface Timed {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

/** Runs a node script in a fresh process (so one measurement's heap never burdens another). */
function timeNode(args: readonly string[], discardStdout: boolean): Timed {
  const rssFile = join(OUT, 'peak-rss');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'peakRss.mjs'), ...args], {
    env: { ...process.env, IDMERGE_PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}`);
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 2 ** 20 : NaN;
  return { seconds, peakRssMb, stdout: run.stdout ?? '' };
}

async function ensureStream(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `events-${shape.events}-seed${shape.seed}.ndjson`);
  if (!existsSync(path)) {
    console.log(
      `generating ${shape.events.toLocaleString()} events (${shape.users} users, ${shape.devices} devices)…`,
    );
    await writeStream(path, shape);
  }
  return path;
}

function measureMode(path: string, mode: Mode, bare: Timed) {
  const memory = timeNode(
    ['--max-old-space-size=4096', '--import', 'tsx', join(import.meta.dirname, 'inMemory.ts'), path, mode],
    false,
  );
  const { firstMs, bestMs, clusters } = JSON.parse(memory.stdout) as {
    firstMs: number;
    bestMs: number;
    clusters: number;
  };
  const cli = timeNode(
    [join(import.meta.dirname, '..', 'bin', 'idmerge.mjs'), 'resolve', '--mode', mode, path],
    true,
  );
  return {
    mode,
    'resolve in memory, first (s)': (firstMs / 1000).toFixed(2),
    'resolve in memory, best of 3 (s)': (bestMs / 1000).toFixed(2),
    'events/s, best (M)': (events / bestMs / 1000).toFixed(2),
    clusters,
    'idmerge resolve (s)': cli.seconds.toFixed(2),
    'bare parse (s)': bare.seconds.toFixed(2),
    'ratio to bare': (cli.seconds / bare.seconds).toFixed(2),
    'CLI peak RSS (MB)': cli.peakRssMb.toFixed(0),
  };
}

const path = await ensureStream();
const sizeMb = statSync(path).size / 2 ** 20;
console.log(
  `stream: ${path} (${sizeMb.toFixed(0)} MB), node ${process.version}, ${execFileSync('nproc').toString().trim()} cores`,
);
const bare = timeNode([join(import.meta.dirname, 'bareParse.mjs'), path], true);
console.log(`bare read + JSON.parse: ${bare.seconds.toFixed(2)} s, peak RSS ${bare.peakRssMb.toFixed(0)} MB`);
console.table(MODES.map((mode) => measureMode(path, mode, bare)));
