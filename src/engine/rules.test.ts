// Rules the catalogue does not cover on its own: profiles, placeholder ids, options and the explanations.
import { describe, expect, it } from 'vitest';
import { withDefaults } from './options.ts';
import { resolve } from './resolve.ts';
import type { ProfileUpdate } from './types.ts';
import { DEV, ev, finalIds, G1, G2 } from './test/helpers.ts';

describe('profiles', () => {
  it('S-16: properties set on $device:D stay there after D links to U (stranded)', () => {
    const view = resolve(
      [
        { $distinct_id: '$device:D1', $set: { plan: 'free' } },
        ev('login', { $device_id: 'D1', $user_id: 'U1' }),
        { $distinct_id: 'U1', $set: { email: 'u@x' } },
      ],
      'simplified',
    ).final();
    const profiles = Object.fromEntries(view.profiles().map((p) => [p.distinctId, p]));
    expect(profiles['$device:D1']).toMatchObject({
      status: 'stranded',
      strandedBehind: 'U1',
      properties: { plan: 'free' },
    });
    expect(profiles['U1']).toMatchObject({ status: 'visible', properties: { email: 'u@x' } });
  });

  it("O-17: a merge keeps the canonical id's profile and hides the other, property for property", () => {
    const view = resolve(
      [
        { $distinct_id: DEV(G1), $set: { plan: 'free' } },
        { $distinct_id: 'U1', $set: { plan: 'pro', email: 'u@x' } },
        ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G1) }),
      ],
      'original',
    ).final();
    const canonical = view.canonicalOf('U1');
    const visible = view.profiles().filter((p) => p.status === 'visible');
    const hidden = view.profiles().filter((p) => p.status === 'hidden');
    expect(visible).toHaveLength(1);
    expect(visible[0]?.distinctId).toBe(canonical);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]?.hidden).toEqual({ byEvent: 2, behind: canonical });
  });

  it('O-17: a lone profile moves to the canonical id; later updates on any member reach it (O-2)', () => {
    const view = resolve(
      [
        { $distinct_id: 'U1', $set: { plan: 'pro' } },
        ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G1) }),
        ev('e', { distinct_id: DEV(G1) }),
        { $distinct_id: 'U1', $set_once: { plan: 'ignored', first: 1 }, $add: { logins: 2 } },
      ],
      'original',
      { canonical: 'first-seen' },
    ).final();
    expect(view.profiles()).toEqual([
      expect.objectContaining({
        distinctId: 'U1',
        status: 'visible',
        properties: { plan: 'pro', first: 1, logins: 2 },
      }),
    ]);
  });

  it('property names from input are ordinary names: __proto__ and constructor are set like any other', () => {
    const update = JSON.parse(
      '{"$distinct_id":"U1","$set":{"__proto__":{"polluted":true}}}',
    ) as ProfileUpdate;
    const view = resolve(
      [update, { $distinct_id: 'U1', $set_once: { constructor: 'kiosk' } }],
      'simplified',
    ).final();
    const properties = view.profiles()[0]?.properties ?? {};
    expect(Object.keys(properties).sort()).toEqual(['__proto__', 'constructor']);
    expect(properties['constructor']).toBe('kiosk');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('profiles at a step show the state before later updates', () => {
    const resolution = resolve(
      [
        { $distinct_id: 'U1', $set: { a: 1 } },
        { $distinct_id: 'U1', $set: { a: 2 } },
      ],
      'simplified',
      {},
      { trackSteps: true },
    );
    expect(resolution.at(0).profiles()[0]?.properties).toEqual({ a: 1 });
    expect(resolution.final().profiles()[0]?.properties).toEqual({ a: 2 });
  });
});

describe('placeholder and missing ids', () => {
  it('LIM-1: a placeholder distinct_id is rejected, kept, and attributed to no one', () => {
    const resolution = resolve(
      [ev('a', { $user_id: 'null', $device_id: 'D1' }), ev('b', { distinct_id: 'undefined' })],
      'simplified',
    );
    expect(resolution.outcomes().map((o) => [o.status, o.resolvedId, o.rejectedValue])).toEqual([
      ['rejected', null, 'null'],
      ['rejected', null, 'undefined'],
    ]);
    expect(resolution.final().links()).toEqual([]);
  });

  it('LIM-1: a placeholder $insert_id is rejected too; Q-12 case-insensitive matching is an option', () => {
    expect(finalIds([ev('a', { distinct_id: 'U1', $insert_id: 'none' })], 'original')).toEqual([null]);
    expect(finalIds([ev('a', { distinct_id: 'NULL' })], 'original')).toEqual(['NULL']);
    expect(
      finalIds([ev('a', { distinct_id: 'NULL' })], 'original', { blockedIdMatch: 'case-insensitive' }),
    ).toEqual([null]);
  });

  it('LIM-2: an empty distinct_id is non-attributable; O-1: $user_id alone does not count on Original', () => {
    expect(finalIds([ev('a', { distinct_id: '' })], 'simplified')).toEqual(['']);
    expect(finalIds([ev('a', { $user_id: 'U1' })], 'original')).toEqual(['']);
    expect(finalIds([ev('a', { $user_id: 'U1' })], 'simplified')).toEqual(['U1']);
  });

  it('ids that are numbers compare as their text (DECISIONS.md)', () => {
    expect(
      finalIds([ev('a', { $device_id: 7 }), ev('b', { $device_id: '7', $user_id: 42 })], 'simplified'),
    ).toEqual(['42', '42']);
  });
});

