// Resolver.ingestNumbered (ids the reader numbered itself, issue #14) against Resolver.ingest (ids as texts): the same
// resolution, record by record and id by id, on every library scenario and on random streams of awkward ids, in
// every mode and under the options that change how ids are read (S-4/Q-8 device prefix, Q-12 placeholder matching).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import type { NumberedEvent } from './facts.ts';
import { NOT_NUMBERED } from './idTable.ts';
import { IngestReceipts } from './receipts.ts';
import { Resolver, toStreamRecord, type ResolveInput } from './resolve.ts';
import { ev } from './test/helpers.ts';
import { stream } from './test/arbitraries.ts';
import { MODES, type Mode, type ResolveOptions } from './types.ts';

/**
 * How a reader numbers ids: one number per text (`one`), or sometimes a second number for a text already numbered
 * (`two`: the CLI's worker numbers ids by their bytes, so one text written two ways in JSON gets two numbers).
 */
type Numbering = 'one' | 'two';

/** A reader's numbering: any string value gets a number, the same for the same text (or one of two, `two`). */
class ReaderNumbers {
  private readonly first = new Map<string, number>();
  private readonly second = new Map<string, number>();
  private next = 0;
  private flip = false;

  constructor(private readonly numbering: Numbering) {}

  of(value: unknown): number {
    if (typeof value !== 'string') return NOT_NUMBERED; // numbers, null, arrays: passed as values only
    this.flip = !this.flip;
    const numbers = this.numbering === 'two' && this.flip ? this.second : this.first;
    let n = numbers.get(value);
    if (n === undefined) numbers.set(value, (n = this.next++));
    return n;
  }
}

/** Ingests `inputs` with the reader's numbers for every event (profile updates as records). */
function ingestNumbered(
  resolver: Resolver,
  inputs: readonly ResolveInput[],
  numbering: Numbering,
  receipts: IngestReceipts,
) {
  const numbers = new ReaderNumbers(numbering);
  for (const input of inputs) {
    const record = toStreamRecord(input);
    if (record.kind === 'profile') {
      resolver.ingest(record, receipts);
      continue;
    }
    const { properties } = record.event;
    const event: NumberedEvent = {
      ...record.event,
      distinctIdNumber: numbers.of(properties['distinct_id']),
      deviceIdNumber: numbers.of(properties['$device_id']),
      userIdNumber: numbers.of(properties['$user_id']),
      origin: record.origin,
    };
    resolver.ingestNumbered(event, receipts);
  }
}

/** Everything a resolution answers that ingestion decides, ids as texts and as numbers (their order too). */
function answers(resolver: Resolver, receipts: IngestReceipts) {
  const resolution = resolver.result();
  const view = resolution.final();
  const perRecord = Array.from({ length: receipts.count }, (_, at) => ({
    kind: receipts.kindAt(at),
    name: receipts.nameAt(at),
    derived: receipts.derivedIdAt(at),
    derivation: receipts.derivationAt(at),
    deviceKey: receipts.deviceKeyAt(at),
    link: receipts.linkAt(at),
    failed: receipts.failedAt(at),
    rejected: receipts.rejectedValueAt(at),
    failure: resolution.failureAt(receipts.indexAt(at)),
  }));
  return {
    perRecord,
    outcomes: resolution.outcomes(),
    notes: Array.from({ length: resolution.size }, (_, index) => resolution.notes(index)),
    idTexts: [...resolution.idTexts()],
    clusters: view.clusters(),
    links: view.links(),
    failed: view.failedAttempts(),
    mappings: view.mappings(),
    profiles: view.profiles(),
  };
}

function expectSameResolution(
  inputs: readonly ResolveInput[],
  mode: Mode,
  options: Partial<ResolveOptions>,
  numbering: Numbering,
): void {
  const byText = new Resolver(mode, options, { trackSteps: true });
  const textReceipts = new IngestReceipts();
  for (const input of inputs) byText.ingest(input, textReceipts);
  const byNumber = new Resolver(mode, options, { trackSteps: true });
  const numberReceipts = new IngestReceipts();
  ingestNumbered(byNumber, inputs, numbering, numberReceipts);
  expect(answers(byNumber, numberReceipts)).toEqual(answers(byText, textReceipts));
}

