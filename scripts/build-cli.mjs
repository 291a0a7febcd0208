// `npm run prepare` (which `npm ci` runs): bundles the TypeScript CLI once with esbuild into build/cli, so
// `idmerge` starts without transpiling anything (issue #14). Every command the dispatcher imports, statically or
// lazily, is followed; lazy ones become their own chunks, so `idmerge --help` loads only the dispatcher.
// Packages stay external: they are resolved from node_modules at run time, native ones (DuckDB, chdb) included.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'build', 'cli');
const staging = `${target}.${process.pid}`;

const started = performance.now();
const result = await build({
  // The worker thread of `idmerge resolve` is an entry of its own (src/cli/threads/startWorker.ts finds it).
  entryPoints: {
    main: join(root, 'src', 'cli', 'main.ts'),
    scanWorker: join(root, 'src', 'cli', 'threads', 'scanWorker.ts'),
  },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

// The sources the build read: bin/idmerge.mjs compares their times with the build's to notice a stale build.
const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
writeFileSync(
  join(staging, 'inputs.json'),
  JSON.stringify(inputs.map((input) => relative(root, join(process.cwd(), input)))),
);
// Swap the finished build in as a whole, so a concurrent `idmerge` never sees half of one.
mkdirSync(dirname(target), { recursive: true });
rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
console.log(
  `idmerge CLI built into ${relative(root, target)} (${inputs.length} sources, ${Math.round(performance.now() - started)} ms)`,
);
