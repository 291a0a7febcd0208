// Identity events: identify with no event after it (P-3), special events ignored (S-8, L-5), refusals on Original
// (O-7, O-8, O-15) and Legacy (L-2), and real identifiers sent as $device_id (P-5).
import { describe, expect, it } from 'vitest';
import { lintStream } from './linter.ts';
import { event, findingOf, scenarioRecords, track, uuid } from './test/streams.ts';

const D = uuid(7);

describe('identify-without-event (P-3, S-7)', () => {
  it('reports the $identify when the stream stops before an event carries both ids', () => {
    const records = scenarioRecords('identify-without-event', 2);
    const finding = findingOf('identify-without-event', records, 'simplified');
    expect(finding).toMatchObject({ severity: 'warning', count: 1, ids: ['alice'], events: [{ index: 1 }] });
  });

  it('stays quiet once an ordinary event carries the pair (the whole scenario)', () => {
    expect(
      findingOf('identify-without-event', scenarioRecords('identify-without-event'), 'simplified'),
    ).toBeUndefined();
  });

  it('stays quiet when the device was already linked to that user before the $identify', () => {
    const records = [
      track({ $device_id: D, $user_id: 'u1' }),
      event('$identify', {
        distinct_id: 'u1',
        $anon_distinct_id: `$device:${D}`,
        $device_id: D,
        $user_id: 'u1',
      }),
    ];
    expect(findingOf('identify-without-event', records, 'simplified')).toBeUndefined();
  });

  it('reads the API form too: $identified_id and $anon_id', () => {
    const records = [track({ $device_id: D }), event('$identify', { $identified_id: 'u1', $anon_id: D })];
    expect(findingOf('identify-without-event', records, 'simplified')).toMatchObject({ ids: ['u1'] });
  });

  it('is Simplified only: on Original the $identify itself merges (O-7)', () => {
    expect(
      findingOf('identify-without-event', scenarioRecords('identify-without-event', 2), 'original'),
    ).toBeUndefined();
  });
});

describe('special-event-no-effect (S-8, P-4, L-5)', () => {
  const script = [
    track({ $device_id: D }),
    event('$identify', { $identified_id: 'u1', $anon_id: D }),
    event('$create_alias', { alias: 'u3', distinct_id: 'u1' }),
    event('$merge', { $distinct_ids: ['u1', 'u2'] }),
  ];

  it('on Simplified, reports API-form $identify, $create_alias and $merge, by name', () => {
    const finding = findingOf('special-event-no-effect', script, 'simplified');
    expect(finding).toMatchObject({ count: 3, rule: 'S-8, P-4' });
    expect(finding?.explanation).toContain('$identify ×1, $create_alias ×1, $merge ×1');
  });

  it('on Legacy, reports $identify and $merge but not $create_alias, which links there (L-1, L-5)', () => {
    expect(findingOf('special-event-no-effect', script, 'legacy')).toMatchObject({ count: 2, rule: 'L-5' });
  });

  it("ignores the SDK's own $identify, sent on every mode and harmless (SDK-7)", () => {
    expect(
      findingOf('special-event-no-effect', scenarioRecords('new-user-signup'), 'simplified'),
    ).toBeUndefined();
    expect(
      findingOf('special-event-no-effect', scenarioRecords('new-user-signup'), 'legacy'),
    ).toBeUndefined();
  });

  it('never fires on Original, where the three events are the way to link', () => {
    expect(findingOf('special-event-no-effect', script, 'original')).toBeUndefined();
  });
});

describe('anon-id-not-guid (O-8, P-15)', () => {
  it('reports $identify refused for a custom anonymous id, as an error', () => {
    const records = [
      track({ distinct_id: 'anon123' }),
      event('$identify', { $identified_id: 'u1', $anon_id: 'anon123' }),
    ];
    expect(findingOf('anon-id-not-guid', records, 'original')).toMatchObject({
      severity: 'error',
      count: 1,
      ids: ['anon123'],
      events: [{ index: 1 }],
    });
  });

  it('stays quiet for GUID-shaped ids, $device:-prefixed or not (O-8)', () => {
    const records = [
      event('$identify', { $identified_id: 'u1', $anon_id: D }),
      event('$identify', { $identified_id: 'u2', $anon_id: `$device:${uuid(8)}` }),
    ];
    expect(lintStream(records, 'original')).toEqual([]);
  });

  it('hands an anon id that is an earlier user id to identity-event-refused, naming P-1 (SDK-5)', () => {
    const records = scenarioRecords('shared-device-without-reset');
    expect(findingOf('anon-id-not-guid', records, 'original')).toBeUndefined();
    expect(findingOf('identity-event-refused', records, 'original')?.explanation).toContain(
      'One of them names',
    );
  });

  it('follows the --guid-check option: off lets every anon id through', () => {
    const records = [event('$identify', { $identified_id: 'u1', $anon_id: 'anon123' })];
    expect(findingOf('anon-id-not-guid', records, 'original', { guidCheck: 'off' })).toBeUndefined();
  });
});