// Ids chosen to meet every rule that reads an id's text: `$device:` keys and raw devices of the same text (S-2, S-3,
// S-4, Q-8), placeholders in both cases and near misses (LIM-1, Q-12), empty values (LIM-2, Q-11), numbers and their
// text (G-9), ids differing by case or a trailing space, and GUID-shaped ids for Original's check (O-8).
const GUID = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const awkwardId = fc.constantFrom<unknown>(
  'u1',
  'U1',
  'u1 ',
  'd1',
  '$device:d1',
  '$device:$device:d1',
  '$device:',
  GUID,
  `$device:${GUID}`,
  'anon',
  'Anon',
  'anonymous ',
  'null',
  'undefined',
  '0',
  0,
  '42',
  42,
  '-1',
  '',
  null,
  true,
);
const someId = fc.option(awkwardId, { nil: undefined, freq: 3 });
const properties = fc
  .record({
    distinct_id: someId,
    $device_id: someId,
    $user_id: someId,
    $insert_id: someId,
    time: fc.integer({ min: 1, max: 50 }),
    $identified_id: someId,
    $anon_id: someId,
    alias: someId,
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
const awkwardEvent = fc
  .record({
    name: fc.constantFrom('view', 'login', '$identify', '$create_alias', '$merge'),
    properties,
    merge: fc.tuple(awkwardId, awkwardId),
    channel: fc.constantFrom(undefined, 'import' as const, 'track' as const),
  })
  .map(({ name, properties, merge, channel }) =>
    ev(name, name === '$merge' ? { ...properties, $distinct_ids: merge } : properties, channel),
  );
const awkwardProfile = fc
  .record({ id: awkwardId, v: fc.integer({ min: 0, max: 3 }) })
  .map(({ id, v }): ResolveInput => ({ $distinct_id: id as string, $set: { v } }));
const awkwardStream = fc.array(
  fc.oneof({ weight: 9, arbitrary: awkwardEvent }, { weight: 1, arbitrary: awkwardProfile }),
  { maxLength: 40 },
);
const idOptions = fc.record({
  devicePrefix: fc.constantFrom('prefix-again', 'strip' as const),
  blockedIdMatch: fc.constantFrom('exact', 'case-insensitive' as const),
  linkOrder: fc.constantFrom('ingestion', 'event-time' as const),
});

describe('ingestNumbered resolves as ingest does (S-2, S-3, S-4, Q-8, LIM-1, LIM-2, Q-11, Q-12, O-8)', () => {
  it('on every library scenario, in every mode, however the reader numbers ids', () => {
    for (const scenario of LIBRARY) {
      const { records } = playScenario(scenario);
      for (const mode of MODES) {
        expectSameResolution(records, mode, {}, 'one');
        expectSameResolution(records, mode, {}, 'two');
      }
    }
  });

  it('on random streams of awkward ids (devices, placeholders, look-alikes, numbers, empties), every mode and option', () => {
    fc.assert(
      fc.property(
        awkwardStream,
        fc.constantFrom(...MODES),
        idOptions,
        fc.constantFrom<Numbering>('one', 'two'),
        (inputs, mode, options, numbering) => expectSameResolution(inputs, mode, options, numbering),
      ),
      { numRuns: 400 },
    );
  });

  it("on the engine tests' random streams of links, conflicts and merges", () => {
    fc.assert(
      fc.property(stream, fc.constantFrom(...MODES), idOptions, (inputs, mode, options) =>
        expectSameResolution(inputs, mode, options, 'one'),
      ),
      { numRuns: 300 },
    );
  });

  it('numbers found by number do not depend on the text passed with them after the first time', () => {
    // The reader's promise (one text per number) is what lets the engine skip the text: a later text is not read.
    const resolver = new Resolver('simplified', {}, { retainRecords: false });
    const event = (user: string): NumberedEvent => ({
      ...ev('login', { $device_id: 'd1', $user_id: user }),
      distinctIdNumber: NOT_NUMBERED,
      deviceIdNumber: 0,
      userIdNumber: 1,
    });
    const receipts = new IngestReceipts();
    resolver.ingestNumbered(event('u1'), receipts);
    resolver.ingestNumbered(event('u1 (not read)'), receipts);
    expect(resolver.idText(receipts.derivedIdAt(1))).toBe('u1');
    expect(resolver.idText(receipts.deviceKeyAt(1))).toBe('$device:d1');
  });
});
