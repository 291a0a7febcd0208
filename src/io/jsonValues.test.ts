import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonValueScanner, type JsonScan } from './jsonValues.ts';

function scanChunks(chunks: readonly string[]): JsonScan {
  const scanner = createJsonValueScanner();
  const parts = [...chunks.map((chunk) => scanner.push(chunk)), scanner.end()];
  return {
    values: parts.flatMap((part) => part.values).map(({ line, text }) => ({ line, column: 0, text })),
    issues: parts.flatMap((part) => part.issues),
  };
}

function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  return [...points, text.length].map((point, index) =>
    text.slice(index === 0 ? 0 : points[index - 1], point),
  );
}

const values = (...found: Array<readonly [number, string]>) =>
  found.map(([line, text]) => ({ line, column: 0, text }));

const CASES: ReadonlyArray<readonly [string, string, ReturnType<typeof values>]> = [
  ['compact array', '[{"a":1},{"b":2}]', values([1, '{"a":1}'], [1, '{"b":2}'])],
  [
    'pretty-printed array',
    '[\n  {\n    "a": 1\n  },\n  {"b": [1, 2]}\n]\n',
    values([2, '{\n    "a": 1\n  }'], [5, '{"b": [1, 2]}']),
  ],
  [
    'scalars and nested arrays',
    '[1, "s,]", null, [2]]',
    values([1, '1'], [1, '"s,]"'], [1, 'null'], [1, '[2]']),
  ],
  ['empty array', '[]', []],
  ['trailing comma is tolerated', '[{"a":1},]', values([1, '{"a":1}'])],
  [
    'brackets and escapes in strings',
    '[{"a":"}]\\"{["},{"b":"\\\\"}]',
    values([1, '{"a":"}]\\"{["}'], [1, '{"b":"\\\\"}']),
  ],
  [
    'single object spanning lines',
    '{\n "event": "A",\n "properties": {}\n}',
    values([1, '{\n "event": "A",\n "properties": {}\n}']),
  ],
  ['objects in a row', '{"a":1}\n{\n"b":2}\n', values([1, '{"a":1}'], [2, '{\n"b":2}'])],
  [
    'wrapper object: events',
    '{"api_key":"k","events":[{"e":1},\n{"e":2}],"options":{"x":[1]}}',
    values([1, '{"e":1}'], [2, '{"e":2}']),
  ],
  ['wrapper object: batch', '{"batch":[{"type":"track"}],"sentAt":"t"}', values([1, '{"type":"track"}'])],
  [
    'array under another key is not a wrapper',
    '{"event":"A","properties":{"list":[1,2]}}',
    values([1, '{"event":"A","properties":{"list":[1,2]}}']),
  ],
  [
    'nested "events" key is not a wrapper',
    '{"event":"A","properties":{"events":[1]}}',
    values([1, '{"event":"A","properties":{"events":[1]}}']),
  ],
  [
    'a data wrapper, but not an event whose data is an object',
    '{"data":[{"e":1}]}\n{"event":"A","data":{"k":[1]}}',
    values([1, '{"e":1}'], [2, '{"event":"A","data":{"k":[1]}}']),
  ],
  ['BOM at the start', '\uFEFF[{"a":1}]', values([1, '{"a":1}'])],
  ['two arrays in a row', '[1]\n[2]', values([1, '1'], [2, '2'])],
];

