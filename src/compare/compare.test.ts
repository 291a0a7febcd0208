// Every metric of the comparison on small streams whose answers are worked out by hand from the spec's rules.
import { describe, expect, it } from 'vitest';
import type { MixpanelEvent, StreamRecord } from '../engine/index.ts';
import { findScenario } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import {
  ComparisonBuilder,
  compareRecords,
  DEFAULT_WINDOW_SECONDS,
  modeVariants,
  parseWindow,
  type CompareReport,
} from './index.ts';

const DAY = 86_400;
const T0 = 1_700_000_000;

function event(name: string, properties: Record<string, unknown>): StreamRecord {
  const sent: MixpanelEvent = { event: name, properties: { time: T0, ...properties } };
  return { kind: 'event', event: sent };
}

function scenarioReport(id: string, funnel?: readonly string[]): CompareReport {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  const spec = funnel === undefined ? undefined : { steps: funnel, windowSeconds: DEFAULT_WINDOW_SECONDS };
  return compareRecords(playScenario(scenario).records, modeVariants(), spec);
}

/** The counts only, for compact expectations: [users, identified, anonymous, clusters, largest, failures]. */
function counts(report: CompareReport, mode: string): number[] {
  const s = report.modes[mode]!;
  return [s.users, s.identifiedUsers, s.anonymousUsers, s.clusters, s.largestCluster, s.failures];
}

describe('the seed flows', () => {
  it('New User Signup: one user on both ID Merge modes (S-6, O-7); Legacy keeps the device apart (L-5)', () => {
    const report = scenarioReport('new-user-signup', ['Page View', 'Sign Up']);
    expect(report.modes.simplified!.events).toBe(4);
    expect(counts(report, 'simplified')).toEqual([1, 1, 0, 1, 2, 0]);
    expect(counts(report, 'original')).toEqual([1, 1, 0, 1, 2, 0]);
    // Legacy: $identify is client-only, nothing links the device to U1, and no cluster holds two ids.
    expect(counts(report, 'legacy')).toEqual([2, 1, 1, 0, 1, 0]);
    expect(report.modes.simplified!.funnel).toEqual([
      { step: 'Page View', users: 1 },
      { step: 'Sign Up', users: 1 },
    ]);
    // On Legacy the Page Views stay on the device and Sign Up is U1's: nobody converts.
    expect(report.modes.legacy!.funnel.map((step) => step.users)).toEqual([1, 0]);
    const simplifiedVsLegacy = report.differences.splits.filter(
      (split) => split.joinedIn === 'simplified' && split.splitIn === 'legacy',
    );
    expect(simplifiedVsLegacy).toEqual([
      expect.objectContaining({ user: 'U1', events: 4, sample: [0, 1], rules: ['L-5', 'S-6'] }),
    ]);
  });

  it('Returning User: the second device joins U1 on both ID Merge modes; Legacy counts each device apart', () => {
    const report = scenarioReport('returning-user');
    expect(counts(report, 'simplified')).toEqual([1, 1, 0, 1, 3, 0]);
    expect(counts(report, 'original')).toEqual([1, 1, 0, 1, 3, 0]);
    expect(counts(report, 'legacy')).toEqual([3, 1, 2, 0, 1, 0]);
  });

  it('Multiple Users, One Device: reset gives each user their own device, so both modes agree on two users', () => {
    const report = scenarioReport('multiple-users-one-device', ['Page View', 'Log In']);
    expect(counts(report, 'simplified')).toEqual([2, 2, 0, 2, 2, 0]);
    expect(counts(report, 'original')).toEqual([2, 2, 0, 2, 2, 0]);
    expect(counts(report, 'legacy')).toEqual([4, 2, 2, 0, 1, 0]);
    expect(report.modes.simplified!.funnel.map((step) => step.users)).toEqual([2, 2]);
    expect(report.modes.legacy!.funnel.map((step) => step.users)).toEqual([2, 0]);
  });
});

