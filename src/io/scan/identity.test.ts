// scanEvent reads the identity fields exactly as JSON.parse would give them, from the top level of "properties" only.
import { describe, expect, it } from 'vitest';
import { IDENTITY_KEYS, scanEvent } from './index.ts';
import type { ScannedEvent } from './index.ts';

function scan(text: string): ScannedEvent {
  const result = scanEvent(text);
  if (!result.ok) throw new Error(`expected ${text} to scan, got: ${result.reason}`);
  return result;
}

const VALUES: readonly (readonly [string, unknown])[] = [
  ['"abc"', 'abc'],
  ['""', ''],
  ['"caf\\u00e9 \\"q\\" \\\\ \\n"', 'café "q" \\ \n'],
  ['"\\ud83d\\ude00 😀"', '😀 😀'],
  ['42', 42],
  ['-7', -7],
  ['-0', -0],
  ['0', 0],
  ['1700000000123', 1700000000123],
  ['12345678901234567890', 1.2345678901234567e19],
  ['1.5', 1.5],
  ['-2.5e-3', -0.0025],
  ['1E3', 1000],
  ['true', true],
  ['false', false],
  ['null', null],
  ['["a", 2]', ['a', 2]],
  ['[]', []],
  ['{"nested": {"x": 1}}', { nested: { x: 1 } }],
];

describe('identity values', () => {
  it.each(IDENTITY_KEYS.flatMap((key) => VALUES.map(([raw, value]) => [key, raw, value] as const)))(
    '%s = %s',
    (key, raw, value) => {
      for (const text of [
        `{"event":"e","properties":{"${key}":${raw}}}`,
        `{"event":"e","properties":{"a":1,"${key}":${raw},"b":[2]}}`,
        `{"event":"e","properties":{ "${key}" : ${raw} , "b" : 2 }}`,
      ]) {
        const result = scan(text);
        expect(result.identity, text).toEqual({ [key]: value });
        // toEqual does not tell -0 from 0; JSON.parse does.
        if (typeof value === 'number') expect(Object.is(result.identity[key], value), text).toBe(true);
      }
    },
  );

  it('reads every identity key of one event, and nothing else', () => {
    const properties = Object.fromEntries(IDENTITY_KEYS.map((key, index) => [key, `v${index}`]));
    const text = JSON.stringify({
      event: 'e',
      properties: { other: 1, ...properties, $device: 'no', time2: 3 },
    });
    expect(scan(text).identity).toEqual(properties);
  });

  it('keeps the last of repeated keys, as JSON.parse does', () => {
    const text = '{"properties":{"time":1,"a":2,"time":"x","distinct_id":"a","distinct_id":null}}';
    expect(scan(text).identity).toEqual({ time: 'x', distinct_id: null });
  });

  it('reads identity keys written with escapes', () => {
    const text = '{"properties":{"\\u0074ime":5,"distinct\\u005fid":"d","\\u0024user_id":"u"}}';
    expect(scan(text).identity).toEqual({ time: 5, distinct_id: 'd', $user_id: 'u' });
  });

  it('ignores keys that only look like identity keys', () => {
    const text =
      '{"properties":{"distinct_id_2":1,"Time":2,"$device":3,"$anon":4,"alias ":5,"$distinct_id":6}}';
    expect(scan(text).identity).toEqual({});
  });

  it('ignores identity keys in nested objects and outside "properties"', () => {
    const text =
      '{"distinct_id":"top","time":1,"properties":{"a":{"distinct_id":"nested","time":2},"b":[{"time":3}]}}';
    expect(scan(text).identity).toEqual({});
    expect(scan(text).distinctIdSpan).toBeUndefined();
  });

  it('reads only the last "properties" object', () => {
    const text = '{"properties":{"time":1,"distinct_id":"a"},"event":"e","properties":{"$user_id":"u"}}';
    expect(scan(text)).toMatchObject({ identity: { $user_id: 'u' }, distinctIdSpan: undefined });
  });

  it('gives an empty identity when there is no "properties"', () => {
    expect(scan('{"event":"e"}')).toMatchObject({ identity: {}, propertiesOpen: -1, propertiesClose: -1 });
  });
});

describe('top-level fields', () => {
  it.each([
    ['{"event":"Page View"}', 'Page View'],
    ['{"event":"caf\\u00e9\\n"}', 'café\n'],
    ['{"event":42}', undefined],
    ['{"event":null}', undefined],
    ['{"event":"a","event":"b"}', 'b'],
    ['{"event":"a","event":["b"]}', undefined],
    ['{"\\u0065vent":"x"}', 'x'],
    ['{"properties":{"event":"x"}}', undefined],
  ])('event of %s', (text, event) => {
    expect(scan(text).event).toBe(event);
  });

  it('reads the channel when it is a string', () => {
    expect(scan('{"event":"e","channel":"track"}').channel).toBe('track');
    expect(scan('{"event":"e","channel":1}').channel).toBeUndefined();
  });

  it('notes a top-level "$distinct_id" (a profile update), whatever its value', () => {
    expect(scan('{"$distinct_id":null,"$set":{}}').hasProfileDistinctId).toBe(true);
    expect(scan('{"event":"e","properties":{"$distinct_id":"x"}}').hasProfileDistinctId).toBe(false);
  });
});

describe('offsets for surgery', () => {
  it('points at the properties braces and the raw distinct_id value', () => {
    const text = '{"event":"e","properties":{"a":{"distinct_id":1},"distinct_id" : "x\\"y" ,"b":2}}';
    const result = scan(text);
    expect(text[result.propertiesOpen]).toBe('{');
    expect(text[result.propertiesClose]).toBe('}');
    expect(JSON.parse(text.slice(result.propertiesOpen, result.propertiesClose + 1))).toEqual(
      (JSON.parse(text) as { properties: unknown }).properties,
    );
    const [from, to] = result.distinctIdSpan ?? [0, 0];
    expect(text.slice(from, to)).toBe('"x\\"y"');
    expect(result.propertiesEmpty).toBe(false);
    expect(text[result.objectClose]).toBe('}');
  });

  it('tells empty objects', () => {
    expect(scan('{"properties":{ }}')).toMatchObject({ propertiesEmpty: true, objectEmpty: false });
    expect(scan(' { } ')).toMatchObject({ objectEmpty: true, objectClose: 3, propertiesOpen: -1 });
  });
});
