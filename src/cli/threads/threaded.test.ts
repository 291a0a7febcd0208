// `idmerge resolve` on two threads (issue #14) gives exactly what the single-threaded path gives: the same bytes on
// standard output, the same problems and account on standard error, the same exit code, in every mode, on messy
// streams (broken lines, profile updates, odd id values, BOM, CR endings, non-ASCII) and across chunk boundaries.
import fc from 'fast-check';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { stream } from '../../engine/test/arbitraries.ts';
import { runCli } from '../main.ts';
import { cli, tempFile, type CliRun } from '../test/runCli.ts';
import { ODD_NDJSON_LINES } from '../test/oddLines.ts';

const MODES = ['simplified', 'original', 'legacy'] as const;

/** Runs the CLI in-process with IDMERGE_THREADS set as asked (1: the worker, 0: one thread). */
async function withThreads(threads: '0' | '1', argv: string[]): Promise<CliRun> {
  const before = process.env.IDMERGE_THREADS;
  process.env.IDMERGE_THREADS = threads;
  try {
    return await cli(argv);
  } finally {
    if (before === undefined) delete process.env.IDMERGE_THREADS;
    else process.env.IDMERGE_THREADS = before;
  }
}

afterEach(() => {
  delete process.env.IDMERGE_THREADS;
});

/** Lines that are not plain events: each must be judged (and later copied) the same way on both paths. */

const messyStream = fc
  .record({
    events: stream,
    odd: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD_NDJSON_LINES)), { maxLength: 8 }),
    ending: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ events, odd, ending, bom, finalNewline }) => {
    const lines = events.map((event) => JSON.stringify(event));
    for (const [at, line] of odd) lines.splice(at % (lines.length + 1), 0, line);
    return (bom ? '\uFEFF' : '') + lines.join(ending) + (finalNewline ? ending : '');
  });

describe('idmerge resolve on two threads', () => {
  it('agrees byte for byte with one thread on messy streams, in every mode', async () => {
    await fc.assert(
      fc.asyncProperty(
        messyStream,
        fc.constantFrom(...MODES),
        fc.constantFrom('exact', 'case-insensitive'),
        async (text, mode, match) => {
          const path = tempFile('messy.ndjson', text);
          const argv = ['resolve', '--mode', mode, '--blocked-match', match, '--report', 'json', path];
          expect(await withThreads('1', argv)).toEqual(await withThreads('0', argv));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it.each(MODES)(
    'agrees across chunk boundaries, CRLF pairs cut in two and a too-long line (%s)',
    async (mode) => {
      // Lines of varied lengths, so the 1 MB chunk boundaries fall everywhere in a line, a CRLF pair included.
      const lines: string[] = [];
      let size = 0;
      for (let n = 0; size < 3.2e6; n++) {
        const pad = 'p'.repeat((n * 37) % 300);
        const line =
          n % 5 === 0
            ? `{"event":"e","properties":{"$device_id":"D${n % 97}","$user_id":"U${n % 13}","pad":"${pad}"}}`
            : `{"event":"e","properties":{"distinct_id":"$device:D${n % 97}","$device_id":"D${n % 97}","pad":"${pad}"}}`;
        lines.push(line);
        size += line.length + 2;
      }
      lines.splice(2000, 0, `{"event":"long","properties":{"pad":"${'x'.repeat(5000)}"}}`);
      const path = tempFile('chunks.ndjson', '\uFEFF' + lines.join('\r\n'));
      const argv = ['resolve', '--mode', mode, '--max-line-bytes', '4000', '--report', 'json', path];
      const threaded = await withThreads('1', argv);
      expect(threaded.stderr).toContain('line 2001:');
      expect(threaded).toEqual(await withThreads('0', argv));
    },
    60_000,
  );

  it('waits for a slow destination and writes everything, in order', async () => {
    // About 15 MB of output: more buffers than the worker may have waiting, so it runs out of credits.
    const path = tempFile('slow.ndjson', bigStream(150_000));
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setTimeout(done, 20);
      },
    });
    process.env.IDMERGE_THREADS = '1';
    const code = await runCli(['resolve', path], {
      stdin: Readable.from(['']),
      stdout: slow,
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
    process.env.IDMERGE_THREADS = '0';
    const single = await cli(['resolve', path]);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(single.stdout);
  }, 60_000);

  it('stops quietly when the reader goes away (EPIPE, as `| head -1`)', async () => {
    const path = tempFile('closed.ndjson', bigStream(60_000));
    let written = 0;
    const closing: Writable = new Writable({
      write(_chunk, _encoding, done) {
        written++;
        if (written === 1) closing.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        done();
      },
    });
    const stderr = new PassThrough();
    const messages: string[] = [];
    stderr.on('data', (chunk: Buffer) => messages.push(chunk.toString()));
    process.env.IDMERGE_THREADS = '1';
    const code = await runCli(['resolve', path], { stdin: Readable.from(['']), stdout: closing, stderr });
    expect(code).toBe(0);
    expect(messages.join('')).toBe('');
    expect(written).toBeLessThan(3);
  }, 60_000);
});

/** `count` events of a few dozen users, about 100 bytes each. */
function bigStream(count: number): string {
  const lines: string[] = [];
  for (let n = 0; n < count; n++)
    lines.push(
      JSON.stringify({
        event: 'e',
        properties: { $device_id: `D${n % 50}`, ...(n % 7 === 0 ? { $user_id: `U${n % 11}` } : {}) },
      }),
    );
  return lines.join('\n') + '\n';
}
