#!/usr/bin/env node
// `npx idmerge`: runs the CLI that `npm ci` built (its `prepare` script bundles src/cli into build/cli), so starting
// costs no transpiling. Without a build, or with one older than its sources, it runs the TypeScript through tsx.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`idmerge simulate x | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'build', 'cli', 'main.mjs');

/** Why the build cannot be used (missing, or a source changed after it), or undefined when it can. */
function staleness() {
  if (!existsSync(built)) return 'the CLI build is missing';
  const builtAt = statSync(built).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'build', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return 'the CLI build is incomplete';
  }
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path)) return `${input} was removed after the CLI build`;
    if (statSync(path).mtimeMs > builtAt) return `${input} changed after the CLI build`;
  }
  return undefined;
}

const problem = process.env.IDMERGE_FROM_SOURCE ? 'IDMERGE_FROM_SOURCE is set' : staleness();
let runCli;
if (problem === undefined) ({ runCli } = await import(built));
else {
  if (!process.env.IDMERGE_FROM_SOURCE)
    process.stderr.write(
      `idmerge: ${problem}; running from source (slower start; \`npm run prepare\` rebuilds)\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
