// Shared devices: two users on one device (S-9, P-1), two users merged (O-14), anonymous activity handed over (SC-S5).
import { describe, expect, it } from 'vitest';
import { MODES, resolve } from '../engine/index.ts';
import { createLinter } from './linter.ts';
import { event, findingOf, scenarioRecords, seriousFindings, track, uuid } from './test/streams.ts';

const D = uuid(1);

/** One device, user u1 then user u2 with no reset between: what the SDK sends on every mode (SC-S4). */
const sharedWithoutReset = [
  track({ distinct_id: 'u1', $device_id: D, $user_id: 'u1' }),
  track({ distinct_id: 'u1', $device_id: D, $user_id: 'u1' }, 'Log Out'),
  track({ distinct_id: 'u2', $device_id: D, $user_id: 'u2' }, 'Log In'),
  track({ distinct_id: 'u2', $device_id: D, $user_id: 'u2' }),
];

describe('device-two-users (S-9, P-1)', () => {
  it.each(MODES)('on %s, reports the device and the events that name its second user', (mode) => {
    const finding = findingOf('device-two-users', sharedWithoutReset, mode);
    expect(finding).toMatchObject({ severity: 'warning', count: 2, ids: [D] });
    expect(finding?.events).toEqual([{ index: 2 }, { index: 3 }]);
    expect(finding?.explanation).toContain('"u1" and "u2"');
  });

  it('explains the consequence per mode: the S-9 refusal, the O-7 refusal, the L-5 client-only identify', () => {
    const rule = (mode: (typeof MODES)[number]) =>
      findingOf('device-two-users', sharedWithoutReset, mode)?.rule;
    expect(rule('simplified')).toBe('S-9, P-1');
    expect(rule('original')).toBe('P-1, O-7, O-18');
    expect(rule('legacy')).toBe('P-1, L-5, L-8');
    expect(findingOf('device-two-users', sharedWithoutReset, 'simplified')?.explanation).toContain(
      'errAnonDistinctIdAssignedAlready',
    );
  });

  it('stays quiet when each user gets a new device id from reset() (SC-S3) and on a returning user (SC-S2)', () => {
    expect(seriousFindings(scenarioRecords('multiple-users-one-device'), 'simplified')).toEqual([]);
    expect(seriousFindings(scenarioRecords('returning-user'), 'simplified')).toEqual([]);
    expect(
      findingOf('device-two-users', scenarioRecords('original-multiple-users-one-device'), 'original'),
    ).toBeUndefined();
  });

  it('fires on the library scenario that identifies twice without reset', () => {
    expect(
      findingOf('device-two-users', scenarioRecords('shared-device-without-reset'), 'simplified'),
    ).toBeDefined();
  });
});

describe('device-users-merged (O-14, P-15)', () => {
  const merged = [...sharedWithoutReset, event('$merge', { $distinct_ids: ['u1', 'u2'] }, 'import')];

  it('reports two users of one device that a $merge joined, instead of device-two-users', () => {
    const linter = createLinter('original');
    merged.forEach((record, index) => linter.observe(record, index, index + 1));
    const findings = linter.finish();
    expect(findings.map((finding) => finding.id)).toContain('device-users-merged');
    expect(findings.map((finding) => finding.id)).not.toContain('device-two-users');
    const finding = findings.find((f) => f.id === 'device-users-merged');
    expect(finding?.events).toEqual([
      { index: 2, line: 3 },
      { index: 3, line: 4 },
    ]);
  });

  it('does not fire when the $merge came through /track, which Original ignores (O-13)', () => {
    const viaTrack = [...sharedWithoutReset, event('$merge', { $distinct_ids: ['u1', 'u2'] }, 'track')];
    expect(findingOf('device-users-merged', viaTrack, 'original')).toBeUndefined();
  });
});

describe('anonymous-handover (SC-S5, P-1)', () => {
  /** u1 uses the device, logs out with a reset that kept the device id, someone browses, then u2 logs in. */
  const handedOver = [
    track({ $device_id: D, $user_id: 'u1' }),
    track({ $device_id: D }),
    track({ $device_id: D }),
    track({ $device_id: D, $user_id: 'u2' }, 'Log In'),
  ];

  it('on Simplified, reports the anonymous run that resolves to the earlier user (S-13)', () => {
    const finding = findingOf('anonymous-handover', handedOver, 'simplified');
    expect(finding).toMatchObject({ severity: 'warning', count: 2, events: [{ index: 1 }], ids: [D] });
    expect(resolve(handedOver, 'simplified').final().outcome(1).resolvedId).toBe('u1');
  });

  it('on Original, fires when $identify had merged the device into the earlier user (O-7)', () => {
    const original = [
      event('$identify', {
        distinct_id: 'u1',
        $anon_distinct_id: `$device:${D}`,
        $device_id: D,
        $user_id: 'u1',
      }),
      track({ distinct_id: 'u1', $device_id: D, $user_id: 'u1' }),
      track({ distinct_id: `$device:${D}`, $device_id: D }),
      track({ distinct_id: 'u2', $device_id: D, $user_id: 'u2' }),
    ];
    expect(findingOf('anonymous-handover', original, 'original')).toMatchObject({ count: 1 });
  });

  it('on Original, stays quiet when nothing merged the device, so the anonymous events stay apart', () => {
    const unmerged = [
      track({ distinct_id: 'u1', $device_id: D, $user_id: 'u1' }),
      track({ distinct_id: `$device:${D}`, $device_id: D }),
      track({ distinct_id: 'u2', $device_id: D, $user_id: 'u2' }),
    ];
    expect(findingOf('anonymous-handover', unmerged, 'original')).toBeUndefined();
  });

  it('stays quiet when the same user comes back after the anonymous run', () => {
    const sameUser = [...handedOver.slice(0, 3), track({ $device_id: D, $user_id: 'u1' })];
    expect(findingOf('anonymous-handover', sameUser, 'simplified')).toBeUndefined();
  });

  it('does not cry wolf on a sign-up: anonymous events before the first user are the normal flow (SC-S1)', () => {
    expect(seriousFindings(scenarioRecords('new-user-signup'), 'simplified')).toEqual([]);
  });

  it('by design misses a guest who browses before the first login (SC-S5): it looks exactly like a sign-up', () => {
    const records = scenarioRecords('anonymous-activity-handed-over');
    for (const mode of MODES) expect(findingOf('anonymous-handover', records, mode)).toBeUndefined();
  });
});
