import { describe, expect, it } from 'vitest';
import { deviceId, identityRow, propsOf, run, updateOf, webSimulation } from './testSupport.ts';

describe('identify (SDK-5, SDK-6, SDK-7)', () => {
  it('SDK-7: identify with a new id sends $identify with distinct_id, $anon_distinct_id and both ids', () => {
    const sim = webSimulation();
    const records = sim.call('web', 'identify', ['U1']);
    const d1 = deviceId(sim, 1);
    expect(records.map(identityRow)).toEqual([
      {
        event: '$identify',
        distinct_id: 'U1',
        $anon_distinct_id: `$device:${d1}`,
        $device_id: d1,
        $user_id: 'U1',
      },
    ]);
    expect(propsOf(records[0])).not.toHaveProperty('$identified_id');
    expect(propsOf(records[0])).not.toHaveProperty('$anon_id');
  });

  it('SDK-5: identify with the same id sends nothing and changes nothing', () => {
    const sim = webSimulation();
    sim.call('web', 'identify', ['U1']);
    const before = sim.device('web').persisted;
    expect(sim.call('web', 'identify', ['U1'])).toEqual([]);
    expect(sim.device('web').persisted).toEqual(before);
    expect(sim.lastCallNote).toMatchObject({ kind: 'silent', rule: 'SDK-5' });
  });

  it('SDK-5: identify with the same id still flushes the profile queue', () => {
    const sim = webSimulation();
    run(sim, 'web', [['identify', 'U1'], ['reload'], ['people.set', { a: 1 }]]);
    const records = sim.call('web', 'identify', ['U1']);
    expect(records.map((r) => r.kind)).toEqual(['profile']);
    expect(updateOf(records[0])).toMatchObject({ $set: { a: 1 }, $distinct_id: 'U1' });
  });

  it('SDK-5: a second, different id switches distinct_id and $user_id and keeps $device_id', () => {
    const sim = webSimulation();
    sim.call('web', 'identify', ['U1']);
    const [record] = sim.call('web', 'identify', ['U2']);
    expect(identityRow(record)).toEqual({
      event: '$identify',
      distinct_id: 'U2',
      $anon_distinct_id: 'U1',
      $device_id: deviceId(sim, 1),
      $user_id: 'U2',
    });
  });

  it('SDK-5: identify of a "$device:" id is refused: nothing is sent and nothing changes', () => {
    const sim = webSimulation();
    const before = sim.device('web').persisted;
    expect(sim.call('web', 'identify', ['$device:xyz'])).toEqual([]);
    expect(sim.device('web')).toMatchObject({ persisted: before, identifyCalled: false });
    expect(sim.lastCallNote).toMatchObject({ kind: 'refused', rule: 'SDK-5' });
  });

  it('SDK-5: numbers are accepted as ids', () => {
    const sim = webSimulation();
    expect(identityRow(sim.call('web', 'identify', [42])[0])).toMatchObject({
      distinct_id: 42,
      $user_id: 42,
    });
  });

  it('SDK-5: identify() with no argument keeps distinct_id yet sends $identify from the current id to itself', () => {
    const sim = webSimulation();
    const anon = `$device:${deviceId(sim, 1)}`;
    const records = sim.call('web', 'identify', []);
    expect(identityRow(records[0])).toEqual({
      event: '$identify',
      distinct_id: anon,
      $anon_distinct_id: anon,
      $device_id: deviceId(sim, 1),
    });
    expect(sim.device('web').identifyCalled).toBe(true);
  });

  it('SDK-5 / Q-16: identify(null) and identify("") are not guarded: they overwrite distinct_id and send $identify', () => {
    const sim = webSimulation();
    const anon = `$device:${deviceId(sim, 1)}`;
    const [nullIdentify] = sim.call('web', 'identify', [null]);
    expect(identityRow(nullIdentify)).toMatchObject({ distinct_id: null, $anon_distinct_id: anon });
    expect(identityRow(nullIdentify)).not.toHaveProperty('$user_id');
    const [emptyIdentify] = sim.call('web', 'identify', ['']);
    expect(identityRow(emptyIdentify)).toMatchObject({ distinct_id: '', $anon_distinct_id: null });
    expect(propsOf(sim.call('web', 'track', ['x'])[0])['distinct_id']).toBe('');
  });

  it('SDK-5: without a stored $device_id, identify makes the old distinct_id the device id and flags it', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['register', { distinct_id: 'old-id' }],
      ['unregister', '$device_id'],
      ['people.set', { a: 1 }],
    ]);
    const records = sim.call('web', 'identify', ['U1']);
    expect(updateOf(records[0])).toMatchObject({
      $distinct_id: 'U1',
      $device_id: 'old-id',
      $user_id: 'U1',
      $had_persisted_distinct_id: true,
    });
    expect(propsOf(records[1])).toMatchObject({ $device_id: 'old-id', $had_persisted_distinct_id: true });
  });

  it('SDK-5: $had_persisted_distinct_id appears only in that legacy-state branch', () => {
    const sim = webSimulation();
    const records = run(sim, 'web', [
      ['identify', 'U1'],
      ['identify', 'U2'],
      ['track', 'x'],
    ]);
    for (const record of records) expect(propsOf(record)).not.toHaveProperty('$had_persisted_distinct_id');
  });

  it('SDK-6: the ids before and after identify, reset, identify again and alias', () => {
    const sim = webSimulation();
    const ids = (): Record<string, unknown> => {
      const { distinct_id, $device_id, $user_id } = sim.device('web').persisted;
      return { distinct_id, $device_id, $user_id };
    };
    const [d1] = [deviceId(sim, 1)];
    expect(ids()).toEqual({ distinct_id: `$device:${d1}`, $device_id: d1, $user_id: undefined });
    sim.call('web', 'identify', ['U1']);
    expect(ids()).toEqual({ distinct_id: 'U1', $device_id: d1, $user_id: 'U1' });
    sim.call('web', 'reset', []);
    const d2 = deviceId(sim, 2);
    expect(ids()).toEqual({ distinct_id: `$device:${d2}`, $device_id: d2, $user_id: undefined });
    sim.call('web', 'identify', ['U1']);
    expect(ids()).toEqual({ distinct_id: 'U1', $device_id: d2, $user_id: 'U1' });
    sim.call('web', 'reset', []);
    sim.call('web', 'alias', ['A']);
    const d3 = deviceId(sim, 3);
    expect(ids()).toEqual({ distinct_id: `$device:${d3}`, $device_id: d3, $user_id: 'A' });
  });
});
