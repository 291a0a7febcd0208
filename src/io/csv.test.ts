import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, type CsvChunk } from './csv.ts';

function parseChunks(chunks: readonly string[]): CsvChunk {
  const parser = createCsvParser();
  const parts = [...chunks.map((chunk) => parser.push(chunk)), parser.end()];
  return { records: parts.flatMap((part) => part.records), faults: parts.flatMap((part) => part.faults) };
}

function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  return [...points, text.length].map((point, index) =>
    text.slice(index === 0 ? 0 : points[index - 1], point),
  );
}

const rows = (...records: Array<readonly [number, string[]]>) =>
  records.map(([line, cells]) => ({ line, cells }));

const CASES: ReadonlyArray<readonly [string, string, ReturnType<typeof rows>]> = [
  ['plain rows', 'a,b,c\n1,2,3\n', rows([1, ['a', 'b', 'c']], [2, ['1', '2', '3']])],
  ['no final newline', 'a,b', rows([1, ['a', 'b']])],
  ['CRLF record ends', 'a,b\r\n1,2\r\n', rows([1, ['a', 'b']], [2, ['1', '2']])],
  ['BOM at the start', '\uFEFFa,b\n', rows([1, ['a', 'b']])],
  ['quoted comma', '"x, y",z\n', rows([1, ['x, y', 'z']])],
  ['doubled quotes', '"say ""hi""",""""\n', rows([1, ['say "hi"', '"']])],
  ['newline inside quotes', '"multi\nline",z\nnext,1\n', rows([1, ['multi\nline', 'z']], [3, ['next', '1']])],
  ['CRLF inside quotes is data', '"a\r\nb",c\r\nd,e', rows([1, ['a\r\nb', 'c']], [3, ['d', 'e']])],
  ['empty fields', ',,\n"",""\n', rows([1, ['', '', '']], [2, ['', '']])],
  ['trailing comma before newline', 'a,\n', rows([1, ['a', '']])],
  ['trailing comma at the end', 'a,', rows([1, ['a', '']])],
  ['blank lines are skipped but counted', 'a\n\n\r\nb\n\n', rows([1, ['a']], [4, ['b']])],
  ['a "" line is one empty cell', 'a\n""\nb', rows([1, ['a']], [2, ['']], [3, ['b']])],
  ['quote inside an unquoted field is data', 'a"b,c\n', rows([1, ['a"b', 'c']])],
  ['lone CR ends a record (old Mac)', 'a\rb,c\n', rows([1, ['a']], [2, ['b', 'c']])],
  ['lone CR inside quotes is data', '"a\rb",c\rd\r', rows([1, ['a\rb', 'c']], [3, ['d']])],
  ['spaces are kept', ' a , b \n', rows([1, [' a ', ' b ']])],
  ['quoted field closed by CRLF', '"a"\r\n"b"', rows([1, ['a']], [2, ['b']])],
  ['quoted field at the very end', 'x,"y"', rows([1, ['x', 'y']])],
  ['non-ASCII', 'é,"😀,ß"\n', rows([1, ['é', '😀,ß']])],
];