describe('options (DECISIONS.md)', () => {
  const late = [
    ev('a', { $device_id: 'D1', $user_id: 'U1', time: 200 }),
    ev('b', { $device_id: 'D1', $user_id: 'U2', time: 100 }),
    ev('c', { $device_id: 'D1' }),
  ];

  it('Q-1: by ingestion order the first pair ingested wins', () => {
    expect(finalIds(late, 'simplified')).toEqual(['U1', 'U2', 'U1']);
  });

  it('Q-1: by event-time order an earlier-timed pair ingested later takes the link', () => {
    const resolution = resolve(late, 'simplified', { linkOrder: 'event-time' }, { trackSteps: true });
    expect(resolution.outcomes().map((o) => o.resolvedId)).toEqual(['U1', 'U2', 'U2']);
    expect(resolution.outcomes()[0]?.failure?.code).toBe('errAnonDistinctIdAssignedAlready');
    expect(resolution.at(0).outcome(0).failure).toBeUndefined();
  });

  it('Q-3: the GUID check can be strict v4 or off', () => {
    const old = ev('$identify', {
      $identified_id: 'U1',
      $anon_id: '13bbf7943e584-0885c2531-5c793977-3e8000-13bbf7943e64cf',
    });
    expect(resolve([old], 'original').outcomes()[0]?.failure).toBeUndefined();
    expect(resolve([old], 'original', { guidCheck: 'strict-v4' }).outcomes()[0]?.failure?.code).toBe(
      'errAnonDistinctIdNonGUIDForm',
    );
    const short = ev('$identify', { $identified_id: 'U1', $anon_id: 'anon123' });
    expect(resolve([short], 'original', { guidCheck: 'off' }).outcomes()[0]?.failure).toBeUndefined();
  });

  it('Q-5: the canonical strategy decides which id reports show', () => {
    const inputs = [
      ev('e', { distinct_id: DEV(G1) }),
      ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G1) }),
    ];
    expect(finalIds(inputs, 'original')).toEqual([DEV(G1), DEV(G1)]);
    expect(finalIds(inputs, 'original', { canonical: 'user-id-when-present' })).toEqual(['U1', 'U1']);
  });

  it('Q-8: a $device_id with the prefix already is prefixed again, or stripped on request', () => {
    const inputs = [ev('a', { $device_id: '$device:X' })];
    expect(finalIds(inputs, 'simplified')).toEqual(['$device:$device:X']);
    expect(finalIds(inputs, 'simplified', { devicePrefix: 'strip' })).toEqual(['$device:X']);
  });

  it('Q-2: the cap is an option, and its description says the limit in force', () => {
    const inputs = [ev('$merge', { $distinct_ids: ['A', 'B'] }), ev('$merge', { $distinct_ids: ['A', G2] })];
    const failure = resolve(inputs, 'original', { clusterLimit: 2 }).outcomes()[1]?.failure;
    expect(failure).toMatchObject({ code: 'errManyIDs', official: true });
    expect(failure?.description).toBe('too many distinctIDs mapped together, Cluster size: 3 Max limit: 2');
  });

  it('rejects an unknown option value with a message naming it', () => {
    expect(() => withDefaults({ guidCheck: 'loose' as never })).toThrow(
      /guidCheck must be one of php, strict-v4, off/,
    );
    expect(() => withDefaults({ clusterLimit: 0 })).toThrow(/clusterLimit/);
  });
});

describe('explanations name their rules', () => {
  it('S-9 names the device, the user it is linked to and the event that linked it', () => {
    const resolution = resolve(
      [ev('a', { $device_id: 'D1', $user_id: 'U1' }), ev('b', { $device_id: 'D1', $user_id: 'U2' })],
      'simplified',
    );
    expect(resolution.explain(1)).toContain(
      'S-9: $device:D1 is already linked to U1 by event #1; this event stays with U2 and links nothing ($identity_failure_reason = errAnonDistinctIdAssignedAlready).',
    );
  });

  it("O-7 failures quote Mixpanel's $failure_description", () => {
    const resolution = resolve([ev('$identify', { $identified_id: 'U1', $anon_id: 'anon123' })], 'original');
    expect(resolution.explain(0).join('\n')).toContain(
      "$anon_distinct_id didn't match expected GUID pattern: anon123",
    );
  });

  it('labels replace ids, so the app can show D1 for a long uuid', () => {
    const resolution = resolve([ev('a', { $device_id: G1, $user_id: 'U1' })], 'simplified');
    expect(resolution.notes(0, 0, (id) => id.replace(G1, 'D1'))).toEqual(['Links D1 ⇒ U1']);
  });

  it('G-7: $distinct_id_before_identity holds the id an event had before a merge rewrote it', () => {
    const outcomes = resolve(
      [ev('a', { $device_id: 'D1' }), ev('b', { $device_id: 'D1', $user_id: 'U1' })],
      'simplified',
    ).outcomes();
    expect(outcomes.map((o) => o.distinctIdBeforeIdentity)).toEqual(['$device:D1', undefined]);
  });
});
