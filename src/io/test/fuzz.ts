// Property checks of the readers (issue #11), shared by the vitest suite (few runs) and `npm run fuzz` (many,
// seeded): every line accounted for, the same events in every format resolve alike, chunking changes nothing,
// and no generated file makes a reader throw.
import fc from 'fast-check';
import { resolve, type MixpanelEvent, type Mode } from '../../engine/index.ts';
import { createImporter, importText } from '../importer.ts';
import type { ImportFormat } from '../types.ts';
import type { ImportReport } from '../report.ts';

/** A line break in any of the forms the readers accept. */
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** Ids that have broken lesser readers: prototype keys, placeholders, quotes, commas, non-ASCII. */
const nastyId = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'null',
  '0',
  'a,b',
  'say "hi"',
  '=1+1',
  '<b>x</b>',
  'é😀',
  ' spaced ',
);
const plainId = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const anyId = fc.oneof({ weight: 4, arbitrary: plainId }, { weight: 1, arbitrary: nastyId });

/** Identity-bearing events as the SDKs send them: a device, maybe a user, distinct_id derived as Mixpanel does. */
export const sdkEvent: fc.Arbitrary<MixpanelEvent> = fc
  .record({
    name: fc.oneof(fc.constantFrom('Viewed', 'Signed Up', '$identify', '<img src=x>'), plainId),
    device: anyId,
    user: fc.option(anyId, { nil: undefined }),
    time: fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }),
  })
  .map(({ name, device, user, time }) => ({
    event: name,
    properties: {
      distinct_id: user ?? `$device:${device}`,
      $device_id: device,
      ...(user === undefined ? {} : { $user_id: user }),
      time,
    },
  }));

