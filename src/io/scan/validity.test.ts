// scanEvent refuses exactly what JSON.parse refuses, with reasons and columns a user can act on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanEvent } from './index.ts';

/** Each property runs in a second or two; the margin is for busy CI machines. */
const PROPERTY_TIMEOUT = 20_000;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What scanEvent must accept: valid JSON holding an object whose "properties", if any, is an object. */
function isEventShaped(text: string): boolean {
  if (!parses(text)) return false;
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (!Object.hasOwn(value, 'properties')) return true;
  const properties = (value as Record<string, unknown>)['properties'];
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties);
}

describe('scanEvent accepts valid JSON objects', () => {
  it.each([
    '{}',
    ' {} ',
    '\t{\r\n}\n',
    '{"event":"x"}',
    '{ "event" : "x" , "properties" : { "a" : 1 } }',
    '{"a":[1,-0,0.5,1e10,1E+2,-1.5e-3,0,10,true,false,null,"",{},[]]}',
    '{"a":"\\u00e9\\ud800\\uDFFF\\"\\\\\\/\\b\\f\\n\\r\\t"}',
    '{"a":"\ud800 raw lone surrogate"}',
    '{"a":"😀 café 日本"}',
    '{"a":{"b":{"c":[[[{"d":[]}]]]}}}',
    '{"a":1,"a":2}',
    '{"properties":1,"properties":{}}',
    '{"\\u0070roperties":{}}',
  ])('%s', (text) => {
    expect(scanEvent(text).ok).toBe(true);
    expect(parses(text)).toBe(true);
  });

  it('accepts nesting far deeper than the call stack allows, as JSON.parse does', () => {
    const depth = 200_000;
    const text = `{"properties":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(parses(text)).toBe(true);
    expect(scanEvent(text).ok).toBe(true);
    expect(scanEvent(text.slice(0, -3)).ok).toBe(false);
  });
});

describe('scanEvent refuses invalid JSON with a reason and a column', () => {
  it.each([
    ['', 'not valid JSON: empty input', 1],
    ['   ', 'not valid JSON: empty input', 1],
    [
      '{',
      'not valid JSON: unexpected end of input at column 2 (expected a property name in double quotes)',
      2,
    ],
    [
      '{"a":1,}',
      "not valid JSON: unexpected character '}' at column 8 (expected a property name in double quotes)",
      8,
    ],
    [
      "{'a':1}",
      `not valid JSON: unexpected character "'" at column 2 (expected a property name in double quotes)`,
      2,
    ],
    ['{"a" 1}', "not valid JSON: unexpected character '1' at column 6 (expected ':')", 6],
    ['{"a":1 "b":2}', "not valid JSON: unexpected character '\"' at column 8 (expected ',' or '}')", 8],
    ['{"a":01}', 'not valid JSON: number with a leading zero at column 6', 6],
    ['{"a":-01}', 'not valid JSON: number with a leading zero at column 6', 6],
    ['{"a":1.}', "not valid JSON: unexpected character '}' at column 8 (expected a digit)", 8],
    ['{"a":.5}', "not valid JSON: unexpected character '.' at column 6 (expected a value)", 6],
    ['{"a":+1}', "not valid JSON: unexpected character '+' at column 6 (expected a value)", 6],
    ['{"a":-}', "not valid JSON: unexpected character '}' at column 7 (expected a digit)", 7],
    ['{"a":1e}', "not valid JSON: unexpected character '}' at column 8 (expected a digit)", 8],
    ['{"a":1e+}', "not valid JSON: unexpected character '}' at column 9 (expected a digit)", 9],
    ['{"a":NaN}', "not valid JSON: unexpected character 'N' at column 6 (expected a value)", 6],
    ['{"a":tru}', "not valid JSON: unexpected character '}' at column 9 (expected 'true')", 9],
    ['{"a":nul', "not valid JSON: unexpected end of input at column 9 (expected 'null')", 9],
    ['{"a":[1,2,]}', "not valid JSON: unexpected character ']' at column 11 (expected a value)", 11],
    ['{"a":[1 2]}', "not valid JSON: unexpected character '2' at column 9 (expected ',' or ']')", 9],
    ['{"a":"b\u0001"}', 'not valid JSON: unescaped control character U+0001 in a string at column 8', 8],
    ['{"a":"b\tc"}', 'not valid JSON: unescaped control character U+0009 in a string at column 8', 8],
    ['{"a":"\\x"}', "not valid JSON: invalid escape '\\x' in a string at column 7", 7],
    ['{"a":"\\😀"}', "not valid JSON: invalid escape '\\😀' in a string at column 7", 7],
    [
      '{"a":"\\u00G0"}',
      "not valid JSON: invalid escape '\\u00G' in a string at column 7 (expected 4 hex digits)",
      7,
    ],
    ['{"a":"abc', 'not valid JSON: unterminated string starting at column 6', 6],
    ['{"a":"abc\\', 'not valid JSON: unterminated string starting at column 6', 6],
    ['{"a":"\\u12', 'not valid JSON: unterminated string starting at column 6', 6],
    ['{"a":1}}', "not valid JSON: unexpected character '}' at column 8 after the end of the JSON value", 8],
    [
      '{"a":1} {"b":2}',
      "not valid JSON: unexpected character '{' at column 9 after the end of the JSON value",
      9,
    ],
    [
      '\ufeff{}',
      'not valid JSON: unexpected character U+FEFF (byte order mark) at column 1 (expected a value)',
      1,
    ],
    [
      '{\u00a0}',
      'not valid JSON: unexpected character U+00A0 at column 2 (expected a property name in double quotes)',
      2,
    ],
    ['{"a":"😀","b" 1}', "not valid JSON: unexpected character '1' at column 14 (expected ':')", 14],
    ['[1,2', "not valid JSON: unexpected end of input at column 5 (expected ',' or ']')", 5],
    // Inside "properties", where identity members and runs of other members take their own paths.
    [
      '{"properties":{"a":1,}}',
      "not valid JSON: unexpected character '}' at column 22 (expected a property name in double quotes)",
      22,
    ],
    [
      '{"properties":{"time":1,}}',
      "not valid JSON: unexpected character '}' at column 25 (expected a property name in double quotes)",
      25,
    ],
    [
      '{"properties":{"a":1,"time":2 , }}',
      "not valid JSON: unexpected character '}' at column 33 (expected a property name in double quotes)",
      33,
    ],
    [
      '{"properties":{,}}',
      "not valid JSON: unexpected character ',' at column 16 (expected a property name in double quotes)",
      16,
    ],
    [
      '{"properties":{"a":1 "b":2}}',
      "not valid JSON: unexpected character '\"' at column 22 (expected ',' or '}')",
      22,
    ],
    [
      '{"properties":{"time":1 "b":2}}',
      "not valid JSON: unexpected character '\"' at column 25 (expected ',' or '}')",
      25,
    ],
    ['{"properties":{"time":01}}', 'not valid JSON: number with a leading zero at column 23', 23],
    [
      '{"properties":{"a":[1,],"b":2}}',
      "not valid JSON: unexpected character ']' at column 23 (expected a value)",
      23,
    ],
    [
      '{"properties":{"distinct_id":"x\\u00"}}',
      "not valid JSON: invalid escape '\\u00\"' in a string at column 32 (expected 4 hex digits)",
      32,
    ],
    [
      '{"properties":{"a":1}',
      "not valid JSON: unexpected end of input at column 22 (expected ',' or '}')",
      22,
    ],
    [
      '{"properties":{"a":1,"b":{"c":[[[[[[[1]]]]]]]}',
      "not valid JSON: unexpected end of input at column 47 (expected ',' or '}')",
      47,
    ],
    [
      '{"properties":null,"event":"x"',
      "not valid JSON: unexpected end of input at column 31 (expected ',' or '}')",
      31,
    ],
  ])('%j', (text, reason, column) => {
    expect(parses(text)).toBe(false);
    expect(scanEvent(text)).toEqual({ ok: false, reason, column });
  });
});

describe('scanEvent refuses valid JSON of the wrong shape', () => {
  it.each([
    ['[1,2]', 'not a JSON object (got an array)', 1],
    [' "x"', 'not a JSON object (got a string)', 2],
    ['42', 'not a JSON object (got a number)', 1],
    ['null', 'not a JSON object (got null)', 1],
    ['true', 'not a JSON object (got true)', 1],
    ['{"properties":[]}', 'the value of "properties" is not an object (got an array)', 15],
    ['{"properties": null}', 'the value of "properties" is not an object (got null)', 16],
    ['{"properties":{},"properties":"x"}', 'the value of "properties" is not an object (got a string)', 31],
  ])('%j', (text, reason, column) => {
    expect(parses(text)).toBe(true);
    expect(scanEvent(text)).toEqual({ ok: false, reason, column });
  });

  it('does not fail on a missing event name (the CLI words that itself)', () => {
    expect(scanEvent('{"properties":{}}')).toMatchObject({ ok: true, event: undefined });
  });
});

describe('scanEvent on a range of a larger text', () => {
  it('reads only text[start, end) and counts columns from start', () => {
    const text = 'xx{"a":"b"}yy';
    expect(scanEvent(text, 2, 11).ok).toBe(true);
    expect(scanEvent(text, 2, 9)).toEqual({
      ok: false,
      reason: 'not valid JSON: unterminated string starting at column 6',
      column: 6,
    });
    expect(scanEvent('{"a":123}', 0, 7)).toMatchObject({ ok: false, column: 8 });
    expect(scanEvent('{"a":true}', 0, 8)).toMatchObject({ ok: false, column: 9 });
  });

  it('scans line after line of one text', () => {
    const lines = ['{"event":"a"}', '{"event":"b\\n"}', '  {"event":"c"}', '{"event":"d"'];
    const text = lines.join('\n');
    let start = 0;
    const results = lines.map((line) => {
      const result = scanEvent(text, start, start + line.length);
      start += line.length + 1;
      return result.ok ? result.event : result.reason;
    });
    expect(results).toEqual([
      'a',
      'b\n',
      'c',
      "not valid JSON: unexpected end of input at column 13 (expected ',' or '}')",
    ]);
  });
});

// Characters that make mutations interesting: JSON syntax, escapes, digits, whitespace and non-whitespace controls.
const MUTATION_CHARS = '{}[]":,\\/ \t\n\r\u0000\u0001\u001f0123456789-+.eEtrufalsn\u00a0\ufeff\ud800😀x';

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace'),
  char: fc.integer({ min: 0, max: [...MUTATION_CHARS].length - 1 }).map((i) => [...MUTATION_CHARS][i] ?? 'x'),
});

function mutate(text: string, mutations: readonly { at: number; kind: string; char: string }[]): string {
  let out = text;
  for (const { at, kind, char } of mutations) {
    const i = at % (out.length + 1);
    if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else if (kind === 'insert') out = out.slice(0, i) + char + out.slice(i);
    else out = out.slice(0, i) + char + out.slice(i + 1);
  }
  return out;
}

/** A JSON text in one of the ways people write it: compact, pretty, or as the properties of an event. */
const jsonText = fc
  .tuple(fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }), fc.constantFrom('compact', 'pretty', 'event'))
  .map(([value, style]) =>
    style === 'compact'
      ? JSON.stringify(value)
      : style === 'pretty'
        ? JSON.stringify(value, null, 2)
        : `{"event":"e","properties":${JSON.stringify(value)}}`,
  );

function checkAgreement(text: string): void {
  const result = scanEvent(text);
  const invalid = !result.ok && result.reason.startsWith('not valid JSON');
  expect(invalid, text).toBe(!parses(text));
  expect(result.ok, text).toBe(isEventShaped(text));
  // The same text inside a larger one, scanned as a range, gives the same answer.
  const inRange = scanEvent(`"{${text}\\`, 2, 2 + text.length);
  if (result.ok) expect(inRange, text).toMatchObject({ ok: true, objectClose: result.objectClose + 2 });
  else expect(inRange, text).toEqual(result);
}

describe('scanEvent agrees with JSON.parse (property-based)', () => {
  it(
    'on arbitrary JSON texts',
    () => {
      fc.assert(fc.property(jsonText, checkAgreement), { numRuns: 2000 });
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'on arbitrary JSON texts with characters deleted, inserted or replaced',
    () => {
      fc.assert(
        fc.property(jsonText, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, mutations) => {
          checkAgreement(mutate(text, mutations));
        }),
        { numRuns: 3000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'on arbitrary short strings of JSON-ish characters',
    () => {
      const chars = [...MUTATION_CHARS];
      const soup = fc
        .array(fc.integer({ min: 0, max: chars.length - 1 }), { maxLength: 12 })
        .map((indexes) => `{"a":${indexes.map((i) => chars[i] ?? '').join('')}}`);
      fc.assert(fc.property(soup, checkAgreement), { numRuns: 3000 });
    },
    PROPERTY_TIMEOUT,
  );
});