describe('a shared device, reset or not (S-9, S-13)', () => {
  it('without reset the second user is refused the device (S-9), so only the first converts', () => {
    const report = scenarioReport('shared-device-without-reset', ['Page View', 'Log In']);
    expect(counts(report, 'simplified')).toEqual([2, 2, 0, 1, 2, 1]);
    expect(report.modes.simplified!.funnel.map((step) => step.users)).toEqual([1, 1]);
  });
});

describe('Legacy: an orphaned device (L-2, L-4)', () => {
  it('Sally on her phone: the second alias fails, so her phone stays a separate user on Legacy only', () => {
    const report = scenarioReport('legacy-sally-phone');
    expect(counts(report, 'simplified')).toEqual([1, 1, 0, 1, 4, 0]);
    expect(counts(report, 'legacy')).toEqual([2, 1, 1, 1, 2, 1]);
    const split = report.differences.splits.find(
      (s) => s.joinedIn === 'simplified' && s.splitIn === 'legacy',
    );
    expect(split).toMatchObject({ user: 'sally@gmail.com', events: 10, sample: [4, 5, 7] });
    expect(split?.rules).toEqual(['L-2', 'S-6']);
  });

  it('a hand-made orphan: D2 browses before logging in as U on Legacy; only Simplified gives D2 to U', () => {
    const stream = [
      event('Page View', { distinct_id: 'd1', $device_id: 'd1' }),
      event('$create_alias', { distinct_id: 'd1', $device_id: 'd1', alias: 'U' }),
      event('Sign Up', { distinct_id: 'U', $device_id: 'd1', $user_id: 'U' }),
      event('Page View', { distinct_id: 'd2', $device_id: 'd2' }),
      event('Purchase', { distinct_id: 'U', $device_id: 'd2', $user_id: 'U' }),
    ];
    const report = compareRecords(stream, modeVariants(['simplified', 'legacy']));
    // Simplified: $device:d1 and $device:d2 both link to U (S-6); one user, cluster {U, d1, d2}.
    expect(counts(report, 'simplified')).toEqual([1, 1, 0, 1, 3, 0]);
    // Legacy: U → d1 (L-1), so U's events land on d1; d2's Page View stays on d2, orphaned (L-4).
    expect(counts(report, 'legacy')).toEqual([2, 1, 1, 1, 2, 0]);
    expect(report.differences.splits).toEqual([
      {
        joinedIn: 'simplified',
        user: 'U',
        splitIn: 'legacy',
        into: ['d1', 'd2'],
        events: 5,
        sample: [3],
        rules: ['L-4', 'S-6'],
      },
    ]);
  });
});

describe('events, rejections and ids', () => {
  const stream = [
    event('Page View', { distinct_id: 'null' }),
    event('Page View', { $device_id: 'a' }),
    event('Page View', {}),
    { kind: 'profile', update: { $distinct_id: 'a', $set: { plan: 'pro' } } } as StreamRecord,
  ];

  it('counts rejected events (LIM-1) as events of no one, and leaves profile updates out', () => {
    const report = compareRecords(stream, modeVariants(['simplified']));
    const summary = report.modes.simplified!;
    expect([summary.events, summary.rejected]).toEqual([3, 1]);
    // The id-less event resolves to "" (LIM-2) and counts for no one; $device:a is the one user, anonymous.
    expect([summary.users, summary.identifiedUsers, summary.anonymousUsers]).toEqual([1, 0, 1]);
  });

  it('marks exactly the events whose resolved distinct_id differs', () => {
    const comparison = new ComparisonBuilder(modeVariants(['simplified', 'original']))
      .addAll([
        event('A', { distinct_id: 'x' }),
        event('B', { $device_id: 'd', $user_id: 'u', distinct_id: 'u' }),
        event('C', { $device_id: 'd', distinct_id: '$device:d' }),
      ])
      .finish();
    // Original reads distinct_id only (O-1): C stays on $device:d, where Simplified resolves it to u (S-12).
    expect([...comparison.differences()]).toEqual([0, 0, 1]);
    expect(comparison.differingCount()).toBe(1);
    expect(comparison.resolvedText(0, 2)).toBe('u');
    expect(comparison.resolvedText(1, 2)).toBe('$device:d');
  });
});