/** A line of an NDJSON file: mostly events, with junk a real export accumulates. */
const messyLine = fc.oneof(
  { weight: 6, arbitrary: sdkEvent.map((event) => JSON.stringify(event)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '42',
      'null',
      '[]',
      '{',
      '{"event":',
      'a,b,c',
      '{"event":"x","channel":"web"}',
      '{"event":"x","properties":{"time":"soon"}}',
      '{"event":"x","properties":{"distinct_id":{"a":1}}}',
      '{"properties":{}}',
      '\uFEFF{"event":"bom"}',
      '{"event":"\uFFFD"}',
      '[[[[[[[[[[]]]]]]]]]]',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A whole messy NDJSON-ish file, its lines joined by any mix of line breaks. */
export const messyFile: fc.Arbitrary<string> = fc
  .array(fc.tuple(messyLine, lineBreak), { maxLength: 25 })
  .chain((pairs) =>
    fc.boolean().map((finalBreak) => {
      const text = pairs.map(([line, end]) => line + end).join('');
      return finalBreak || pairs.length === 0 ? text : text.slice(0, -pairs.at(-1)![1].length);
    }),
  );

/** Text made of the characters that steer the readers: brackets, quotes, commas, line breaks, BOMs. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\n', '\r', '\r\n', '\uFEFF', ' ', '\t'),
      fc.constantFrom('"event"', '"properties"', '"type"', 'null', '1', '"x"', 'event,distinct_id'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

const FORMATS: readonly ImportFormat[] = [
  'ndjson',
  'json-array',
  'csv',
  'segment-ndjson',
  'segment-json-array',
];
export const readerFormat = fc.constantFrom<ImportFormat | 'auto'>('auto', ...FORMATS);

/** Physical lines by the readers' rule (LF, CRLF, lone CR; a last line without a break counts; a BOM is not text). */
export function countLines(text: string): number {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body === '') return 0;
  const breaks = body.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks + (/[\r\n]$/.test(body) ? 0 : 1);
}

/** Imports `text` cut into pieces at `cuts`. */
export function importInPieces(text: string, format: ImportFormat | 'auto', cuts: readonly number[]) {
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  const importer = createImporter(format);
  const batches = [...points, text.length].map((point, index) =>
    importer.push(text.slice(index === 0 ? 0 : (points[index - 1] ?? 0), point)),
  );
  batches.push(importer.end());
  return {
    records: batches.flatMap((batch) => batch.records),
    problems: batches.flatMap((batch) => batch.problems),
    report: importer.report(),
  };
}

/** The identities of a report's accounting; returns what failed, or undefined. */
export function accountingFault(report: ImportReport, text: string): string | undefined {
  const a = report.accounting;
  if (a.values !== a.loaded + a.rejected + a.unreadable) return 'values ≠ loaded + rejected + unreadable';
  if (a.linesRead !== a.blankLines + a.valueLines + a.otherLines)
    return 'lines ≠ blank + value lines + other';
  if (a.linesRead !== countLines(text))
    return `linesRead ${a.linesRead} ≠ ${countLines(text)} physical lines`;
  if (report.format === 'ndjson' && a.otherLines !== 0)
    return 'an NDJSON line carries no value and is not blank';
  if (report.rejected !== a.rejected + a.unreadable) return 'problems ≠ rejected + unreadable';
  return undefined;
}

/** The four ways to write the same events. */
export function asNdjson(events: readonly MixpanelEvent[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n');
}

export function asJsonArray(events: readonly MixpanelEvent[]): string {
  return `[\n${events.map((event) => `  ${JSON.stringify(event)}`).join(',\n')}\n]`;
}

export function asCsv(events: readonly MixpanelEvent[]): string {
  const cell = (value: unknown) => {
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows = events.map((event) => {
    const p = event.properties;
    return [event.event, p['distinct_id'], p['$device_id'], p['$user_id'], p['time']].map(cell).join(',');
  });
  return ['event,distinct_id,$device_id,$user_id,time', ...rows].join('\r\n');
}

/** Segment messages carrying the same identity (anonymousId → $device_id, userId → $user_id). */
export function asSegment(events: readonly MixpanelEvent[]): string {
  return events
    .map((event) => {
      const p = event.properties;
      const time = new Date(Number(p['time']) * 1000).toISOString();
      const user = p['$user_id'] === undefined ? {} : { userId: p['$user_id'] };
      return JSON.stringify({
        type: 'track',
        event: event.event,
        anonymousId: p['$device_id'],
        ...user,
        timestamp: time,
      });
    })
    .join('\n');
}

/** The resolved distinct_id of each event of `text` read as `format`. */
export function resolvedIds(text: string, format: ImportFormat, mode: Mode): Array<string | null> {
  const { records } = importText(text, format);
  const final = resolve(
    records.map((record) => record.record),
    mode,
  ).final();
  return records.map((_, index) => final.outcome(index).resolvedId);
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const crossFormatStream = fc.array(
  sdkEvent.filter((event) => event.event !== '$identify'),
  { minLength: 1, maxLength: 15 },
);

/**
 * The reader properties by name: each is a fast-check property that throws on a counterexample. The vitest
 * suite runs each a few dozen times; `npm run fuzz` thousands of times with a printed seed.
 */
export const READER_PROPERTIES: Readonly<
  Record<string, () => fc.IPropertyWithHooks<never> | fc.IProperty<never>>
> = {
  'messy NDJSON: every line accounted for': () =>
    fc.property(messyFile, (text) => {
      const fault = accountingFault(importText(text, 'auto').report, text);
      check(fault === undefined, fault ?? '');
    }) as never,
  'hostile text in every format: the counts add up': () =>
    fc.property(hostileText, readerFormat, (text, format) => {
      const fault = accountingFault(importText(text, format).report, text);
      check(fault === undefined, fault ?? '');
    }) as never,
  'no generated file makes a reader throw': () =>
    fc.property(
      fc.oneof(hostileText, messyFile, fc.string()),
      readerFormat,
      fc.array(fc.nat()),
      (text, format, cuts) => {
        importInPieces(text, format, cuts);
      },
    ) as never,
  'chunk splitting never changes the result': () =>
    fc.property(
      fc.oneof(messyFile, hostileText),
      readerFormat,
      fc.array(fc.nat(), { maxLength: 8 }),
      (text, format, cuts) => {
        check(
          same(importInPieces(text, format, cuts), importInPieces(text, format, [])),
          'cuts changed the result',
        );
      },
    ) as never,
  'the same events in every format resolve identically': () =>
    fc.property(crossFormatStream, (stream) => {
      const expected = resolvedIds(asNdjson(stream), 'ndjson', 'simplified');
      check(expected.length === stream.length, 'an event was lost from NDJSON');
      check(
        same(resolvedIds(asJsonArray(stream), 'json-array', 'simplified'), expected),
        'JSON array differs',
      );
      check(same(resolvedIds(asCsv(stream), 'csv', 'simplified'), expected), 'CSV differs');
      check(
        same(resolvedIds(asSegment(stream), 'segment-ndjson', 'simplified'), expected),
        'Segment differs',
      );
    }) as never,
};
