// scanEventBytes against the text path it stands in for (issue #14): whatever line it accepts, the CLI's text path
// (scanEvent + the line checks, NdjsonLines) loads as an event with the same name, channel and identity values, no
// problem and no note, and scanEvent finds the distinct_id value and the properties' '}' where it does; and the
// ordinary lines of real streams are accepted (so the agreement is not won by declining everything).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NdjsonLines, newBatch } from '../../cli/readers.ts';
import { BLOCKED_IDS, isBlockedId } from '../../engine/index.ts';
import { ByteChannel, EventBytes, mayBeBlockedId, scanEventBytes } from './eventBytes.ts';
import { IDENTITY_KEYS } from './types.ts';
import { hashBytes } from './byteIds.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What the byte path read from `text`, as the text path would hand it on; undefined when it declined. */
function byteRead(text: string) {
  const bytes = encoder.encode(text);
  // A line terminator after the line, as in a chunk: the scanner must never read past `end`.
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  padded[bytes.length] = 0x0a;
  const out = new EventBytes();
  if (!scanEventBytes(padded, 0, bytes.length, out)) return undefined;
  const properties: Record<string, unknown> = {};
  IDENTITY_KEYS.forEach((key, k) => {
    if (!out.has(k)) return;
    if (!out.isString(k)) properties[key] = out.numbers[k];
    else {
      const [start, end] = [out.valueStarts[k]! + 1, out.valueEnds[k]! - 1];
      expect(out.hashes[k]).toBe(hashBytes(bytes, start, end));
      properties[key] = decoder.decode(bytes.subarray(start, end));
    }
  });
  expect(out.nameHash).toBe(hashBytes(bytes, out.nameStart, out.nameEnd));
  const event = decoder.decode(bytes.subarray(out.nameStart, out.nameEnd));
  const channel = [undefined, 'track', 'import'][out.channel];
  const span = out.has(0) ? [out.valueStarts[0], out.valueEnds[0]] : undefined;
  return { event, channel, properties, span, close: out.propertiesClose, empty: out.propertiesEmpty };
}

/** The text path's verdict on `text`, reduced to what the byte path reports. */
function textRead(text: string) {
  const batch = newBatch();
  new NdjsonLines(1 << 20).judge({ line: 1, text }, batch);
  expect(batch.problems).toEqual([]);
  expect(batch.notes).toEqual([]);
  const [item] = batch.items;
  if (item?.record.kind !== 'event' || item.scan === undefined) throw new Error('not an event line');
  const { event } = item.record;
  const { scan } = item;
  return {
    event: event.event,
    channel: event.channel,
    properties: event.properties,
    span: scan.distinctIdSpan === undefined ? undefined : [...scan.distinctIdSpan],
    close: scan.propertiesClose,
    empty: scan.propertiesEmpty,
  };
}

function agrees(text: string): boolean {
  const fast = byteRead(text);
  if (fast !== undefined) expect(fast).toEqual(textRead(text));
  return fast !== undefined;
}

const idText = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9_:$@.-]{0,20}$/) },
  fc.constantFrom('$device:abc', 'undefined', 'null', '0', '-1', ' u ', 'ü', 'a\\"b', '\u2028', '😀'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const keyName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...IDENTITY_KEYS) },
  fc.constantFrom(...IDENTITY_KEYS, 'mp_lib', '$current_url', 'page', 'distinct_i', 'Distinct_id', 'timé'),
  fc.stringMatching(/^[a-z$_]{1,12}$/),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom(
    '0',
    '-0',
    '1e3',
    '1.5E+2',
    '1700000000',
    '1700000000000',
    '-5',
    '2e308',
    '253402300800',
    '1e-7',
  ),
);
const nested: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    idText,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(keyName, tie('value'), { maxKeys: 3 }),
  ),
})).value;
/** A property value as raw JSON text: mostly ids and numbers, sometimes anything, sometimes with odd spacing. */
const valueText = fc.oneof(
  idText.map((id) => JSON.stringify(id)),
  numberText,
  nested.map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom('"\\u0041"', '"a\\/b"', '[]', '{}', 'true', 'null', '"2024-01-01T00:00:00Z"', '""'),
);
const space = fc.constantFrom('', '', '', ' ', '\t', ' \t ');
const member = fc
  .tuple(keyName, valueText, space, space)
  .map(([key, value, a, b]) => `${JSON.stringify(key)}${a}:${b}${value}`);
const properties = fc
  .tuple(fc.array(member, { maxLength: 8 }), space)
  .map(([members, s]) => `{${s}${members.join(`${s},${s}`)}${s}}`);
