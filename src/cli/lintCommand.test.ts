// `idmerge lint` through runCli, with captured streams and temporary files: text, --json, exit codes, broken lines.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintReport } from './lintCommand.ts';
import { runCli } from './main.ts';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function lint(argv: string[], stdin = ''): Promise<Run> {
  const streams = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  streams.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  streams.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  streams.stdin.end(stdin);
  const code = await runCli(['lint', ...argv], streams);
  return { code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') };
}

async function runResolve(path: string): Promise<Run> {
  const streams = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const err: Buffer[] = [];
  streams.stdout.resume();
  streams.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  streams.stdin.end('');
  const code = await runCli(['resolve', path], streams);
  return { code, out: '', err: Buffer.concat(err).toString('utf8') };
}

const line = (event: string, properties: Record<string, unknown>) => JSON.stringify({ event, properties });

/** A device shared by u1 and u2 without reset (a warning), and nothing else. */
const SHARED = [
  line('Page View', { $device_id: 'd1', time: 1718000000 }),
  line('Log In', { $device_id: 'd1', $user_id: 'u1', time: 1718000100 }),
  line('Log In', { $device_id: 'd1', $user_id: 'u2', time: 1718000200 }),
].join('\n');

let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idmerge-lint-'));
  await writeFile(file('shared.ndjson'), SHARED + '\n');
  await writeFile(file('placeholder.ndjson'), [SHARED, line('x', { distinct_id: 'null' })].join('\n'));
  await writeFile(file('broken.ndjson'), [SHARED, '{"event": "Page View", "properties": ', ''].join('\n'));
  await writeFile(
    file('events.csv'),
    'event,$device_id,$user_id\nPage View,d1,\nLog In,d1,u1\nLog In,d1,u2\n',
  );
  await writeFile(
    file('hot.ndjson'),
    Array.from({ length: 4 }, () => line('x', { distinct_id: 'srv', time: 1718000000 })).join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('idmerge lint', () => {
  it('prints findings as text, grouped by severity with the events as lines, and exits 0 on warnings only', async () => {
    const run = await lint([file('shared.ndjson')]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('Warnings (1)');
    expect(run.out).toContain(
      '[warning] A device seen with two user ids: reset() not called (device-two-users)',
    );
    expect(run.out).toContain('events: event #3 (line 3)');
    expect(run.out).toContain('3 records checked.');
  });

  it('exits 1 on an error finding', async () => {
    const run = await lint([file('placeholder.ndjson')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Errors (1)');
  });

  it('prints { mode, findings, lines } with --json, honouring the engine flags', async () => {
    const run = await lint(['--json', '--mode', 'legacy', file('shared.ndjson')]);
    const report = JSON.parse(run.out) as LintReport;
    expect(report.mode).toBe('legacy');
    expect(report.lines).toEqual({ read: 3, rejected: 0 });
    expect(report.findings.map((finding) => [finding.id, finding.rule])).toEqual([
      ['no-usable-identity', 'LIM-2, LIM-3'],
    ]);
  });

  it('reports unreadable lines with their numbers on stderr, checks the rest, and exits 1', async () => {
    const run = await lint(['--json', file('broken.ndjson')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^idmerge: line 4: /m);
    expect(run.err).toContain('1 line was not read');
    // The account resolve prints for the same file (one summaryLine): 3 loaded, the broken line unreadable.
    const resolve = await runResolve(file('broken.ndjson'));
    const account = 'idmerge: 4 lines read: 3 loaded, 0 rejected, 1 unreadable (bad JSON: 1), 0 blank\n';
    expect(run.err).toContain(account);
    expect(resolve.err).toContain(account);
    const report = JSON.parse(run.out) as LintReport;
    expect(report.lines).toEqual({ read: 3, rejected: 1 });
    expect(report.findings[0]?.events).toEqual([{ index: 2, line: 3 }]);
  });

  it('reads other formats with the same readers as resolve, and standard input', async () => {
    const csv = await lint(['--json', file('events.csv')]);
    expect((JSON.parse(csv.out) as LintReport).findings.map((finding) => finding.id)).toEqual([
      'device-two-users',
    ]);
    const piped = await lint(['--json', '-'], SHARED);
    expect((JSON.parse(piped.out) as LintReport).lines.read).toBe(3);
  });

  it('takes --hot-shard-limit for LIM-4', async () => {
    expect((await lint([file('hot.ndjson')])).code).toBe(0);
    const run = await lint(['--hot-shard-limit', '3', file('hot.ndjson')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('(hot-shard)');
  });

  it('exits 2 with the usage on a bad flag value, and prints help with --help', async () => {
    const bad = await lint(['--hot-shard-limit', 'many', file('hot.ndjson')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--hot-shard-limit must be a whole number');
    expect((await lint(['--mode', 'modern', file('hot.ndjson')])).code).toBe(2);
    const help = await lint(['--help']);
    expect(help).toMatchObject({ code: 0 });
    expect(help.out).toContain('Exit status: 0 when there is no error-severity finding');
  });
});