describe('identity-event-refused (O-7, O-11, L-2)', () => {
  it('groups Original refusals by failure code', () => {
    const records = [
      event('$identify', { $identified_id: 'u1', $anon_id: 'u1' }),
      event('$create_alias', { alias: 'a1', distinct_id: 'u1' }),
      event('$create_alias', { alias: 'a1', distinct_id: 'u2' }),
    ];
    const finding = findingOf('identity-event-refused', records, 'original');
    expect(finding).toMatchObject({ count: 2, events: [{ index: 0 }, { index: 2 }] });
    expect(finding?.explanation).toContain('errSameIDs ×1');
    expect(finding?.explanation).toContain('errAliasAlreadyExists ×1');
  });

  it('reports a second alias of one id on Legacy (L-2), and nothing on Simplified', () => {
    const records = [
      event('$create_alias', { alias: 'a1', distinct_id: 'e1' }),
      event('$create_alias', { alias: 'a1', distinct_id: 'e2' }),
    ];
    expect(findingOf('identity-event-refused', records, 'legacy')).toMatchObject({ count: 1, rule: 'L-2' });
    expect(findingOf('identity-event-refused', records, 'simplified')).toBeUndefined();
  });
});

describe('cluster caps (O-15)', () => {
  /** u1 logs in from `devices` fresh devices, one $identify each: reset() on every logout. */
  const logins = (devices: number) =>
    Array.from({ length: devices }, (_, k) =>
      event('$identify', { $identified_id: 'u1', $anon_id: uuid(100 + k) }),
    );

  it('reports refused merges as an error and the full cluster as near the cap', () => {
    const findings = lintStream(logins(11), 'original', { clusterLimit: 10 });
    expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['cluster-over-cap', 'error'],
      ['cluster-near-cap', 'warning'],
    ]);
    expect(findings[0]).toMatchObject({ count: 2, events: [{ index: 9 }, { index: 10 }] });
    expect(findings[1]).toMatchObject({ ids: ['u1'], count: 9 });
  });

  it('stays quiet below 90% of the cap, and on Simplified, where clusters are unlimited (LIM-5)', () => {
    expect(lintStream(logins(7), 'original', { clusterLimit: 10 })).toEqual([]);
    const simplified = Array.from({ length: 20 }, (_, k) => track({ $device_id: uuid(k), $user_id: 'u1' }));
    expect(lintStream(simplified, 'simplified', { clusterLimit: 10 })).toEqual([]);
  });

  it('honours the nearCapFraction setting', () => {
    const finding = findingOf(
      'cluster-near-cap',
      logins(7),
      'original',
      { clusterLimit: 10 },
      { nearCapFraction: 0.5 },
    );
    expect(finding?.explanation).toContain('5 ids or more');
  });
});

describe('identifier-as-device-id (P-5)', () => {
  it('reports phone numbers, emails, and ids also sent as $user_id, whatever the order', () => {
    const records = [
      track({ $device_id: '+65 1234 5678', $user_id: 'charlie' }),
      track({ $device_id: 'crm-42' }),
      track({ $device_id: 'crm-42' }),
      track({ $device_id: 'carol@example.com' }),
      track({ $user_id: 'crm-42' }),
      track({ $device_id: D }),
    ];
    const finding = findingOf('identifier-as-device-id', records, 'simplified');
    expect(finding).toMatchObject({
      severity: 'warning',
      count: 4,
      ids: ['+65 1234 5678', 'crm-42', 'carol@example.com'],
    });
    expect(finding?.events).toEqual([{ index: 0 }, { index: 1 }, { index: 3 }]);
  });

  it('is info on Original, which ignores $device_id on ordinary events (O-1)', () => {
    const records = [track({ distinct_id: 'x', $device_id: '+6512345678' })];
    expect(findingOf('identifier-as-device-id', records, 'original')).toMatchObject({ severity: 'info' });
  });

  it('stays quiet for SDK device ids and short numbers that are no phone number', () => {
    const records = [
      track({ $device_id: D }),
      track({ $device_id: '+123' }),
      track({ $device_id: '12345678' }),
    ];
    expect(findingOf('identifier-as-device-id', records, 'simplified')).toBeUndefined();
  });

  it('fires on the library scenario that sends a phone number as $device_id (SC-S8)', () => {
    expect(
      findingOf('identifier-as-device-id', scenarioRecords('phone-number-as-device-id'), 'simplified'),
    ).toBeDefined();
  });
});
