import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImporter, importText } from './importer.ts';
import type { ImportBatch, ImportFormat } from './types.ts';

function importChunks(chunks: readonly string[], format: ImportFormat | 'auto', fileName?: string) {
  const importer = createImporter(format, fileName === undefined ? {} : { fileName });
  const batches: ImportBatch[] = [...chunks.map((chunk) => importer.push(chunk)), importer.end()];
  return {
    records: batches.flatMap((batch) => batch.records),
    problems: batches.flatMap((batch) => batch.problems),
    notes: batches.flatMap((batch) => batch.notes),
    report: importer.report(),
    format: importer.format,
  };
}

function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  return [...points, text.length].map((point, index) =>
    text.slice(index === 0 ? 0 : points[index - 1], point),
  );
}

const NDJSON = [
  '{"event":"A","properties":{"distinct_id":"u1","time":1}}',
  'not json',
  '',
  '[1]',
  '{"properties":{}}',
  '{"$distinct_id":"u1","$set":{"plan":"pro"}}',
  '{"event":"B","properties":"{}"}',
  '   ',
  '{"event":"$merge","properties":{"$distinct_ids":["a","b"]},"channel":"track"}',
  '{"event":"C","channel":"web"}',
].join('\r\n');

describe('importing NDJSON', () => {
  const result = importText(NDJSON, 'ndjson');

  it('loads events and profile updates with their lines', () => {
    expect(result.records.map(({ line, record }) => [line, record.kind])).toEqual([
      [1, 'event'],
      [6, 'profile'],
      [9, 'event'],
    ]);
    expect(result.records[2]?.record).toEqual({
      kind: 'event',
      event: { event: '$merge', properties: { $distinct_ids: ['a', 'b'] }, channel: 'track' },
    });
  });

  it('rejects each malformed line with its number, reason and excerpt; blank lines are not problems', () => {
    expect(result.problems.map(({ line, code, excerpt }) => [line, code, excerpt])).toEqual([
      [2, 'bad-json', 'not json'],
      [4, 'not-an-object', '[1]'],
      [5, 'missing-event-name', '{"properties":{}}'],
      [7, 'properties-not-object', '{"event":"B","properties":"{}"}'],
      [10, 'bad-channel', '{"event":"C","channel":"web"}'],
    ]);
    expect(result.problems[0]?.reason).toMatch(/^bad JSON: /);
  });

  it('reports counts that add up, grouped by reason', () => {
    expect(result.report).toMatchObject({
      format: 'ndjson',
      formatReason: 'chosen by the caller',
      linesRead: 10,
      events: 2,
      profileUpdates: 1,
      rejected: 5,
      looksLikeMixpanelExport: false,
    });
    expect(
      result.report.rejectedByReason.map(({ code, label, count, lines }) => [code, label, count, lines]),
    ).toEqual([
      ['bad-json', 'bad JSON', 1, [2]],
      ['not-an-object', 'not a JSON object', 1, [4]],
      ['missing-event-name', 'missing event name', 1, [5]],
      ['properties-not-object', 'properties is not an object', 1, [7]],
      ['bad-channel', 'channel is not "track" or "import"', 1, [10]],
    ]);
  });

  it('groups a repeated reason into one row with an exact count and the first 20 lines', () => {
    const text = Array.from({ length: 30 }, () => '{}').join('\n');
    const report = importText(text, 'ndjson').report;
    expect(report.rejectedByReason).toEqual([
      {
        code: 'missing-event-name',
        kind: 'rejected',
        label: 'missing event name',
        count: 30,
        lines: Array.from({ length: 20 }, (_, index) => index + 1),
        example: 'missing event name',
      },
    ]);
  });
});

describe('importing a JSON array', () => {
  const text =
    '[\n  {"event": "$identify", "properties": {"$identified_id": "u", "$anon_id": "a"}},\n  42,\n  {"event": }\n  ,{"event":"B"}\n]';

  it('gives each element the line where it starts', () => {
    const result = importText(text, 'json-array');
    expect(
      result.records.map(({ line, record }) => [line, record.kind === 'event' && record.event.event]),
    ).toEqual([
      [2, '$identify'],
      [5, 'B'],
    ]);
    expect(result.problems.map(({ line, code }) => [line, code])).toEqual([
      [3, 'not-an-object'],
      [4, 'bad-json'],
    ]);
  });

  it('reads a wrapper object and a single object', () => {
    expect(
      importText('{"api_key":"k","events":[{"event":"A"},{"event":"B"}]}', 'json-array').records,
    ).toHaveLength(2);
    expect(importText('{\n "event": "A",\n "properties": {"x": 1}\n}', 'json-array').records).toEqual([
      { line: 1, record: { kind: 'event', event: { event: 'A', properties: { x: 1 } } } },
    ]);
  });

  it('reports a document cut off at the end as a structure problem', () => {
    const result = importText('[{"event":"A"},\n{"event":"B"', 'json-array');
    expect(result.records).toHaveLength(1);
    expect(result.problems).toEqual([
      {
        line: 2,
        code: 'json-structure',
        reason: 'bad JSON: unexpected end of input',
        excerpt: '{"event":"B"',
      },
    ]);
  });
});

