// bin/idmerge.mjs as `npx idmerge` runs it: the esbuild bundle that `prepare` makes (issue #14) answers exactly as
// the TypeScript sources do, and a missing or stale build falls back to the sources instead of running old code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempFile } from './test/runCli.ts';

const root = join(import.meta.dirname, '..', '..');
const STREAM = [
  { event: 'e1', properties: { $device_id: 'D1', page: 'home' } },
  { event: 'e2', properties: { $device_id: 'D1', $user_id: 'U1' } },
  { event: 'e3', properties: { distinct_id: '' } },
]
  .map((event) => JSON.stringify(event))
  .join('\n');

function bin(argv: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'idmerge.mjs'), ...argv], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/idmerge.mjs', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 60_000);

  it.each([
    [['--help']],
    [['resolve', '--mode', 'original', 'FILE']],
    [['resolve', '--mappings', 'FILE']],
    [['lint', '--json', 'FILE']],
    [['bogus']],
  ])('the build answers %j exactly as the sources do', async (argv) => {
    const file = tempFile('s.ndjson', STREAM);
    const args = argv.map((arg) => (arg === 'FILE' ? file : arg));
    const expected = await cli(args);
    expect(bin(args)).toEqual({ code: expected.code, stdout: expected.stdout, stderr: expected.stderr });
  });

  it.each([
    ['the build', {}],
    ['the sources', { IDMERGE_FROM_SOURCE: '1' }],
  ])(
    'starts the worker thread of `resolve` from %s, with the same answer as one thread',
    async (_from, env) => {
      const file = tempFile('s.ndjson', STREAM);
      for (const mode of ['simplified', 'legacy']) {
        const expected = await cli(['resolve', '--mode', mode, file]);
        expect(bin(['resolve', '--mode', mode, file], { IDMERGE_THREADS: '1', ...env })).toEqual({
          code: expected.code,
          stdout: expected.stdout,
          stderr: expected.stderr,
        });
      }
    },
    30_000,
  );

  it('runs from the sources when IDMERGE_FROM_SOURCE asks it to', () => {
    const run = bin(['--help'], { IDMERGE_FROM_SOURCE: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage:');
  });
});
