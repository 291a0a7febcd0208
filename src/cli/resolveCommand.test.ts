// `idmerge resolve` end to end: formats, bad lines, mappings, Legacy's one pass, and agreement with the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../engine/index.ts';
import { stream } from '../engine/test/arbitraries.ts';
import { LEGACY_CASES, ORIGINAL_CASES, SIMPLIFIED_CASES } from '../engine/test/catalogue.ts';
import { generateStream } from '../../bench/generate.ts';
import { cli, parseLines, tempFile } from './test/runCli.ts';

const ndjson = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';
const SIGNUP = [
  { event: 'e1', properties: { $device_id: 'D1', page: 'home' } },
  { event: 'e2', properties: { $device_id: 'D1' } },
  { event: 'e3', properties: { $device_id: 'D1', $user_id: 'U1' } },
  { event: 'e4', properties: { $device_id: 'D1', $user_id: 'U2' } },
];

describe('idmerge resolve', () => {
  it('prints one line per event, in order, with the resolved distinct_id and G-7 properties', async () => {
    const run = await cli(['resolve', tempFile('s.ndjson', ndjson(SIGNUP))]);
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout)).toEqual([
      {
        event: 'e1',
        properties: {
          $device_id: 'D1',
          page: 'home',
          distinct_id: 'U1',
          $distinct_id_before_identity: '$device:D1',
        },
      },
      {
        event: 'e2',
        properties: { $device_id: 'D1', distinct_id: 'U1', $distinct_id_before_identity: '$device:D1' },
      },
      { event: 'e3', properties: { $device_id: 'D1', $user_id: 'U1', distinct_id: 'U1' } },
      {
        event: 'e4',
        properties: {
          $device_id: 'D1',
          $user_id: 'U2',
          distinct_id: 'U2',
          $distinct_id_before_identity: '$device:D1',
          $identity_failure_reason: 'errAnonDistinctIdAssignedAlready',
        },
      },
    ]);
  });

  it('reports a broken line with its number and reason, processes the rest, and exits 1', async () => {
    const text =
      ndjson(SIGNUP.slice(0, 2)) +
      '{"event": "oops", \n' +
      '[1,2]\n' +
      '{"properties":{}}\n' +
      ndjson(SIGNUP.slice(2));
    const run = await cli(['resolve', tempFile('broken.ndjson', text)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3: .*/);
    expect(run.stderr).toMatch(/line 4: .*object/);
    expect(run.stderr).toMatch(/line 5: missing event name/);
    expect(parseLines(run.stdout).map((e) => [e.event, e.properties['distinct_id']])).toEqual([
      ['e1', 'U1'],
      ['e2', 'U1'],
      ['e3', 'U1'],
      ['e4', 'U2'],
    ]);
  });

  it('reads a JSON array, CSV and Segment to the same resolution as NDJSON', async () => {
    const expected = ['U1', 'U1', 'U1', 'U2'];
    const csv = 'event,$device_id,$user_id\ne1,D1,\ne2,D1,\ne3,D1,U1\ne4,D1,U2\n';
    const segment = ndjson([
      { type: 'track', event: 'e1', anonymousId: 'D1' },
      { type: 'track', event: 'e2', anonymousId: 'D1' },
      { type: 'track', event: 'e3', anonymousId: 'D1', userId: 'U1' },
      { type: 'track', event: 'e4', anonymousId: 'D1', userId: 'U2' },
    ]);
    for (const [name, text] of [
      ['a.json', JSON.stringify(SIGNUP)],
      ['a.csv', csv],
      ['segment.ndjson', segment],
    ] as const) {
      const run = await cli(['resolve', tempFile(name, text)]);
      expect(run.stderr, name).toBe('');
      expect(
        parseLines(run.stdout).map((e) => e.properties['distinct_id']),
        name,
      ).toEqual(expected);
    }
  });

  it('reads standard input when FILE is - or missing', async () => {
    const run = await cli(
      ['resolve', '--mode', 'original'],
      ndjson([{ event: 'a', properties: { distinct_id: 'X' } }]),
    );
    expect(parseLines(run.stdout)[0]?.properties['distinct_id']).toBe('X');
  });

  it('--mappings prints the identity mappings table (G-6)', async () => {
    const run = await cli(['resolve', '--mappings', tempFile('m.ndjson', ndjson(SIGNUP))]);
    expect(parseLines(run.stdout)).toEqual([{ distinct_id: '$device:D1', resolved_distinct_id: 'U1' }]);
  });

  it('Legacy freezes ids at ingestion in a single pass (L-3)', async () => {
    const events = [
      { event: 'a', properties: { distinct_id: 'U1' } },
      { event: '$create_alias', properties: { alias: 'U1', distinct_id: 'E' } },
      { event: 'b', properties: { distinct_id: 'U1' } },
    ];
    const run = await cli(['resolve', '--mode', 'legacy', tempFile('l.ndjson', ndjson(events))]);
    expect(parseLines(run.stdout).map((e) => e.properties['distinct_id'])).toEqual(['U1', 'E', 'E']);
  });

  it('names a bad option and exits 2', async () => {
    const bad = await cli(['resolve', '--mode', 'modern', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mode must be one of simplified, original, legacy');
    const limit = await cli(['resolve', '--mode', 'original', '--cluster-limit', 'x', '-']);
    expect(limit.stderr).toContain('--cluster-limit');
  });

  it.each([...SIMPLIFIED_CASES, ...ORIGINAL_CASES, ...LEGACY_CASES].map((c) => [c.id, c] as const))(
    'agrees with the engine on the catalogue: %s',
    async (_id, testCase) => {
      const events = testCase.inputs.filter((input) => 'event' in input && typeof input.event === 'string');
      if (events.length !== testCase.inputs.length) return; // profile updates are passed through, not resolved
      const limit = testCase.options?.clusterLimit;
      const args = ['resolve', '--mode', testCase.mode, ...(limit ? ['--cluster-limit', String(limit)] : [])];
      const run = await cli([...args, tempFile('c.ndjson', ndjson(events))]);
      const expected = resolve(testCase.inputs, testCase.mode, testCase.options)
        .outcomes()
        .map((o) => o.resolvedId);
      expect(parseLines(run.stdout).map((e) => e.properties['distinct_id'])).toEqual(expected);
    },
  );

  it('agrees with the in-memory engine on random streams, in every mode', async () => {
    await fc.assert(
      fc.asyncProperty(
        stream,
        fc.constantFrom('simplified', 'original', 'legacy' as const),
        async (inputs, mode) => {
          const events = inputs.filter((input) => 'event' in input);
          const run = await cli(['resolve', '--mode', mode, tempFile('r.ndjson', ndjson(inputs))]);
          const outcomes = resolve(inputs, mode).outcomes();
          const expected = outcomes
            .filter((_, i) => 'event' in (inputs[i] ?? {}))
            .map((o) => [o.resolvedId, o.failure?.official ? o.failure.code : undefined]);
          const lines = parseLines(run.stdout).filter((line) => 'event' in line);
          const failureOf = (p: Record<string, unknown>) =>
            (p['$identity_failure_reason'] ?? p['$failure_reason']) as string | undefined;
          expect(lines.map((e) => [e.properties['distinct_id'], failureOf(e.properties)])).toEqual(expected);
          expect(lines).toHaveLength(events.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('idmerge resolve on a large realistic stream', () => {
  it.each(['simplified', 'original', 'legacy'] as const)(
    'agrees event by event with the in-memory engine on 30,000 generated events (%s)',
    async (mode) => {
      const events = [...generateStream({ events: 30_000, users: 3_000, devices: 6_000, seed: 7 })].slice(
        0,
        30_000,
      );
      const run = await cli(['resolve', '--mode', mode, tempFile('large.ndjson', ndjson(events))]);
      expect(run.code).toBe(0);
      const expected = resolve(events as Parameters<typeof resolve>[0], mode)
        .outcomes()
        .map((o) => o.resolvedId);
      expect(parseLines(run.stdout).map((e) => e.properties['distinct_id'])).toEqual(expected);
    },
    60_000,
  );
});
