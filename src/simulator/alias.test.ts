import { describe, expect, it } from 'vitest';
import { deviceId, identityRow, propsOf, webSimulation } from './testSupport.ts';

describe('alias (SDK-9)', () => {
  it('SDK-9: alias sends $create_alias {alias, distinct_id: original}, then $identify, and keeps the old distinct_id', () => {
    const sim = webSimulation();
    const d1 = deviceId(sim, 1);
    const records = sim.call('web', 'alias', ['A']);
    expect(records.map(identityRow)).toEqual([
      { event: '$create_alias', distinct_id: `$device:${d1}`, alias: 'A', $device_id: d1 },
      {
        event: '$identify',
        distinct_id: 'A',
        $anon_distinct_id: `$device:${d1}`,
        $device_id: d1,
        $user_id: 'A',
      },
    ]);
    expect(sim.device('web').persisted).toMatchObject({
      distinct_id: `$device:${d1}`,
      __alias: 'A',
      $user_id: 'A',
    });
    expect(identityRow(sim.call('web', 'track', ['x'])[0])).toEqual({
      event: 'x',
      distinct_id: `$device:${d1}`,
      $device_id: d1,
      $user_id: 'A',
    });
  });

  it('SDK-9: alias of the current distinct_id is refused (-1): no $create_alias, identify(alias) sends nothing', () => {
    const sim = webSimulation();
    const anon = `$device:${deviceId(sim, 1)}`;
    expect(sim.call('web', 'alias', [anon])).toEqual([]);
    expect(sim.lastCallNote).toMatchObject({ kind: 'refused', rule: 'SDK-9' });
    expect(sim.device('web').identifyCalled).toBe(true);
  });

  it('SDK-9: alias equal to an explicit original is refused but still identifies with the alias', () => {
    const sim = webSimulation();
    const records = sim.call('web', 'alias', ['U1', 'U1']);
    expect(records.map(identityRow)).toEqual([
      expect.objectContaining({ event: '$identify', distinct_id: 'U1', $user_id: 'U1' }),
    ]);
    expect(sim.lastCallNote?.kind).toBe('refused');
  });

  it('SDK-9: alias equal to the stored $people_distinct_id is refused (-2) and sends nothing', () => {
    const sim = webSimulation();
    sim.call('web', 'register', [{ $people_distinct_id: 'P1' }]);
    const before = sim.device('web').persisted;
    expect(sim.call('web', 'alias', ['P1'])).toEqual([]);
    expect(sim.device('web').persisted).toEqual(before);
    expect(sim.lastCallNote).toMatchObject({
      kind: 'refused',
      rule: 'SDK-9',
      text: expect.stringContaining('-2') as unknown,
    });
  });

  it('SDK-9: an explicit original goes into $create_alias; $anon_distinct_id is still the current distinct_id', () => {
    const sim = webSimulation();
    const anon = `$device:${deviceId(sim, 1)}`;
    const records = sim.call('web', 'alias', ['A', 'orig']);
    expect(propsOf(records[0])).toMatchObject({ alias: 'A', distinct_id: 'orig' });
    expect(propsOf(records[1])).toMatchObject({ distinct_id: 'A', $anon_distinct_id: anon });
  });

  it('SDK-9: identify with the alias keeps distinct_id; identify with a new id drops __alias and switches', () => {
    const sim = webSimulation();
    const anon = `$device:${deviceId(sim, 1)}`;
    sim.call('web', 'alias', ['A']);
    expect(identityRow(sim.call('web', 'identify', ['A'])[0])).toMatchObject({
      distinct_id: 'A',
      $anon_distinct_id: anon,
    });
    expect(sim.device('web').persisted['distinct_id']).toBe(anon);
    expect(identityRow(sim.call('web', 'identify', ['U2'])[0])).toMatchObject({
      distinct_id: 'U2',
      $anon_distinct_id: anon,
    });
    expect(sim.device('web').persisted).not.toHaveProperty('__alias');
    expect(sim.device('web').persisted['distinct_id']).toBe('U2');
  });
});