describe('funnels', () => {
  const steps = ['Sign Up', 'Purchase'];
  const stream = [
    event('Sign Up', { $user_id: 'early', time: T0 }),
    event('Purchase', { $user_id: 'early', time: T0 + 29 * DAY }),
    event('Sign Up', { $user_id: 'late', time: T0 }),
    event('Purchase', { $user_id: 'late', time: T0 + 31 * DAY }),
    // Out of stream order: the purchase comes first in the file but after the sign-up in time.
    event('Purchase', { $user_id: 'shuffled', time: T0 + DAY }),
    event('Sign Up', { $user_id: 'shuffled', time: T0 }),
    // Wrong order in time: a purchase before signing up does not convert.
    event('Purchase', { $user_id: 'backwards', time: T0 }),
    event('Sign Up', { $user_id: 'backwards', time: T0 + DAY }),
  ];

  it('counts a user once per step, in time order, within 30 days by default', () => {
    const report = compareRecords(stream, modeVariants(['simplified']), {
      steps,
      windowSeconds: DEFAULT_WINDOW_SECONDS,
    });
    expect(report.modes.simplified!.funnel).toEqual([
      { step: 'Sign Up', users: 4 },
      { step: 'Purchase', users: 2 },
    ]);
  });

  it('a wider window converts the late purchase; a second attempt after the window counts too', () => {
    const comparison = new ComparisonBuilder(modeVariants(['simplified'])).addAll(stream).finish();
    expect(comparison.funnel(0, { steps, windowSeconds: 32 * DAY })[1]).toEqual({
      step: 'Purchase',
      users: 3,
    });
    const retry = new ComparisonBuilder(modeVariants(['simplified']))
      .addAll([
        event('Sign Up', { $user_id: 'u', time: T0 }),
        event('Sign Up', { $user_id: 'u', time: T0 + 40 * DAY }),
        event('Purchase', { $user_id: 'u', time: T0 + 41 * DAY }),
      ])
      .finish();
    expect(retry.funnel(0, { steps, windowSeconds: DEFAULT_WINDOW_SECONDS })[1]!.users).toBe(1);
  });

  it('a step nobody sent counts nobody', () => {
    const comparison = new ComparisonBuilder(modeVariants(['simplified'])).addAll(stream).finish();
    expect(comparison.funnel(0, { steps: ['Nope', 'Sign Up'], windowSeconds: DAY })).toEqual([
      { step: 'Nope', users: 0 },
      { step: 'Sign Up', users: 0 },
    ]);
  });

  it('reads conversion windows', () => {
    expect(parseWindow('30d')).toBe(30 * DAY);
    expect(parseWindow('12h')).toBe(12 * 3600);
    expect(parseWindow('2w')).toBe(14 * DAY);
    expect(parseWindow('7')).toBe(7 * DAY);
    expect(parseWindow('soon')).toBeUndefined();
    expect(parseWindow('0d')).toBeUndefined();
  });
});

describe('unique users per day', () => {
  it('counts each resolved user once a day, per mode; events without a time are left out', () => {
    const comparison = new ComparisonBuilder(modeVariants(['simplified', 'legacy']))
      .addAll([
        event('A', { distinct_id: '$device:d', $device_id: 'd', time: T0 }),
        event('B', { distinct_id: 'u', $device_id: 'd', $user_id: 'u', time: T0 + 60 }),
        event('C', { distinct_id: 'u', $user_id: 'u', time: T0 + DAY }),
        { kind: 'event', event: { event: 'D', properties: { distinct_id: 'v' } } },
      ])
      .finish();
    const first = Math.floor(T0 / DAY);
    // Simplified: $device:d joins u (S-12), one user on day one; Legacy keeps $device:d apart (L-5), two.
    expect(comparison.daily()).toEqual({
      days: [first, first + 1],
      users: { simplified: [1, 1], legacy: [2, 1] },
    });
  });
});
