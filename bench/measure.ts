// Runs one node script in a fresh process (so one measurement's heap never burdens another) and reports its wall
// time and peak RSS (read by peakRss.mjs from inside the process as it exits).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Measured } from './engines.ts';

export const OUT = join(import.meta.dirname, 'out');

export function timeNode(args: readonly string[]): Measured {
  mkdirSync(OUT, { recursive: true });
  const rssFile = join(OUT, `peak-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'peakRss.mjs'), ...args], {
    env: { ...process.env, IDMERGE_PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`);
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 2 ** 20 : NaN;
  return { seconds, peakRssMb };
}

/** The best and the median of repeated measurements (the machine is shared, so single runs are noisy). */
export function summarise(runs: readonly Measured[]) {
  const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b);
  return {
    best: seconds[0] ?? NaN,
    median:
      ((seconds[Math.floor((seconds.length - 1) / 2)] ?? NaN) +
        (seconds[Math.floor(seconds.length / 2)] ?? NaN)) /
      2,
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  };
}