describe('createJsonValueScanner', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(scanChunks([input])).toEqual({ values: expected, issues: [] });
  });

  it.each(CASES)('%s: same values for every pair of cuts', (_name, input, expected) => {
    for (let first = 0; first <= input.length; first++)
      for (let second = first; second <= input.length; second += 3)
        expect(scanChunks(cutAt(input, [first, second]))).toEqual({ values: expected, issues: [] });
  });

  it('reports stray text outside any value and keeps reading', () => {
    expect(scanChunks(['hello, world\n[{"a":1}]'])).toEqual({
      values: values([2, '{"a":1}']),
      issues: [
        { line: 1, reason: 'bad JSON: unexpected text outside any JSON value', excerpt: 'hello, world' },
      ],
    });
  });

  it('reports a stray closer at the top level', () => {
    const scan = scanChunks(['}\n{"a":1}']);
    expect(scan.issues).toEqual([
      { line: 1, reason: 'bad JSON: unexpected "}" (line 1, column 1)', excerpt: '}' },
    ]);
    expect(scan.values).toEqual(values([2, '{"a":1}']));
  });

  it('breaks a value at a mismatched closer and resumes at the next element', () => {
    expect(scanChunks(['[{"a":1]},\n{"b":2}]'])).toEqual({
      values: values([2, '{"b":2}']),
      issues: [
        {
          line: 1,
          code: 'bad-json',
          reason: 'bad JSON: unexpected "]" (line 1, column 8)',
          excerpt: '{"a":1',
        },
      ],
    });
  });

  it('a raw newline inside a string breaks that element only, whatever the chunking', () => {
    const input = '[{"a":"x\ny"},\n{"b":1}]';
    const whole = scanChunks([input]);
    expect(whole.values).toEqual(values([3, '{"b":1}']));
    expect(whole.issues).toHaveLength(1);
    for (let cut = 0; cut <= input.length; cut++) expect(scanChunks(cutAt(input, [cut]))).toEqual(whole);
  });

  it('a string broken by a line end is named with its line and column, and the next element still loads', () => {
    const scan = scanChunks(['[\n  {"event":"a"},\n  {"event":"b\n  {"event":"c"}\n]']);
    expect(scan.values).toEqual(values([2, '{"event":"a"}'], [4, '{"event":"c"}']));
    expect(scan.issues).toEqual([
      {
        line: 3,
        code: 'bad-json',
        reason: 'bad JSON: a string is not closed before the end of its line (line 3, column 14)',
        excerpt: '{"event":"b',
      },
    ]);
  });

  it('an element that lost its closing brace ends where the next one starts', () => {
    const scan = scanChunks(['[\n  {"event":"a","properties":{"x":1},\n  {"event":"b"}\n]']);
    expect(scan.values).toEqual(values([3, '{"event":"b"}']));
    expect(scan.issues[0]).toMatchObject({ line: 2, code: 'bad-json' });
    expect(scan.issues[0]?.reason).toContain('not closed before the next value starts on line 3');
  });

  it('lines end at CR alone (old Mac) as at LF and CRLF', () => {
    const scan = scanChunks(['[{"a":1},\r{"b":2},\r\n{"c":3}]']);
    expect(scan.values).toEqual(values([1, '{"a":1}'], [2, '{"b":2}'], [3, '{"c":3}']));
  });

  it('a value over the size limit is reported and never held whole', () => {
    const scanner = createJsonValueScanner({ maxValueLength: 20 });
    const first = scanner.push('[{"a":"0123456789012345678901234"},\n{"b":1}]');
    expect(first.values.map((value) => value.text)).toEqual(['{"b":1}']);
    expect(first.issues[0]).toMatchObject({ line: 1, code: 'line-too-long' });
  });

  it('reports a value cut off by the end of input at the line where it starts', () => {
    expect(scanChunks(['[{"a":1},\n{"b":\n'])).toEqual({
      values: values([1, '{"a":1}']),
      issues: [{ line: 2, reason: 'bad JSON: unexpected end of input', excerpt: '{"b":' }],
    });
  });

  it('reports an array that is never closed', () => {
    expect(scanChunks(['\n[{"a":1},\n'])).toEqual({
      values: values([2, '{"a":1}']),
      issues: [
        { line: 2, reason: 'bad JSON: the JSON array that starts on line 2 is not closed', excerpt: '' },
      ],
    });
  });

  it('finds a wrapper key split across chunks', () => {
    const input = '{"api_key":"k", "events" : [{"e":1}]}';
    for (let cut = 0; cut <= input.length; cut++)
      expect(scanChunks(cutAt(input, [cut])).values).toEqual(values([1, '{"e":1}']));
  });

  it('keeps a backslash at the end of a chunk escaping the next chunk', () => {
    expect(scanChunks(['[{"a":"\\', '"]"},{"b":1}]']).values).toEqual(
      values([1, '{"a":"\\"]"}'], [1, '{"b":1}']),
    );
    expect(scanChunks(['[{"a":"\\\\', '"},{"b":1}]']).values).toEqual(
      values([1, '{"a":"\\\\"}'], [1, '{"b":1}']),
    );
  });

  it('property: any chunking gives the same values and issues', () => {
    const token = fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', 'a', '1', ' ', '\n', '"events":');
    const text = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(120), { maxLength: 8 }), (input, cuts) => {
        expect(scanChunks(cutAt(input, cuts))).toEqual(scanChunks([input]));
      }),
      { numRuns: 500 },
    );
  });

  it('property: every element of a JSON array comes back, parsed equal, with its line', () => {
    const element = fc.oneof(
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
      fc.string(),
      fc.integer(),
    );
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 6 }),
        fc.array(fc.nat(200), { maxLength: 5 }),
        (elements, cuts) => {
          const text = `[\n${elements.map((element) => JSON.stringify(element)).join(',\n')}\n]`;
          const scan = scanChunks(cutAt(text, cuts));
          expect(scan.values.map((value) => JSON.parse(value.text) as unknown)).toEqual(elements);
          expect(scan.values.map((value) => value.line)).toEqual(elements.map((_, index) => index + 2));
        },
      ),
    );
  });
});
