// `npm run fuzz [-- --runs N --seed S --only TEXT]`: the reader properties of src/io/test/fuzz.ts and the app's doors of
// src/app/test/doors.ts (issue #11), for longer than the unit suite runs them. Prints the seed first, so any failure can be replayed exactly with --seed.
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { DOOR_PROPERTIES } from '../src/app/test/doors.ts';
import { fetchLibrary } from '../src/scenarios/library/shelf.ts';
import { READER_PROPERTIES } from '../src/io/test/fuzz.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    /** Only the properties whose name contains this text (e.g. `URL`). */
    only: { type: 'string', default: '' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
console.log(
  `fuzz: seed ${seed}, ${runs} runs per property (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`,
);

let failed = 0;
let cases = 0;
// The doors open library scenarios by URL: their bodies load first, as the page loads them before reading a URL.
await fetchLibrary();
for (const [name, property] of Object.entries({ ...READER_PROPERTIES, ...DOOR_PROPERTIES })) {
  if (!name.includes(values.only)) continue;
  const started = performance.now();
  const result = fc.check(property(), { numRuns: runs, seed });
  cases += result.numRuns;
  const took = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    console.log(`✗ ${name}: failed after ${result.numRuns} runs (${took} s)`);
    console.log(`  counterexample: ${fc.stringify(result.counterexample)}`);
    console.log(`  ${String(result.errorInstance)}`);
  } else console.log(`✓ ${name}: ${result.numRuns} cases (${took} s)`);
}
console.log(`fuzz: ${cases} generated cases, ${failed} properties failed (seed ${seed})`);
process.exitCode = failed === 0 ? 0 : 1;