describe('createCsvParser', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(parseChunks([input])).toEqual({ records: expected, faults: [] });
  });

  it.each(CASES)('%s: same records for a cut at every position', (_name, input, expected) => {
    for (let cut = 0; cut <= input.length; cut++)
      expect(parseChunks(cutAt(input, [cut]))).toEqual({ records: expected, faults: [] });
  });

  it('reports text after a closing quote with its line, and resumes on the next line', () => {
    const result = parseChunks(['h\n"abc"x,d\nok,1\n']);
    expect(result.faults).toEqual([
      {
        line: 2,
        code: 'csv-bad-quote',
        reason: 'unexpected text after a closing quote',
        excerpt: '"abc"x,d',
      },
    ]);
    expect(result.records).toEqual(rows([1, ['h']], [3, ['ok', '1']]));
  });

  it('reports an unterminated quote at the line where it opened, and reads on from the next line', () => {
    const result = parseChunks(['a,b\n"open,\nmore\nstill']);
    expect(result.records).toEqual(rows([1, ['a', 'b']], [3, ['more']], [4, ['still']]));
    expect(result.faults).toEqual([
      {
        line: 2,
        code: 'csv-unterminated-quote',
        reason:
          'unterminated quoted field: the quote opened on line 2 is not closed on its line; reading resumes at the next line that does',
        excerpt: '"open,',
      },
    ]);
  });

  it('resynchronises at the next line that is a record of the header width, under any chunking', () => {
    const input = 'event,distinct_id\na,u1\n"b,u2\nc,u3\nd,u4\n';
    const parse = (chunks: readonly string[]) => {
      const parser = createCsvParser();
      parser.expectWidth(2);
      const parts = [...chunks.map((chunk) => parser.push(chunk)), parser.end()];
      return { records: parts.flatMap((p) => p.records), faults: parts.flatMap((p) => p.faults) };
    };
    const whole = parse([input]);
    expect(whole.records.map((record) => record.line)).toEqual([1, 2, 4, 5]);
    expect(whole.faults.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 3, code: 'csv-unterminated-quote' },
    ]);
    for (let cut = 0; cut <= input.length; cut++)
      expect(parse([input.slice(0, cut), input.slice(cut)])).toEqual(whole);
  });

  it('names every line skipped while looking for a record of the header width', () => {
    const parser = createCsvParser();
    parser.expectWidth(2);
    const out = parser.push('a,b\n"x,1\nlonely\nc,d\n');
    const end = parser.end();
    const faults = [...out.faults, ...end.faults];
    expect(faults.map((fault) => fault.line)).toEqual([2, 3]);
    expect(faults[1]?.reason).toBe('inside the quote left open on line 2: not a record of 2 fields');
    expect([...out.records, ...end.records].map((record) => record.line)).toEqual([1, 4]);
  });

  it('keeps line numbers exact after a multi-line record and a fault', () => {
    const input = 'h1,h2\n"x\ny\nz",1\n"bad"!,2\n\nlast,3\n';
    const result = parseChunks([input]);
    expect(result.records.map((record) => record.line)).toEqual([1, 2, 7]);
    expect(result.faults.map((fault) => fault.line)).toEqual([5]);
  });

  it('gives the same result for every pair of cuts through quotes, escapes and CRLF', () => {
    const input = '\uFEFFa,"b ""q"", c"\r\n"x\r\ny",\r\n"bad"z,1\r\nlast';
    const expected = parseChunks([input]);
    expect(expected.records).toEqual(rows([1, ['a', 'b "q", c']], [2, ['x\r\ny', '']], [5, ['last']]));
    expect(expected.faults.map((fault) => [fault.line, fault.code])).toEqual([[4, 'csv-bad-quote']]);
    for (let first = 0; first <= input.length; first++)
      for (let second = first; second <= input.length; second++)
        expect(parseChunks(cutAt(input, [first, second]))).toEqual(expected);
  });

  it('property: any chunking of any text gives the same records and faults', () => {
    const alphabet = fc.constantFrom('a', 'b', ',', '"', '""', '\n', '\r\n', '\r', ' ', '\uFEFF');
    const text = fc.array(alphabet, { maxLength: 50 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(80), { maxLength: 8 }), (input, cuts) => {
        expect(parseChunks(cutAt(input, cuts))).toEqual(parseChunks([input]));
      }),
      { numRuns: 500 },
    );
  });

  it('parses a large field pushed one character at a time', () => {
    const field = 'x,"\n'.repeat(500);
    const input = `"${field.replaceAll('"', '""')}",end\n`;
    expect(parseChunks([...input]).records).toEqual(rows([1, [field, 'end']]));
  });
});
