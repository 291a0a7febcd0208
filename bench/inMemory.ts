// Times in-memory resolution of a whole file under one mode: events parsed first (not timed), then resolve(),
// three times; the first run includes the JIT warming up, the best is the steady state.
import { readFileSync } from 'node:fs';
import { resolve, type Mode, type ResolveInput } from '../src/engine/index.ts';

const [path, mode] = process.argv.slice(2) as [string, Mode];
const events = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as ResolveInput);
const runs: number[] = [];
let clusters = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const resolution = resolve(events, mode);
  runs.push(performance.now() - start);
  clusters = resolution.final().clusters().length;
}
process.stdout.write(
  JSON.stringify({ firstMs: runs[0], bestMs: Math.min(...runs), events: events.length, clusters }),
);
