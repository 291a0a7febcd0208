// Property-based: on event lines of any shape, scanEvent and rewriteEvent agree with JSON.parse (and stringify).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_KEYS, rewriteEvent, scanEvent } from './index.ts';
import { generateEventLines } from './sampleEvents.ts';

/** Each property runs in a second or two; the margin is for busy CI machines. */
const PROPERTY_TIMEOUT = 20_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A string token with every code unit written as \uXXXX: the same string to JSON.parse, other text to a scanner. */
function escapedToken(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) out += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return `${out}"`;
}

const whitespace = fc.constantFrom('', '', '', ' ', '\n  ', '\t', ' \r\n');

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...IDENTITY_KEYS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('distinct_id_2', '$device', 'Time', 'event', 'properties', '$distinct_id'),
  },
);

const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: fc.oneof(fc.uuid(), fc.integer(), fc.constant(1_700_000_000_123), fc.string()) },
  { weight: 1, arbitrary: fc.tuple(fc.string(), fc.string()) },
);

/** A JSON token for a key or value, sometimes with every character escaped. */
function token(content: Json, escapeAll: boolean): string {
  return escapeAll && typeof content === 'string' ? escapedToken(content) : JSON.stringify(content);
}

const member = fc.record({ key, value, escapeKey: fc.boolean(), escapeValue: fc.boolean() });

/** The text of an object from its members (repeats allowed), with the same whitespace style throughout. */
function objectText(members: readonly { key: string; text: string }[], ws: string): string {
  if (members.length === 0) return `{${ws}}`;
  return `{${ws}${members.map((m) => `${token(m.key, false)}${ws}:${ws}${m.text}`).join(`${ws},${ws}`)}${ws}}`;
}

const propertiesText = fc.tuple(fc.array(member, { maxLength: 12 }), whitespace).map(([members, ws]) => {
  const parts = members.map((m) => ({
    keyText: m.escapeKey ? escapedToken(m.key) : JSON.stringify(m.key),
    text: token(m.value, m.escapeValue),
  }));
  if (parts.length === 0) return `{${ws}}`;
  return `{${ws}${parts.map((p) => `${p.keyText}${ws}:${ws}${p.text}`).join(`${ws},${ws}`)}${ws}}`;
});

const topMember = fc.oneof(
  fc.record({
    key: fc.constant('event'),
    text: fc.oneof(fc.string(), fc.jsonValue()).map((v) => token(v as Json, false)),
  }),
  fc.record({ key: fc.constant('channel'), text: fc.constantFrom('"track"', '"import"', '7') }),
  fc.record({ key: fc.constant('$distinct_id'), text: fc.constantFrom('"p"', 'null') }),
  fc.record({
    key: fc.string({ maxLength: 5 }),
    text: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  }),
);

/** An event line: top-level members in any order, usually with a "properties" object (sometimes repeated). */
const eventLine = fc
  .tuple(
    fc.array(topMember, { maxLength: 4 }),
    fc.array(propertiesText, { maxLength: 2 }),
    whitespace,
    fc.nat(),
  )
  .map(([members, properties, ws, seed]) => {
    const all = [...members];
    properties.forEach((text, i) =>
      all.splice((seed + i) % (all.length + 1), 0, { key: 'properties', text }),
    );
    return `${seed % 3 === 0 ? ws : ''}${objectText(all, ws)}`;
  });

interface Parsed {
  readonly [key: string]: unknown;
  readonly properties?: Record<string, unknown>;
}

describe('scanEvent agrees with JSON.parse on realistic lines', () => {
  it('reads every identity value and event name of the benchmark corpus as JSON.parse does', () => {
    for (const line of generateEventLines(3000, 11)) {
      const parsed = JSON.parse(line) as { event: string; properties: Record<string, unknown> };
      const scan = scanEvent(line);
      if (!scan.ok) throw new Error(`${line}: ${scan.reason}`);
      const expected = Object.fromEntries(
        IDENTITY_KEYS.flatMap((k) => (k in parsed.properties ? [[k, parsed.properties[k]]] : [])),
      );
      expect(scan.identity, line).toStrictEqual(expected);
      expect(scan.event).toBe(parsed.event);
    }
  });
});

