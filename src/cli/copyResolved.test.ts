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

  it('drops a BOM and CRLF line endings as the reader does, and reads a last line without a newline', async () => {
    const text = '\uFEFF' + LINES.slice(0, 3).join('\r\n');
    const plain = await cli(['resolve', tempFile('p.ndjson', LINES.slice(0, 3).join('\n'))]);
    expect((await cli(['resolve', tempFile('bom.ndjson', text)])).stdout).toBe(plain.stdout);
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