describe('importing Segment', () => {
  const lines = [
    '{"type":"page","anonymousId":"a-1","name":"Home","timestamp":"2024-06-10T09:00:00Z","messageId":"m1"}',
    '{"type":"identify","anonymousId":"a-1","userId":"u_42","traits":{"email":"x@y.z"},"timestamp":"2024-06-10T09:05:00Z","messageId":"m2"}',
    '{"type":"alias","previousId":"a-1","userId":"u_42","timestamp":"2024-06-10T09:05:01Z","messageId":"m3"}',
    '{"type":"group","userId":"u_42","groupId":"g1"}',
    '{"type":"track","anonymousId":"a-1"}',
  ];

  it('maps NDJSON, with a note for group and a problem for the nameless track', () => {
    const result = importText(lines.join('\n'), 'auto');
    expect(result.report.format).toBe('segment-ndjson');
    expect(
      result.records.map(({ line, record }) => [
        line,
        record.kind === 'event' ? record.event.event : 'profile',
      ]),
    ).toEqual([
      [1, 'Loaded a Page'],
      [2, '$identify'],
      [2, 'profile'],
      [3, '$create_alias'],
    ]);
    expect(result.notes.filter((note) => note.line !== undefined)).toEqual([
      {
        line: 4,
        code: 'segment-group-ignored',
        message: 'Segment group call ignored: groups do not take part in identity merging',
      },
    ]);
    expect(result.problems).toEqual([
      { line: 5, code: 'missing-event-name', reason: 'missing event name', excerpt: lines[4] },
    ]);
    expect(result.report).toMatchObject({ events: 3, profileUpdates: 1, rejected: 1, linesRead: 5 });
  });

  it('maps a batch wrapper the same way', () => {
    const text = `{"batch":[\n${lines.join(',\n')}\n],"sentAt":"2024-06-10T09:06:00Z"}`;
    const result = importText(text, 'auto');
    expect(result.report.format).toBe('segment-json-array');
    expect(result.records.map(({ line }) => line)).toEqual([2, 3, 3, 4]);
    expect(result.problems.map(({ line }) => line)).toEqual([6]);
  });
});

describe('importing CSV', () => {
  const text =
    '\uFEFFevent,distinct_id,time,notes\r\nA,u1,2024-06-10T09:00:00Z,"two\r\nlines"\r\n,u2,1,x\r\nB,u3,1718000000,\r\n"bad"x,1,2,3\r\nC,u4,soon,\r\n\r\nD,u5,1,"unterminated\r\n';

  it('loads rows and rejects bad ones at the line where the record starts', () => {
    const result = importText(text, 'auto', { fileName: 'events.csv' });
    expect(result.report.format).toBe('csv');
    expect(result.records).toEqual([
      {
        line: 2,
        record: {
          kind: 'event',
          event: { event: 'A', properties: { distinct_id: 'u1', time: 1718010000, notes: 'two\r\nlines' } },
        },
      },
      {
        line: 5,
        record: { kind: 'event', event: { event: 'B', properties: { distinct_id: 'u3', time: 1718000000 } } },
      },
    ]);
    expect(result.problems.map(({ line, code }) => [line, code])).toEqual([
      [4, 'missing-event-name'],
      [6, 'csv-bad-quote'],
      [7, 'bad-time'],
      [9, 'csv-unterminated-quote'],
    ]);
    expect(result.report.linesRead).toBe(9);
  });

  it('notes a header without an event column, then rejects every row', () => {
    const result = importText('distinct_id\nu1\nu2\n', 'csv');
    expect(result.notes).toEqual([
      {
        line: 1,
        code: 'csv-no-event-column',
        message: 'the header has no event column (event, event_name or name): every row will be rejected',
      },
    ]);
    expect(result.problems.map(({ line, code }) => [line, code])).toEqual([
      [2, 'missing-event-name'],
      [3, 'missing-event-name'],
    ]);
  });
});

