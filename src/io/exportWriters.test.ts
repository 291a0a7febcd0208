import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MixpanelEvent } from '../engine/index.ts';
import { createCsvParser } from './csv.ts';
import {
  csvColumnsFor,
  formatCsvCell,
  neutraliseFormula,
  recordToNdjsonLine,
  toCsv,
  toCsvLine,
  toCsvRow,
  toNdjsonLine,
} from './exportWriters.ts';
import { importText } from './importer.ts';

function parseCsv(text: string): string[][] {
  const parser = createCsvParser();
  const chunks = [parser.push(text), parser.end()];
  expect(chunks.flatMap((chunk) => chunk.faults)).toEqual([]);
  return chunks.flatMap((chunk) => chunk.records.map((record) => record.cells));
}

describe('toNdjsonLine', () => {
  it.each([
    [{ event: 'A', properties: { distinct_id: 'u' } }, '{"event":"A","properties":{"distinct_id":"u"}}'],
    [
      { event: '$merge', properties: {}, channel: 'track' as const },
      '{"event":"$merge","properties":{},"channel":"track"}',
    ],
    [{ $distinct_id: 'u', $set: { a: 1 } }, '{"$distinct_id":"u","$set":{"a":1}}'],
  ])('%j', (value, line) => {
    expect(toNdjsonLine(value)).toBe(line);
  });

  it('writes stream records and reads back to the same records', () => {
    const records = [
      {
        kind: 'event' as const,
        event: { event: 'A', properties: { distinct_id: 42, nested: { x: [1] } }, channel: 'track' as const },
      },
      { kind: 'profile' as const, update: { $distinct_id: 'u', $unset: ['a'] } },
    ];
    const text = records.map(recordToNdjsonLine).join('\n');
    expect(importText(text, 'ndjson').records.map((imported) => imported.record)).toEqual(records);
  });
});

describe('formatCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
    [' padded ', ' padded '],
    [42, '42'],
    [1.5, '1.5'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
    [['a', 'b'], '"[""a"",""b""]"'],
    [{ k: 1 }, '"{""k"":1}"'],
  ])('%j → %s', (value, cell) => {
    expect(formatCsvCell(value)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF lines, quoting only where needed', () => {
    const rows = [
      { event: 'A', distinct_id: 'u,1', time: 1 },
      { event: 'B', note: 'x"y' },
    ];
    expect(toCsv(rows, ['event', 'distinct_id', 'time', 'note'])).toBe(
      'event,distinct_id,time,note\r\nA,"u,1",1,\r\nB,,,"x""y"\r\n',
    );
    expect(toCsv(rows, ['event'], { newline: '\n' })).toBe('event\nA\nB\n');
  });

  it('writes a lone empty cell as "" so the row survives a round trip', () => {
    expect(toCsvLine([''])).toBe('""');
    expect(parseCsv(toCsv([{ a: '' }, { a: 'x' }], ['a']))).toEqual([['a'], [''], ['x']]);
  });

  it('property: cells written then parsed come back identical', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', '\uFEFF', 'x') });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }),
      );
    fc.assert(
      fc.property(table, fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'), (rows, newline) => {
        const columns = (rows[0] ?? []).map((_, index) => `c${index}`);
        const objects = rows.map((cells) =>
          Object.fromEntries(cells.map((value, index) => [`c${index}`, value])),
        );
        expect(parseCsv(toCsv(objects, columns, { newline }))).toEqual([columns, ...rows]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('events as CSV', () => {
  const events: MixpanelEvent[] = [
    {
      event: 'Signed Up',
      properties: {
        distinct_id: 'u1',
        $device_id: 'd1',
        $user_id: 'u1',
        time: 1718000000,
        plan: 'pro',
        name: 'Ann',
      },
    },
    {
      event: '$merge',
      properties: { $distinct_ids: ['a', 'b'], event: 'shadow', 'properties.x': 'y' },
      channel: 'track',
    },
    { event: 'Viewed', properties: { distinct_id: 'u,2', note: 'say "hi"\nbye', ['__proto__']: 'p' } },
  ];

  it('orders columns identity first, then the rest as first seen', () => {
    expect(csvColumnsFor(events.map(toCsvRow))).toEqual([
      'event',
      'distinct_id',
      '$device_id',
      '$user_id',
      'time',
      'channel',
      'plan',
      'properties.name',
      '$distinct_ids',
      'properties.event',
      'properties.properties.x',
      'note',
      '__proto__',
    ]);
  });

  it('reads back to the same events (string properties; time in seconds)', () => {
    const rows = events.map(toCsvRow);
    const imported = importText(toCsv(rows, csvColumnsFor(rows)), 'auto', { fileName: 'out.csv' });
    expect(imported.problems).toEqual([]);
    expect(imported.records.map((record) => record.record)).toEqual(
      events.map((event) => ({ kind: 'event', event })),
    );
  });
});

describe('CSV formula cells (OWASP CSV injection; DECISIONS.md)', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=b', 'a=b'],
    ['', ''],
    ["'quoted", "'quoted"],
    [' =x', ' =x'],
  ])('%j → %j', (text, neutral) => {
    expect(neutraliseFormula(text)).toBe(neutral);
  });

  const rows = [{ event: '=HYPERLINK("http://x","go")', n: -5, s: '-5', cr: '\r=1', json: { a: '=1' } }];
  const columns = ['event', 'n', 's', 'cr', 'json', '@header'];

  it('the download neutralises text cells and header names, not numbers or JSON', () => {
    expect(toCsv(rows, columns, { neutraliseFormulas: true })).toBe(
      `event,n,s,cr,json,'@header\r\n"'=HYPERLINK(""http://x"",""go"")",-5,'-5,"'\r=1","{""a"":""=1""}",\r\n`,
    );
  });

  it('the shared writer is unchanged, so export → import gives the same values back', () => {
    const written = toCsv(rows, columns);
    expect(written.startsWith('event,n,s,cr,json,@header\r\n"=HYPERLINK(')).toBe(true);
    expect(parseCsv(written)[1]).toEqual([
      '=HYPERLINK("http://x","go")',
      '-5',
      '-5',
      '\r=1',
      '{"a":"=1"}',
      '',
    ]);
  });
});