describe('scanEvent agrees with JSON.parse on event lines (property-based)', () => {
  it(
    'reads the identity, the event fields and the offsets JSON.parse implies',
    () => {
      fc.assert(
        fc.property(eventLine, (line) => {
          const parsed = JSON.parse(line) as Parsed;
          const scan = scanEvent(line);
          if (!scan.ok) throw new Error(`${line}: ${scan.reason}`);
          expect(scan.event).toBe(typeof parsed['event'] === 'string' ? parsed['event'] : undefined);
          expect(scan.channel).toBe(typeof parsed['channel'] === 'string' ? parsed['channel'] : undefined);
          expect(scan.hasProfileDistinctId).toBe(Object.hasOwn(parsed, '$distinct_id'));
          const properties = parsed.properties;
          const expected = Object.fromEntries(
            IDENTITY_KEYS.filter((k) => properties !== undefined && Object.hasOwn(properties, k)).map((k) => [
              k,
              properties?.[k],
            ]),
          );
          expect(scan.identity).toStrictEqual(expected);
          // toStrictEqual does not tell -0 from 0; JSON.parse does.
          for (const k of IDENTITY_KEYS) {
            if (typeof expected[k] === 'number')
              expect(Object.is(scan.identity[k], expected[k]), k).toBe(true);
          }
          if (properties === undefined) {
            expect(scan.propertiesOpen).toBe(-1);
            return;
          }
          expect(JSON.parse(line.slice(scan.propertiesOpen, scan.propertiesClose + 1))).toStrictEqual(
            properties,
          );
          expect(scan.propertiesEmpty).toBe(Object.keys(properties).length === 0);
          const span = scan.distinctIdSpan;
          expect(span === undefined).toBe(!Object.hasOwn(properties, 'distinct_id'));
          if (span !== undefined)
            expect(JSON.parse(line.slice(span[0], span[1]))).toStrictEqual(properties['distinct_id']);
        }),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'refuses exactly the mutated lines JSON.parse refuses',
    () => {
      // Edits anywhere, and edits of the structure ("{}[]:,), where a broken grammar is likeliest to slip by:
      // a comma before a closer, a comma or colon dropped or doubled, a closer dropped.
      const edit = fc.oneof(
        fc.record({
          at: fc.nat(),
          kind: fc.constantFrom('delete', 'insert', 'replace'),
          char: fc.constantFrom(...'{}[]":,\\ \t\u0001-0.e1tnx\u00e9'),
        }),
        fc.record({
          at: fc.nat(),
          kind: fc.constant('structure'),
          char: fc.constantFrom('}', ']', ',', ':', '"'),
        }),
      );
      fc.assert(
        fc.property(eventLine, fc.array(edit, { minLength: 1, maxLength: 2 }), (line, edits) => {
          let text = line;
          for (const { at, kind, char } of edits) {
            if (kind === 'structure') {
              // Insert a comma before the chosen character, or drop it, or double it.
              const count = text.split(char).length - 1;
              let i = -1;
              for (let n = at % Math.max(count, 1); n >= 0; n--) i = text.indexOf(char, i + 1);
              const how = at % 3;
              text =
                text.slice(0, i) +
                (how === 0 ? ',' : how === 1 ? '' : char) +
                text.slice(how === 0 ? i : i + 1);
              continue;
            }
            const i = at % (text.length + 1);
            const keep = kind === 'insert' ? i : i + 1;
            text = text.slice(0, i) + (kind === 'delete' ? '' : char) + text.slice(keep);
          }
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          const scan = scanEvent(text);
          expect(!scan.ok && scan.reason.startsWith('not valid JSON'), text).toBe(!parses);
        }),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('rewriteEvent agrees with parse, assign and stringify (property-based)', () => {
  /** Extra properties as a caller would pass them: JSON values (-0 has no JSON text) under ordinary keys. */
  const extra = fc
    .dictionary(
      fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('distinct_id', 'time', 'event')),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as Json),
      { maxKeys: 3 },
    )
    .filter((record) => !Object.hasOwn(record, '__proto__'));

  it(
    'gives the object JSON.parse(line) becomes, keys in the same order',
    () => {
      fc.assert(
        fc.property(eventLine, fc.option(fc.string({ unit: 'binary' })), extra, (line, distinctId, added) => {
          const scan = scanEvent(line);
          if (!scan.ok) throw new Error(scan.reason);
          const expected = JSON.parse(line) as Record<string, unknown> & {
            properties?: Record<string, unknown>;
          };
          const properties = (expected.properties ??= {});
          properties['distinct_id'] = distinctId;
          Object.assign(properties, added);
          const actual = JSON.parse(rewriteEvent(line, scan, distinctId, added)) as typeof expected;
          expect(actual).toStrictEqual(expected);
          expect(Object.keys(actual)).toEqual(Object.keys(expected));
          expect(Object.keys(actual.properties ?? {})).toEqual(Object.keys(properties));
        }),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
