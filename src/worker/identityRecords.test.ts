// "Edit as scenario" round trip: an imported identity's events, made a scenario of raw steps and played, resolve in
// every mode to what the whole file resolved those events to.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MODES, resolve, toStreamRecord, type Mode, type StreamRecord } from '../engine/index.ts';
import { stream } from '../engine/test/arbitraries.ts';
import { scenarioFromIdentity } from '../scenarios/fromIdentity.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import { parseScenario } from '../scenarios/validate.ts';
import { identityRecords } from './identityRecords.ts';
import { ImportSession } from './importSession.ts';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));

/** The file's text as one chunk, as the worker's reader would hand it over. */
async function* oneChunk(text: string): AsyncGenerator<string> {
  yield await Promise.resolve(text);
}

async function sessionOf(text: string, mode: Mode): Promise<ImportSession> {
  const session = new ImportSession();
  const settings = { format: 'ndjson', rederive: false } as const;
  await session.load(
    oneChunk(text),
    settings,
    () => undefined,
    () => false,
    { mode, options: {} },
  );
  return session;
}

/** A library scenario's stream as an NDJSON file (what a user would import). */
function fileOf(records: readonly StreamRecord[]): string {
  return records.map((r) => JSON.stringify(r.kind === 'event' ? r.event : r.update)).join('\n');
}

/** What the whole file resolved each record to, under `mode`. */
function resolvedTexts(session: ImportSession, mode: Mode): (index: number) => string | null | undefined {
  session.resolveAs(mode, {});
  const index = session.index;
  return (at) => index.resolvedText(at);
}

/** The played scenario's resolved ids, one per raw step (each step sends one record). */
function scenarioTexts(records: readonly StreamRecord[], mode: Mode): (string | null)[] {
  const view = resolve(records, mode).final();
  return records.map((record, at) => {
    if (record.kind === 'profile') return null;
    const output = view.output(at);
    return output === undefined ? null : (output.resolvedId ?? null);
  });
}

const STREAMS: [string, string][] = [
  ['stream.ndjson', readFileSync(`${FIXTURES}stream.ndjson`, 'utf8')],
  ['findings.ndjson', readFileSync(`${FIXTURES}findings.ndjson`, 'utf8')],
  // Every library story small enough to check cluster by cluster (the long SC-O7 ones are thousands of events).
  ...LIBRARY.map((s): [string, readonly StreamRecord[]] => [s.id, playScenario(s).records])
    .filter(([, records]) => records.length <= 200)
    .map(([id, records]): [string, string] => [id, fileOf(records)]),
];

/** Checks every cluster of `text` (selected under each mode) against the whole file, in every mode. */
async function checkRoundTrip(name: string, text: string): Promise<void> {
  for (const selectedIn of MODES) {
    const session = await sessionOf(text, selectedIn);
    const clusters = session.index.clusters
      .map((c) => identityRecords(session.store, session.index, c.canonical, Infinity))
      .filter((c) => c.records.length > 0);
    const scenarios = clusters.map((c) => scenarioFromIdentity({ ...c, mode: selectedIn, fileName: name }));
    for (const scenario of scenarios) expect(parseScenario(scenario)).toMatchObject({ ok: true });
    for (const mode of MODES) {
      const whole = resolvedTexts(session, mode);
      clusters.forEach((cluster, i) => {
        const played = playScenario(scenarios[i]!);
        const expected = cluster.records.map((r) => whole(r.index) ?? null);
        expect(
          scenarioTexts(played.records, mode),
          `${selectedIn} cluster ${cluster.canonical} on ${mode}`,
        ).toEqual(expected);
      });
    }
  }
}

describe('an imported identity as a scenario of raw steps', () => {
  it.each(STREAMS)('%s: every cluster resolves in every mode as the whole file did', checkRoundTrip);

  it('round-trips every cluster of random streams (links, conflicts, merges, profiles)', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async (inputs) => {
        if (inputs.length === 0) return;
        await checkRoundTrip('random.ndjson', fileOf(inputs.map(toStreamRecord)));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('scenarioFromIdentity', () => {
  it('keeps identity fields only, names platforms it knows, redacts profile values and says what was capped', () => {
    const scenario = scenarioFromIdentity({
      canonical: 'alice',
      total: 5,
      mode: 'simplified',
      fileName: 'app.ndjson',
      records: [
        {
          line: 3,
          inIdentity: true,
          record: {
            kind: 'event',
            event: {
              event: 'Log In',
              channel: 'track',
              properties: {
                distinct_id: 'alice',
                $device_id: 'd1',
                $user_id: 'alice',
                time: 5,
                mp_lib: 'android',
                email: 'a@x',
              },
            },
          },
        },
        {
          line: 4,
          inIdentity: false,
          record: { kind: 'profile', update: { $distinct_id: 'alice', $set: { email: 'a@x' } } },
        },
      ],
    });
    expect(scenario.devices).toEqual([{ id: 'A', kind: 'android', label: 'Android app · $device_id d1' }]);
    expect(scenario.steps).toEqual([
      {
        raw: {
          event: 'Log In',
          properties: { distinct_id: 'alice', $device_id: 'd1', $user_id: 'alice', time: 5 },
        },
        channel: 'track',
        note: 'Line 3 · device A',
      },
      { raw: { $distinct_id: 'alice', $set: { email: '(redacted)' } }, note: 'Line 4 · profile update' },
    ]);
    expect(scenario.lesson).toContain('Only the first 2 of 5');
  });
});

describe('identityRecords and placeholder ids', () => {
  it('does not join two identities through a placeholder $device_id they both sent (LIM-1)', async () => {
    const file = [
      { event: 'Log In', properties: { distinct_id: 'U1', $user_id: 'U1', $device_id: 'undefined' } },
      { event: 'Log In', properties: { distinct_id: 'U2', $user_id: 'U2', $device_id: 'undefined' } },
      { event: 'Page View', properties: { distinct_id: 'U2', $user_id: 'U2' } },
    ]
      .map((event) => JSON.stringify(event))
      .join('\n');
    const session = await sessionOf(file, 'simplified');
    const u1 = identityRecords(session.store, session.index, 'U1', Infinity);
    expect(u1.records.map((r) => r.index)).toEqual([0]);
    expect(u1.total).toBe(1);
  });
});
