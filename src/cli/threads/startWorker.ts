// Starting the scanning worker from wherever the CLI runs: the esbuild bundle (build/cli/scanWorker.mjs, built by
// scripts/build-cli.mjs next to main.mjs) or the TypeScript sources through tsx (bin/idmerge.mjs's fallback, tests).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScanJob } from './protocol.ts';

/** The bundle's entry name for the worker (scripts/build-cli.mjs builds it under this name). */
export const WORKER_BUNDLE_NAME = 'scanWorker.mjs';

/** Starts the worker of `idmerge resolve` on `job`. */
export function startScanWorker(job: ScanJob): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return fromSource(new URL('./scanWorker.ts', here).href, job);
  // Bundled: this code sits in main.mjs or in a chunk one folder down.
  for (const candidate of [`./${WORKER_BUNDLE_NAME}`, `../${WORKER_BUNDLE_NAME}`]) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, { workerData: job });
  }
  throw new Error(`the CLI build has no ${WORKER_BUNDLE_NAME}: run \`npm run prepare\``);
}

/**
 * A worker's entry cannot be TypeScript by itself (Node 20 does not apply `--import tsx` to a worker's main
 * module): a small CommonJS entry registers tsx, then imports the worker's source.
 */
function fromSource(url: string, job: ScanJob): Worker {
  const tsx = JSON.stringify(tsxEsmApi());
  const entry = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(entry, { eval: true, workerData: job });
}

/** The file URL of tsx's ESM API (`tsx/esm/api` as an import sees it; require would get its CommonJS twin). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}
