// Findings about single events: placeholder ids (LIM-1), placeholder-like ids, no identity (LIM-2/3), emails (P-2),
// prefixed device ids. Each fires on a small stream and stays quiet on a close one.
import { describe, expect, it } from 'vitest';
import { lintStream } from './linter.ts';
import { findingOf, track } from './test/streams.ts';

describe('placeholder-id (LIM-1)', () => {
  it('reports events whose distinct_id or $insert_id is on the refused list, with the values', () => {
    const records = [
      track({ distinct_id: 'null' }),
      track({ distinct_id: 'u1', $insert_id: '0' }),
      track({ distinct_id: 'u1' }),
    ];
    const finding = findingOf('placeholder-id', records, 'original');
    expect(finding).toMatchObject({ severity: 'error', rule: 'LIM-1, P-9', count: 2, ids: ['null', '0'] });
    expect(finding?.events).toEqual([{ index: 0 }, { index: 1 }]);
  });

  it('stays quiet for ids that only contain a placeholder word, and for "" (that is LIM-2)', () => {
    const records = [track({ distinct_id: 'nullable' }), track({ distinct_id: '' })];
    expect(findingOf('placeholder-id', records, 'original')).toBeUndefined();
  });
});

describe('placeholder-like-id (Q-12, P-8)', () => {
  it('reports accepted ids that read as placeholders: other letter cases, suspects, a shared $device_id', () => {
    const records = [
      track({ distinct_id: 'NULL' }),
      track({ distinct_id: 'guest' }),
      track({ $device_id: 'undefined' }),
    ];
    expect(findingOf('placeholder-like-id', records, 'simplified')).toMatchObject({
      severity: 'warning',
      count: 3,
      ids: ['NULL', 'guest', 'undefined'],
    });
  });

  it('leaves a value to placeholder-id when the case-insensitive option rejects it', () => {
    const records = [track({ distinct_id: 'NULL' })];
    const findings = lintStream(records, 'original', { blockedIdMatch: 'case-insensitive' });
    expect(findings.map((finding) => finding.id)).toEqual(['placeholder-id']);
  });

  it('ignores a placeholder distinct_id that Simplified overrides with $device_id (S-1)', () => {
    const records = [track({ distinct_id: 'None', $device_id: '7f3a' })];
    expect(findingOf('placeholder-like-id', records, 'simplified')).toBeUndefined();
  });
});

describe('no-usable-identity (LIM-2, LIM-3)', () => {
  it('on Simplified, reports events with no $user_id, $device_id or distinct_id', () => {
    const records = [track({ time: 1 }), track({ $device_id: 'd1' }), track({ distinct_id: '' })];
    const finding = findingOf('no-usable-identity', records, 'simplified');
    expect(finding).toMatchObject({ count: 2, events: [{ index: 0 }, { index: 2 }] });
    expect(finding?.explanation).toContain('LIM-2');
    expect(finding?.explanation).toContain('LIM-3');
  });

  it('on Original, reports events with $user_id but no distinct_id, and says the mode does not read it', () => {
    const records = [track({ $user_id: 'u1', $device_id: 'd1' }), track({ distinct_id: 'u1' })];
    const finding = findingOf('no-usable-identity', records, 'original');
    expect(finding).toMatchObject({ count: 1 });
    expect(finding?.explanation).toContain('carries $user_id or $device_id, but only Simplified reads those');
  });

  it('does not count identity events, which carry no activity', () => {
    const records = [track({ $device_id: 'd1' }), track({ $distinct_ids: ['a', 'b'] }, '$merge')];
    expect(findingOf('no-usable-identity', records, 'simplified')).toBeUndefined();
  });
});

describe('email-user-id (P-2)', () => {
  const records = [
    track({ $device_id: 'd1', $user_id: 'alice@example.com' }),
    track({ $device_id: 'd2', $user_id: 'bob' }),
  ];

  it('is a warning on Simplified, where a user id can never change (S-10)', () => {
    const finding = findingOf('email-user-id', records, 'simplified');
    expect(finding).toMatchObject({ severity: 'warning', count: 1, ids: ['alice@example.com'] });
    expect(finding?.explanation).toContain('S-10');
  });

  it('is info on Original, where $merge can join two user ids (O-14)', () => {
    const original = [track({ distinct_id: 'alice@example.com' }), track({ distinct_id: 'bob' })];
    expect(findingOf('email-user-id', original, 'original')).toMatchObject({ severity: 'info', count: 1 });
  });

  it('needs a dot after the @, so handles like "team@home" do not count', () => {
    const handles = [track({ $device_id: 'd1', $user_id: 'team@home' })];
    expect(findingOf('email-user-id', handles, 'simplified')).toBeUndefined();
  });
});

describe('device-id-prefixed (Q-8)', () => {
  const records = [track({ $device_id: '$device:abc' }), track({ $device_id: 'abc' })];

  it('reports $device_id values that already start with $device:, saying what this run does with them', () => {
    const finding = findingOf('device-id-prefixed', records, 'simplified');
    expect(finding).toMatchObject({ count: 1, ids: ['$device:abc'], rule: 'Q-8, S-4' });
    expect(finding?.explanation).toContain('$device:$device:');
    const stripped = findingOf('device-id-prefixed', records, 'simplified', { devicePrefix: 'strip' });
    expect(stripped?.explanation).toContain('strips the extra prefix');
  });

  it('is Simplified only: Original does not read $device_id (O-1)', () => {
    expect(findingOf('device-id-prefixed', records, 'original')).toBeUndefined();
  });
});
