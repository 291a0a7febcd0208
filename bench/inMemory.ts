// Times in-memory resolution of a whole file under one mode: events parsed first (not timed), then resolve().
import { readFileSync } from 'node:fs';
import { resolve, type Mode } from '../src/engine/index.ts';

const [path, mode] = process.argv.slice(2) as [string, Mode];
const events = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as object);
const start = performance.now();
const resolution = resolve(events as Parameters<typeof resolve>[0], mode);
const ms = performance.now() - start;
const clusters = resolution.final().clusters().length;
process.stdout.write(JSON.stringify({ ms, events: resolution.size, clusters }));