describe('auto detection', () => {
  it('holds text back until it has a sample, then reports the format as a note', () => {
    const importer = createImporter('auto');
    expect(importer.push('{"event":"A"}\n')).toEqual({ records: [], problems: [], notes: [], loaded: [] });
    expect(importer.format).toBe('unknown');
    const last = importer.end();
    expect(importer.format).toBe('ndjson');
    expect(last.records).toHaveLength(1);
    expect(last.notes[0]).toEqual({
      code: 'format',
      message: 'read as ndjson: first line is a JSON object with "event" and "properties": Mixpanel NDJSON',
    });
  });

  it('detects as soon as 8 KB have arrived', () => {
    const line = `${JSON.stringify({ event: 'A', properties: { pad: 'x'.repeat(100) } })}\n`;
    const importer = createImporter('auto');
    const batch = importer.push(line.repeat(100));
    expect(importer.format).toBe('ndjson');
    expect(batch.records).toHaveLength(100);
  });

  it('reads a file it cannot recognise line by line, naming every line (nothing refused whole)', () => {
    const result = importText('hello\nworld\n', 'auto');
    expect(result.problems.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 1, code: 'bad-json' },
      { line: 2, code: 'bad-json' },
    ]);
    expect(result.report).toMatchObject({ format: 'ndjson', linesRead: 2, rejected: 2, events: 0 });
  });

  it('reports an empty file as empty', () => {
    const result = importText('', 'auto');
    expect(result.report).toMatchObject({
      format: 'unknown',
      formatReason: 'the file is empty',
      linesRead: 0,
      rejected: 0,
    });
  });
});

describe('Mixpanel exports (G-6)', () => {
  it('notes the first exported-looking event once', () => {
    const text = [
      '{"event":"A","properties":{"distinct_id":"$device:d1","$device_id":"d1"}}',
      '{"event":"B","properties":{"distinct_id":"u_42","$device_id":"d1"}}',
      '{"event":"C","properties":{"distinct_id":"u_42","$device_id":"d2","mp_processing_time_ms":1}}',
    ].join('\n');
    const result = importText(text, 'ndjson');
    expect(result.notes).toEqual([
      {
        line: 2,
        code: 'mixpanel-export',
        message:
          'this looks like a Mixpanel export (line 2 has rewritten distinct_id): its distinct_id values are already ' +
          'resolved (G-6). Simplified re-derives identity from $device_id/$user_id; Original and Legacy read ' +
          'distinct_id, so there the merges show as already made.',
      },
    ]);
    expect(result.report.looksLikeMixpanelExport).toBe(true);
  });

  it('warns at the end when an export carries no raw ids and no identity events', () => {
    const result = importText(
      '{"event":"A","properties":{"distinct_id":"u","mp_processing_time_ms":5}}',
      'ndjson',
    );
    expect(result.notes.map((note) => note.code)).toEqual(['mixpanel-export', 'export-without-raw-ids']);
  });

  it('does not flag ordinary SDK payloads', () => {
    const text = [
      '{"event":"A","properties":{"distinct_id":"$device:d1","$device_id":"d1"}}',
      '{"event":"B","properties":{"distinct_id":"d1","$device_id":"d1"}}',
      '{"event":"C","properties":{"distinct_id":"u","$device_id":"d1","$user_id":"u"}}',
      '{"event":"$identify","properties":{"distinct_id":"u","$device_id":"d1","$anon_id":"d1"}}',
    ].join('\n');
    expect(importText(text, 'ndjson').report.looksLikeMixpanelExport).toBe(false);
  });
});

describe('chunking never changes the result', () => {
  const documents: ReadonlyArray<readonly [ImportFormat | 'auto', string]> = [
    ['ndjson', NDJSON],
    ['json-array', '\uFEFF[\n{"event":"A","properties":{"s":"]\\"}"}},\n7,\n{"event":"B"}\n]\n'],
    ['segment-json-array', '{"batch":[{"type":"track","event":"E","userId":"u"},{"type":"group"}]}'],
    ['csv', 'event,x\r\n"A","1\r\n2"\r\nB,"q""q"\r\nbad\r\n'],
    ['auto', `${NDJSON}\n${'{"event":"pad"}\n'.repeat(700)}`],
  ];

  it.each(documents)('%s: a cut at every position', (format, text) => {
    const whole = importChunks([text], format);
    const step = Math.max(1, Math.floor(text.length / 200));
    for (let cut = 0; cut <= text.length; cut += step)
      expect(importChunks(cutAt(text, [cut]), format)).toEqual(whole);
  });

  it.each(documents)('%s: random cuts (property)', (format, text) => {
    const whole = importChunks([text], format);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 12 }), (cuts) => {
        expect(importChunks(cutAt(text, cuts), format)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
