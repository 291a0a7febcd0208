// Pass 2 as a byte copy (issue #14): each output line is the input line with only distinct_id and the appended
// properties changed, whatever the line's shape, encoding or line ending, and lines that gave no event give none.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempFile } from './test/runCli.ts';

const LINES = [
  '{"event":"a","properties":{"$device_id":"D1","distinct_id":"$device:D1","n":1}}',
  '',
  '{"event":"b","properties":{"$device_id":"D1","$user_id":"U1"}}',
  'not json',
  '{"event":"c"}',
  '{"event":"d","properties":{}}',
  '  {"event":"e","properties":{"distinct_id":"U1","nested":{"distinct_id":"x"}},"time":1}  ',
  '{"event":"f","properties":{"distinct_id":"U1","city":"Zürich ✓ 😀"}}',
  '{"$distinct_id":"U1","$set":{"plan":"pro"}}',
  '{"event":"g","properties":{"distinct_id":"U1","distinct_id":"U1"}}',
];

describe('idmerge resolve on NDJSON writes each event line back as it came, id spliced in', () => {
  it('keeps every other byte, for every line shape', async () => {
    const run = await cli(['resolve', tempFile('s.ndjson', LINES.join('\n'))]);
    expect(run.stderr).toContain('line 4:');
    expect(run.stdout.split('\n')).toEqual([
      '{"event":"a","properties":{"$device_id":"D1","distinct_id":"U1","n":1,"$distinct_id_before_identity":"$device:D1"}}',
      '{"event":"b","properties":{"$device_id":"D1","$user_id":"U1","distinct_id":"U1"}}',
      '{"event":"c","properties":{"distinct_id":""}}',
      '{"event":"d","properties":{"distinct_id":""}}',
      '  {"event":"e","properties":{"distinct_id":"U1","nested":{"distinct_id":"x"}},"time":1}  ',
      '{"event":"f","properties":{"distinct_id":"U1","city":"Zürich ✓ 😀"}}',
      '{"$distinct_id":"U1","$set":{"plan":"pro"}}',
      '{"event":"g","properties":{"distinct_id":"U1","distinct_id":"U1"}}',
      '',
    ]);
  });

  it.each([['\r\n'], ['\r']])(
    'drops a BOM and %j line endings as the reader does, and reads a last line without a newline',
    async (ending) => {
      const text = '\uFEFF' + LINES.join(ending);
      const plain = await cli(['resolve', tempFile('p.ndjson', LINES.join('\n'))]);
      const run = await cli(['resolve', tempFile('bom.ndjson', text)]);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toBe(plain.stderr);
    },
  );

  it('keeps a CRLF pair that straddles two chunks read as one line ending', async () => {
    const head = '{"event":"a","properties":{"$device_id":"D1","pad":"';
    const tail = '"}}';
    const first = head + 'x'.repeat((1 << 20) - 1 - head.length - tail.length) + tail;
    const text = [first, LINES[2], LINES[0]].join('\r\n');
    const run = await cli(['resolve', tempFile('straddle.ndjson', text)]);
    const plain = await cli(['resolve', tempFile('plain.ndjson', text.replaceAll('\r\n', '\n'))]);
    expect(run.stdout.split('\n').length).toBe(4);
    expect(run.stdout).toBe(plain.stdout);
  });

  it('writes bytes that are not UTF-8 as the reader decoded them (U+FFFD)', async () => {
    const path = tempFile('latin1.ndjson', '');
    const line = Buffer.concat([
      Buffer.from('{"event":"a","properties":{"$device_id":"D1","city":"Z'),
      Buffer.from([0xfc]),
      Buffer.from('rich"}}\n'),
    ]);
    writeFileSync(path, line);
    const run = await cli(['resolve', path]);
    expect(run.stdout).toBe(
      '{"event":"a","properties":{"$device_id":"D1","city":"Z\uFFFDrich","distinct_id":"$device:D1"}}\n',
    );
  });
});
