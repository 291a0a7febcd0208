// scanPlainEvent against the importer's full path (issue #14): whatever it accepts, JSON.parse + normaliseMixpanel
// load as the same event with the same identity fields; and the ordinary lines of real streams are accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_EVENT_NAMES } from '../../engine/index.ts';
import { checkEventFields, exportSignOf, nestsDeeperThan, normaliseMixpanel } from '../index.ts';
import { PlainEvent, scanPlainEvent } from './plainBytes.ts';

const KEPT = ['distinct_id', '$device_id', '$user_id', '$insert_id'] as const;
const FULL_PATH_KEYS = ['$identified_id', '$anon_id', '$anon_distinct_id', 'alias', '$distinct_ids'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Scans `text` as the fast path would see its bytes; the event as the fast path read it, or undefined. */
function fastRead(text: string) {
  const bytes = encoder.encode(text);
  const out = new PlainEvent();
  if (!scanPlainEvent(bytes, 0, bytes.length, out)) return undefined;
  const range = (start: number, end: number) => decoder.decode(bytes.subarray(start, end));
  const ids = Object.fromEntries(
    KEPT.map((key, slot) => [key, out.has(slot) ? range(out.starts[slot]!, out.ends[slot]!) : undefined]),
  );
  return { name: range(out.nameStart, out.nameEnd), ids, time: out.time };
}

/** The full path's verdict on the same text, reduced to what the fast path reports. */
function fullRead(text: string) {
  const parsed: unknown = JSON.parse(text);
  const normalised = normaliseMixpanel(parsed);
  if (!normalised.ok) throw new Error(`the full path rejects it: ${normalised.reason}`);
  const [record] = normalised.records;
  if (record?.kind !== 'event' || normalised.records.length !== 1) throw new Error('not one event');
  const { event } = record;
  const p = event.properties;
  return {
    event,
    name: event.event,
    ids: Object.fromEntries(KEPT.map((key) => [key, p[key]])),
    time: typeof p['time'] === 'number' ? p['time'] : Number.NaN,
  };
}

const idText = fc.stringMatching(/^[A-Za-z0-9_:$@.-]{1,20}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const keyName = fc.oneof(
  fc.constantFrom(
    ...KEPT,
    'time',
    'mp_lib',
    '$current_url',
    'page',
    ...FULL_PATH_KEYS,
    'mp_processing_time_ms',
  ),
  fc.stringMatching(/^[a-z$_]{1,12}$/),
  anyText,
);
const propertyValue = fc.oneof(
  idText,
  anyText,
  fc.integer({ min: -5, max: 2_000_000_000_000 }),
  fc.double(),
  fc.constantFrom(null, true, false, '', [], {}),
  fc.jsonValue({ maxDepth: 3 }),
);
const properties = fc.dictionary(keyName, propertyValue, { maxKeys: 10 });
const eventName = fc.oneof(
  fc.constantFrom('Page View', 'Sign Up', '$mp_web_page_view', ...IDENTITY_EVENT_NAMES, ''),
  anyText,
);

/** Event objects of every shape, serialised compactly or with spaces, sometimes with other top-level keys. */
const eventLine = fc
  .record({
    name: eventName,
    properties,
    extra: fc.option(fc.dictionary(fc.constantFrom('channel', 'time', 'x', 'event'), propertyValue)),
    spaced: fc.boolean(),
    nameKind: fc.constantFrom('string', 'missing', 'number'),
  })
  .map(({ name, properties, extra, spaced, nameKind }) => {
    const value: Record<string, unknown> = { ...(extra ?? {}) };
    if (nameKind === 'string') value['event'] = name;
    else if (nameKind === 'number') value['event'] = 7;
    value['properties'] = properties;
    return spaced ? JSON.stringify(value, null, 1).replace(/\n/g, ' ') : JSON.stringify(value);
  });

/** A line with one character changed, inserted or removed: mostly invalid JSON, sometimes subtly. */
const mutatedLine = fc
  .record({
    line: eventLine,
    at: fc.nat(),
    edit: fc.constantFrom('delete', 'insert', 'replace'),
    char: fc.constantFrom(
      '"',
      '\\',
      ',',
      ':',
      '{',
      '}',
      '[',
      ']',
      ' ',
      '0',
      '-',
      '.',
      'e',
      '\r',
      '\t',
      'é',
      'x',
    ),
  })
  .map(({ line, at, edit, char }) => {
    const i = at % (line.length + 1);
    if (edit === 'delete') return line.slice(0, i) + line.slice(i + 1);
    if (edit === 'insert') return line.slice(0, i) + char + line.slice(i);
    return line.slice(0, i) + char + line.slice(i + 1);
  });

/** Duplicated keys: JSON.parse keeps the last one. */
const duplicatedLine = fc
  .record({ key: fc.constantFrom(...KEPT, 'time', 'event'), first: idText, second: idText })
  .map(
    ({ key, first, second }) =>
      `{"event":"e","properties":{"${key}":"${first}","distinct_id":"d","${key}":"${second}"}}`,
  );

/** Raw tokens in value places: valid and invalid numbers, literals, strings and escapes (the grammar's edges). */
const RAW_TOKENS = [
  ...[
    '0',
    '-0',
    '1',
    '01',
    '00',
    '-',
    '1.',
    '.5',
    '1.5',
    '1e',
    '1e+',
    '1E5',
    '1e-3',
    '+1',
    '0x1',
    '-01',
    '1.5e+2',
  ],
  ...['true', 'tru', 'false', 'null', 'nul', 'True', 'NaN', 'Infinity'],
  ...['"a"', '"a\\x"', '"\\u12G4"', '"\\u0041"', '"\\/"', '"a\tb"', '"\\"', '"x'],
  ...['[]', '[1,]', '[,1]', '{}', '{"a":}', '{"a" 1}', '{,}', '[1 2]', '{"a":1,}'],
];
const rawTokenLine = fc
  .record({
    key: fc.constantFrom('k', 'time', 'distinct_id', '$insert_id'),
    token: fc.constantFrom(...RAW_TOKENS),
    other: fc.constantFrom(...RAW_TOKENS),
  })
  .map(({ key, token, other }) => `{"event":"e","properties":{"${key}":${token},"z":${other}}}`);

function expectAgreement(text: string): void {
  const fast = fastRead(text);
  if (fast === undefined) return;
  const full = fullRead(text);
  expect(fast.name).toBe(full.name);
  expect(fast.ids).toEqual(full.ids);
  expect(Object.is(fast.time, full.time) || fast.time === full.time).toBe(true);
  // Nothing else the importer or the engine reads: no channel, no export mark, no identity event, no deep value.
  expect(full.event.channel).toBeUndefined();
  expect(exportSignOf(full.event)).toBeUndefined();
  expect(IDENTITY_EVENT_NAMES.has(full.name)).toBe(false);
  for (const key of FULL_PATH_KEYS) expect(full.event.properties[key]).toBeUndefined();
  expect(nestsDeeperThan(text)).toBe(false);
  expect(checkEventFields(full.event.properties)).toBeUndefined();
}

describe('scanPlainEvent (issue #14)', () => {
  it('accepts only what the full path loads the same way', () => {
    fc.assert(fc.property(fc.oneof(eventLine, mutatedLine, duplicatedLine, rawTokenLine), expectAgreement), {
      numRuns: 5000,
    });
  });

  it('accepts the ordinary lines of a stream, with spaces or without, and reads their fields', () => {
    const plain = fc.record({
      name: fc.constantFrom('Page View', 'Sign Up'),
      device: idText,
      user: fc.option(idText, { nil: undefined }),
      time: fc.integer({ min: 0, max: 1_900_000_000 }),
      spaced: fc.boolean(),
    });
    fc.assert(
      fc.property(plain, ({ name, device, user, time, spaced }) => {
        const properties = {
          time,
          $insert_id: `i-${time}`,
          mp_lib: 'web',
          distinct_id: user ?? `$device:${device}`,
          $device_id: device,
          ...(user === undefined ? {} : { $user_id: user }),
          nested: { a: [1, 2.5e3, 'x\\"y', null, true] },
        };
        const value = { event: name, properties };
        const text = spaced ? JSON.stringify(value, null, 2).replace(/\n/g, ' ') : JSON.stringify(value);
        const fast = fastRead(text);
        expect(fast).toBeDefined();
        expectAgreement(text);
      }),
      { numRuns: 500 },
    );
  });

  it('declines what only the full path can word or convert', () => {
    const declined = [
      '{"event":"e","properties":{"distinct_id":12}}', // a number id: converted by the full path
      '{"event":"e","properties":{"distinct_id":""}}',
      '{"event":"e","properties":{"distinct_id":"caf\u00e9"}}', // not ASCII
      '{"event":"e","properties":{"distinct_id":"a\\u0062"}}', // an escape in an id
      '{"event":"e","channel":"track","properties":{}}',
      '{"event":"$identify","properties":{"distinct_id":"u"}}',
      '{"event":"e","properties":{"time":"2024-01-01"}}',
      '{"event":"e","properties":{"time":-1}}',
      '{"event":"e","properties":{"$insert_id":"NULL"}}', // may be LIM-1's: the full path keeps it (Q-12)
      '{"event":"e","properties":{"$device_id":"d","distinct_id":"x"}}', // G-6: an export's rewritten id
      '{"event":"e","properties":{"a":1}}\r{"event":"f"}', // a lone CR: two lines on the full path
      '{"event":"e","properties":{"a":1}} x',
      `{"event":"e","properties":{"a":${'['.repeat(70)}${']'.repeat(70)}}}`,
    ];
    for (const text of declined) expect(fastRead(text), text).toBeUndefined();
    expect(fastRead('{"event":"e"}')?.name).toBe('e');
    expect(fastRead('{"properties":{"$device_id":"d","distinct_id":"$device:d"},"event":"e"}')?.ids).toEqual({
      distinct_id: '$device:d',
      $device_id: 'd',
      $user_id: undefined,
      $insert_id: undefined,
    });
  });
});