const topMember = fc.oneof(
  { weight: 4, arbitrary: idText.map((name) => `"event":${JSON.stringify(name)}`) },
  { weight: 4, arbitrary: properties.map((p) => `"properties":${p}`) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('"track"', '"import"', '"other"', '7', 'null', '"Track"')
      .map((c) => `"channel":${c}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('"$distinct_id":"u1"', '"$set":{"a":1}', '"\\u0065vent":"x"', '"x":1'),
  },
);
const channel = fc.constantFrom('', '', '"channel":"track",', '"channel":"import",', '"channel":"x",');
/** Event lines as SDKs write them, with odd spacing and values, sometimes with their members in another order. */
const wellFormed = fc
  .tuple(idText, properties, channel, space, fc.boolean())
  .map(([name, props, channel, s, swap]) => {
    const nameMember = `"event":${s}${JSON.stringify(name)}`;
    const propsMember = `"properties":${s}${props}`;
    return `${s}{${channel}${swap ? `${propsMember},${nameMember}` : `${nameMember},${propsMember}`}}${s}`;
  });
/** Event-like lines: right and wrong, in every order, with spacing, duplicates and broken ends. */
const eventLine = fc.oneof(
  { weight: 3, arbitrary: wellFormed },
  fc
    .tuple(fc.array(topMember, { minLength: 1, maxLength: 4 }), space, space)
    .map(([members, before, after]) => `${before}{${members.join(',')}}${after}`),
  wellFormed.chain((line) => fc.nat(line.length).map((cut) => line.slice(0, cut))),
);

describe('mayBeBlockedId', () => {
  it('is true of every id the engine could find blocked (LIM-1, Q-12), in either match mode', () => {
    const near = fc
      .constantFrom(...BLOCKED_IDS)
      .chain((id) =>
        fc.constantFrom(id, id.toUpperCase(), id[0]!.toUpperCase() + id.slice(1), `${id}x`, id.slice(0, 1)),
      );
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ unit: 'binary-ascii', maxLength: 12 })), (id) => {
        const bytes = encoder.encode(id);
        const blocked = isBlockedId(id, 'exact') || isBlockedId(id, 'case-insensitive');
        if (blocked) expect(mayBeBlockedId(bytes, 0, bytes.length)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayBeBlockedId(encoder.encode('i123'), 0, 4)).toBe(false);
    expect(mayBeBlockedId(encoder.encode('NULL'), 0, 4)).toBe(true);
    expect(mayBeBlockedId(encoder.encode(''), 0, 0)).toBe(false);
  });
});

describe('scanEventBytes', () => {
  it('agrees with the text path on every line it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(eventLine, (line) => {
        if (agrees(line)) accepted++;
      }),
      { numRuns: 4000 },
    );
    // The generator is meant to be nasty, but not so nasty that every line is declined.
    expect(accepted).toBeGreaterThan(200);
  });

  it('agrees with the text path on deeply nested values and many spellings of the same key', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const n of [10, 62, 63, 64, 65, 70, 998, 999, 1000, 1001])
      agrees(`{"event":"e","properties":{"distinct_id":"u","x":${deep(n)}}}`);
    for (const line of [
      '{"event":"e","properties":{"distinct_id":"u","distinct_id":"v"}}',
      '{"event":"e","properties":{"distinct\\u005fid":"u"}}',
      '{"event":"e","event":"f","properties":{}}',
      '{"event":"e","properties":{},"properties":{"distinct_id":"u"}}',
      '{"event":"e","properties":{"time":"1700000000"}}',
      '{"event":"e","properties":{"time":-1}}',
      '{"event":"e","properties":{"time":1e400}}',
      '{"event":"e","properties":{"$insert_id":"$insert_id"}}',
      '{"event":"e","properties":{"distinct_id":"a\\u0000b"}}',
      '{"event":"","properties":{"distinct_id":"u"}}',
      '{"event":"e","channel":"track","properties":{"distinct_id":1.50}}',
    ])
      agrees(line);
  });

  it('reads ordinary event lines from their bytes (identity events and nested properties included)', () => {
    const plainId = fc.stringMatching(/^[A-Za-z0-9_:$@.-]{1,24}$/);
    const extra = fc.dictionary(
      fc
        .stringMatching(/^[a-z_$]{1,10}$/)
        .filter((key) => !(IDENTITY_KEYS as readonly string[]).includes(key)),
      nested.filter((value) => JSON.stringify(value) === JSON.stringify(JSON.parse(JSON.stringify(value)))),
      { maxKeys: 4 },
    );
    const ordinaryLine = fc
      .record({
        event: fc.constantFrom('Page View', 'Sign Up', '$identify', '$create_alias', '$merge', 'e'),
        ids: fc.dictionary(fc.constantFrom(...IDENTITY_KEYS.filter((key) => key !== 'time')), plainId),
        time: fc.option(fc.integer({ min: 0, max: 253_402_300_799 }), { nil: undefined }),
        extra,
        channel: fc.constantFrom(undefined, 'track', 'import'),
      })
      .filter(({ extra, ids }) => /^[\x20-\x7e]*$/.test(JSON.stringify({ extra, ids })))
      .map(({ event, ids, time, extra, channel }) =>
        JSON.stringify({ event, properties: { ...extra, ...ids, time }, ...(channel ? { channel } : {}) }),
      );
    fc.assert(
      fc.property(ordinaryLine, (line) => {
        expect(agrees(line), line).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(byteRead('{"event":"x","channel":"import","properties":{}}')?.channel).toBe('import');
    expect(byteRead('{"event":"x","properties":{"distinct_id":"u\\u0031"}}')).toBeUndefined();
    expect(ByteChannel.Track).toBe(1);
  });
});
