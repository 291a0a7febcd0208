// `idmerge compare` end to end: the JSON shape, agreement with the metrics module, the text table, bad input.
import { describe, expect, it } from 'vitest';
import { compareRecords, modeVariants, type CappedReport, type CompareReport } from '../compare/index.ts';
import { findScenario } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import { cli, tempFile } from './test/runCli.ts';

const SIGNUP = [
  { event: 'Page View', properties: { distinct_id: '$device:D1', $device_id: 'D1', time: 1_700_000_000 } },
  {
    event: 'Sign Up',
    properties: { distinct_id: 'U1', $device_id: 'D1', $user_id: 'U1', time: 1_700_000_060 },
  },
  {
    event: 'Purchase',
    properties: { distinct_id: 'U1', $device_id: 'D2', $user_id: 'U1', time: 1_700_000_120 },
  },
];
const ndjson = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

describe('idmerge compare', () => {
  it('prints the modes, the differing events and the splits as JSON, the same as the metrics module', async () => {
    const played = playScenario(findScenario('legacy-sally-phone')!);
    const events = played.records.flatMap((r) => (r.kind === 'event' ? [r.event] : []));
    const file = tempFile('sally.ndjson', ndjson(events));
    const run = await cli(['compare', '--json', '--funnel', 'Page View,Sign Up', file]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ReturnType<typeof compareRecords>;
    expect(Object.keys(report.modes)).toEqual(['simplified', 'original', 'legacy']);
    expect(Object.keys(report.modes.legacy!)).toEqual([
      'events',
      'rejected',
      'users',
      'identifiedUsers',
      'anonymousUsers',
      'clusters',
      'largestCluster',
      'failures',
      'funnel',
    ]);
    const expected = compareRecords(
      events.map((event) => ({ kind: 'event' as const, event: { ...event, channel: 'import' as const } })),
      modeVariants(),
      { steps: ['Page View', 'Sign Up'], windowSeconds: 30 * 86_400 },
    );
    expect(report).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(report.modes.legacy!.users).toBe(2);
    expect(report.modes.simplified!.users).toBe(1);
  });

  it('compares only the modes asked for, with a funnel window', async () => {
    const file = tempFile('signup.ndjson', ndjson(SIGNUP));
    const run = await cli([
      'compare',
      '--json',
      '--modes',
      'legacy,simplified',
      '--funnel',
      'Page View,Purchase',
      '--window',
      '1m',
      file,
    ]);
    const report = JSON.parse(run.stdout) as ReturnType<typeof compareRecords>;
    expect(Object.keys(report.modes)).toEqual(['legacy', 'simplified']);
    // Simplified: D1 and D2 both link to U1 (S-6); the purchase comes 2 minutes after the page view, past 1m.
    expect(report.modes.simplified!.funnel).toEqual([
      { step: 'Page View', users: 1 },
      { step: 'Purchase', users: 0 },
    ]);
    expect(report.differences.events).toBe(1);
  });

  it('prints a table for a terminal, with the difference from the first mode in percent', async () => {
    const file = tempFile('signup.ndjson', ndjson(SIGNUP));
    const run = await cli(['compare', '--funnel', 'Page View,Purchase', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s+simplified\s+original\s+legacy$/m);
    // Original and Legacy read distinct_id only (O-1): $device:D1 and U1 stay two users.
    expect(run.stdout).toMatch(/^users\s+1\s+2 \(\+100%\)\s+2 \(\+100%\)$/m);
    expect(run.stdout).toMatch(/^ {2}conversion\s+100%\s+0%\s+0%$/m);
    expect(run.stdout).toContain('events resolved differently: 1 of 3');
  });

  it('names a broken line, compares the rest and exits 1', async () => {
    const file = tempFile(
      'broken.ndjson',
      ndjson(SIGNUP.slice(0, 1)) + '{"event": \n' + ndjson(SIGNUP.slice(1)),
    );
    const run = await cli(['compare', '--json', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 2: /);
    expect(
      (JSON.parse(run.stdout) as { modes: { simplified: { events: number } } }).modes.simplified.events,
    ).toBe(3);
  });

  it('--max-splits lists the biggest splits only and says how many there are (#13)', async () => {
    const played = playScenario(findScenario('legacy-sally-phone')!);
    const events = played.records.flatMap((r) => (r.kind === 'event' ? [r.event] : []));
    const file = tempFile('sally.ndjson', ndjson(events));
    const all = JSON.parse((await cli(['compare', '--json', file])).stdout) as CompareReport;
    expect(all.differences.splits.length).toBeGreaterThan(1);
    const run = await cli(['compare', '--json', '--max-splits', '1', file]);
    expect(run.code).toBe(0);
    const capped = JSON.parse(run.stdout) as CappedReport;
    expect(capped.differences.splits).toEqual(all.differences.splits.slice(0, 1));
    expect(capped.differences.splitCount).toBe(all.differences.splits.length);
    expect(capped.modes).toEqual(all.modes);
    expect((await cli(['compare', '--json', '--max-splits', 'many', file])).code).toBe(2);
    expect((await cli(['compare', '--json', '--max-splits', '-1', file])).code).toBe(2);
  });

  it('refuses unknown modes and windows with exit 2', async () => {
    const file = tempFile('signup.ndjson', ndjson(SIGNUP));
    expect((await cli(['compare', '--modes', 'simplified,nope', file])).code).toBe(2);
    expect((await cli(['compare', '--window', 'soon', file])).code).toBe(2);
    expect((await cli(['compare', '--help'])).stdout).toContain('distinct resolved distinct_ids');
  });
});
