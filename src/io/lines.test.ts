import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineSplitter, type NumberedLine } from './lines.ts';

function splitAll(chunks: readonly string[]): NumberedLine[] {
  const splitter = createLineSplitter();
  const lines = chunks.flatMap((chunk) => splitter.push(chunk));
  return [...lines, ...splitter.end()];
}

function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

const numbered = (...texts: string[]): NumberedLine[] =>
  texts.map((text, index) => ({ line: index + 1, text }));

const CASES: ReadonlyArray<readonly [string, string, NumberedLine[]]> = [
  ['empty input', '', []],
  ['one line without newline', 'a', numbered('a')],
  ['one line with newline', 'a\n', numbered('a')],
  ['last line without newline', 'a\nb', numbered('a', 'b')],
  ['CRLF endings', 'a\r\nb\r\n', numbered('a', 'b')],
  ['mixed endings', 'a\r\nb\nc', numbered('a', 'b', 'c')],
  ['blank lines keep their numbers', '\n\nx\n', numbered('', '', 'x')],
  ['BOM at the start is dropped', '\uFEFFa\nb', numbered('a', 'b')],
  ['BOM later is data', 'a\n\uFEFFb', numbered('a', '\uFEFFb')],
  ['lone CR ends a line (old Mac)', 'a\rb\rc', numbered('a', 'b', 'c')],
  ['final CR is a line end', 'a\r', numbered('a')],
  ['CR then CRLF is two line ends', 'a\r\r\n', numbered('a', '')],
  ['non-ASCII text', 'é😀\nß', numbered('é😀', 'ß')],
];

describe('createLineSplitter', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(splitAll([input])).toEqual(expected);
  });

  it.each(CASES)('%s: same lines for a cut at every position', (_name, input, expected) => {
    for (let cut = 0; cut <= input.length; cut++) expect(splitAll(cutAt(input, [cut]))).toEqual(expected);
  });

  it('gives the same lines for every pair of cuts through CRLF pairs and a BOM', () => {
    const input = '\uFEFF{"a":1}\r\n\r\nxyz\r\nlast';
    const expected = numbered('{"a":1}', '', 'xyz', 'last');
    for (let first = 0; first <= input.length; first++)
      for (let second = first; second <= input.length; second++)
        expect(splitAll(cutAt(input, [first, second]))).toEqual(expected);
  });

  it('drops a BOM that arrives after empty chunks', () => {
    expect(splitAll(['', '', '\uFEFFa\n'])).toEqual(numbered('a'));
  });

  it('joins a long line pushed one character at a time', () => {
    const long = 'x'.repeat(5000);
    expect(splitAll([...`${long}\n${long}`])).toEqual(numbered(long, long));
  });

  it('returns lines as soon as their newline arrives', () => {
    const splitter = createLineSplitter();
    expect(splitter.push('ab')).toEqual([]);
    expect(splitter.push('c\nd')).toEqual(numbered('abc'));
    expect(splitter.push('\r')).toEqual([{ line: 2, text: 'd' }]);
    expect(splitter.push('\n')).toEqual([]);
    expect(splitter.end()).toEqual([]);
  });

  it('property: any chunking of any text gives the same lines', () => {
    const alphabet = fc.constantFrom('a', 'b', '\r', '\n', '\uFEFF', 'é', ' ');
    const text = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 8 }), (input, cuts) => {
        expect(splitAll(cutAt(input, cuts))).toEqual(splitAll([input]));
      }),
    );
  });

  it('property: lines joined with \\n give back the text without its BOM and CRs before newlines', () => {
    const text = fc
      .array(fc.constantFrom('a', '\n', '\r\n', 'z'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (input) => {
        const lines = splitAll([input]).map((line) => line.text);
        const normalised = input.replaceAll('\r\n', '\n');
        const expected = normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised;
        expect(lines.join('\n')).toBe(expected);
      }),
    );
  });
});
