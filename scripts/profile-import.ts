// Times the browser's import pipeline (the worker's ImportSession) in Node, phase by phase, on a file:
// `npx tsx scripts/profile-import.ts FILE [mode]`; add `node --cpu-prof` through tsx's NODE_OPTIONS to profile.
// Node runs the same code the worker runs, so this finds where an import's time goes without a browser.
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Mode } from '../src/engine/index.ts';
import { ImportSession } from '../src/worker/importSession.ts';

async function* textChunks(path: string): AsyncGenerator<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }))
    yield chunk as string;
}

async function main(): Promise<void> {
  const [path, mode = 'simplified'] = process.argv.slice(2);
  if (path === undefined) throw new Error('usage: profile-import.ts FILE [mode]');
  const session = new ImportSession();
  let started = performance.now();
  await session.load(
    textChunks(path),
    { format: 'auto', rederive: false },
    () => {},
    () => false,
    {
      mode: mode as Mode,
      options: {},
    },
  );
  const summary = session.summary();
  console.log(
    `load + resolve (${mode}): ${((performance.now() - started) / 1000).toFixed(2)} s, ${summary.records} records`,
  );
  const heap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return `heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`;
  };
  console.log(heap());
  for (const other of ['original', 'legacy'] as Mode[]) {
    started = performance.now();
    session.resolveAs(other, {});
    console.log(`cold switch to ${other}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  for (const other of ['simplified', 'original', 'legacy'] as Mode[]) {
    started = performance.now();
    session.resolveAs(other, {});
    console.log(`switch back to ${other}: ${(performance.now() - started).toFixed(1)} ms`);
  }
  console.log(heap(), '(three modes kept)');
}

void main();
