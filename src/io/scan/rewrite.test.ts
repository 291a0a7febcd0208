// rewriteEvent changes properties.distinct_id and appends properties by surgery, leaving every other byte alone.
import { describe, expect, it } from 'vitest';
import { rewriteEvent, rewriteEventJson, scanEvent, serializeExtra } from './index.ts';

function rewrite(text: string, distinctId: string | null, extra: Record<string, unknown> = {}): string {
  const scan = scanEvent(text);
  if (!scan.ok) throw new Error(scan.reason);
  return rewriteEvent(text, scan, distinctId, extra);
}

describe('rewriteEvent', () => {
  it.each([
    [
      'replaces distinct_id in place',
      '{"event":"e","properties":{"time":1,"distinct_id":"old","x":2}}',
      '{"event":"e","properties":{"time":1,"distinct_id":"new","x":2}}',
    ],
    [
      'adds distinct_id at the end when absent',
      '{"event":"e","properties":{"time":1}}',
      '{"event":"e","properties":{"time":1,"distinct_id":"new"}}',
    ],
    [
      'replaces only the last of repeated distinct_ids (the one JSON.parse keeps)',
      '{"properties":{"distinct_id":"a","b":1,"distinct_id":"c"}}',
      '{"properties":{"distinct_id":"a","b":1,"distinct_id":"new"}}',
    ],
    [
      'adds no comma to empty properties',
      '{"event":"e","properties":{ }}',
      '{"event":"e","properties":{ "distinct_id":"new"}}',
    ],
    [
      'adds properties when there are none',
      '{"event":"e"}',
      '{"event":"e","properties":{"distinct_id":"new"}}',
    ],
    ['adds properties to an empty object', ' {} ', ' {"properties":{"distinct_id":"new"}} '],
    [
      'leaves nested distinct_id keys alone',
      '{"properties":{"a":{"distinct_id":"n"},"b":[{"distinct_id":1}]}}',
      '{"properties":{"a":{"distinct_id":"n"},"b":[{"distinct_id":1}],"distinct_id":"new"}}',
    ],
    [
      'leaves strings that contain "distinct_id" alone',
      '{"properties":{"note":"\\"distinct_id\\":\\"x\\"","distinct_id":"old"}}',
      '{"properties":{"note":"\\"distinct_id\\":\\"x\\"","distinct_id":"new"}}',
    ],
    [
      'keeps whitespace and escapes elsewhere',
      '{ "event" : "caf\\u00e9" , "properties" : { "distinct_id" : 42 , "a" : "\\n" } }\r',
      '{ "event" : "caf\\u00e9" , "properties" : { "distinct_id" : "new" , "a" : "\\n" } }\r',
    ],
    [
      'rewrites the last "properties" object only',
      '{"properties":{"distinct_id":"a"},"properties":{"x":1}}',
      '{"properties":{"distinct_id":"a"},"properties":{"x":1,"distinct_id":"new"}}',
    ],
  ])('%s', (_name, text, expected) => {
    expect(rewrite(text, 'new')).toBe(expected);
  });

  it('writes a null distinct_id as JSON null and escapes the new id', () => {
    expect(rewrite('{"properties":{"distinct_id":"a"}}', null)).toBe('{"properties":{"distinct_id":null}}');
    expect(rewrite('{"properties":{}}', 'q"\\\n😀')).toBe('{"properties":{"distinct_id":"q\\"\\\\\\n😀"}}');
  });

  it('appends extra properties after distinct_id, in their order', () => {
    const extra = { $merged: true, cluster: ['a', 'b'], n: 1.5, nested: { k: null } };
    expect(rewrite('{"properties":{"a":1}}', 'x', extra)).toBe(
      '{"properties":{"a":1,"distinct_id":"x","$merged":true,"cluster":["a","b"],"n":1.5,"nested":{"k":null}}}',
    );
    expect(rewrite('{"event":"e"}', 'x', { k: 'v' })).toBe(
      '{"event":"e","properties":{"distinct_id":"x","k":"v"}}',
    );
  });

  it('lets an extra property override an existing one, keeping its place (as Object.assign does)', () => {
    const out = rewrite('{"properties":{"time":1,"a":2}}', 'x', { time: 5, distinct_id: 'y' });
    const parsed = JSON.parse(out) as { properties: Record<string, unknown> };
    expect(parsed.properties).toEqual({ time: 5, a: 2, distinct_id: 'y' });
    expect(Object.keys(parsed.properties)).toEqual(['time', 'a', 'distinct_id']);
  });

  it('leaves out extra values that have no JSON form, as JSON.stringify does', () => {
    expect(rewrite('{"properties":{}}', 'x', { gone: undefined, fn: () => 1, kept: 0 })).toBe(
      '{"properties":{"distinct_id":"x","kept":0}}',
    );
  });

  it('rewrites a range of a larger text, keeping only that range', () => {
    const text = 'A{"properties":{"distinct_id":"old"}}B';
    const scan = scanEvent(text, 1, text.length - 1);
    if (!scan.ok) throw new Error(scan.reason);
    expect(rewriteEvent(text, scan, 'new', {})).toBe('{"properties":{"distinct_id":"new"}}');
  });

  it('takes a pre-serialized id and extra through rewriteEventJson', () => {
    const text = '{"properties":{"distinct_id":"old"}}';
    const scan = scanEvent(text);
    if (!scan.ok) throw new Error(scan.reason);
    const extra = serializeExtra({ a: 1 });
    expect(extra).toBe(',"a":1');
    expect(rewriteEventJson(text, scan, '"new"', extra)).toBe('{"properties":{"distinct_id":"new","a":1}}');
  });
});
