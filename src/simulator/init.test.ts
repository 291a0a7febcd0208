import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { deviceId, propsOf, run, webSimulation } from './testSupport.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EMPTY_QUEUES = { __mps: {}, __mpso: {}, __mpus: {}, __mpa: {}, __mpu: {}, __mpr: [], __mpap: [] };

describe('init and page loads (SDK-1, SDK-2, SDK-3)', () => {
  it('SDK-3: a new device registers distinct_id "$device:<uuid>" and $device_id <uuid>, and sends nothing', () => {
    const sim = webSimulation();
    const d1 = deviceId(sim, 1);
    expect(d1).toMatch(UUID_V4);
    expect(sim.device('web').persisted).toEqual({
      distinct_id: `$device:${d1}`,
      $device_id: d1,
      ...EMPTY_QUEUES,
    });
    expect(sim.records).toEqual([]);
    expect(sim.device('web').identifyCalled).toBe(false);
  });

  it('SDK-1: device ids are lowercase UUID v4, one per device, listed in generation order', () => {
    const sim = new Simulation({ seed: 'ids' });
    sim.addDevice('phone', 'ios');
    sim.addDevice('laptop', 'web');
    expect(sim.generatedDeviceIds).toHaveLength(2);
    for (const id of sim.generatedDeviceIds) expect(id).toMatch(UUID_V4);
    expect(sim.device('phone').persisted['$device_id']).toBe(deviceId(sim, 1));
    expect(sim.device('laptop').persisted['$device_id']).toBe(deviceId(sim, 2));
  });

  it('SDK-3: a reload keeps a stored distinct_id as it is and generates no id', () => {
    const sim = webSimulation();
    run(sim, 'web', [['identify', 'U1'], ['reload']]);
    expect(sim.generatedDeviceIds).toHaveLength(1);
    expect(sim.device('web').persisted).toMatchObject({ distinct_id: 'U1', $device_id: deviceId(sim, 1) });
  });

  it('SDK-3: a reload after identify("") registers a new anonymous distinct_id but keeps the stored $device_id', () => {
    const sim = webSimulation();
    run(sim, 'web', [['identify', ''], ['reload']]);
    const persisted = sim.device('web').persisted;
    expect(persisted['distinct_id']).toBe(`$device:${deviceId(sim, 2)}`);
    expect(persisted['$device_id']).toBe(deviceId(sim, 1));
  });

  it('SDK-10: a reload clears identify and page-only super properties, keeps persisted ones', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['identify', 'U1'],
      ['register', { plan: 'pro' }],
      ['register', { tab: 1 }, { persistent: false }],
    ]);
    expect(sim.device('web')).toMatchObject({ identifyCalled: true, pageSuperProperties: { tab: 1 } });
    expect(sim.call('web', 'reload', [])).toEqual([]);
    expect(sim.device('web')).toMatchObject({ identifyCalled: false, pageSuperProperties: {} });
    expect(propsOf(sim.call('web', 'track', ['after'])[0])).toMatchObject({ plan: 'pro', distinct_id: 'U1' });
    expect(propsOf(sim.records.at(-1))).not.toHaveProperty('tab');
  });

  it('SDK-2: internal keys (__alias, queues, $people_distinct_id) never go out as event properties', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['people.set', { a: 1 }],
      ['alias', 'A'],
      ['register', { $people_distinct_id: 'old' }],
    ]);
    const props = propsOf(sim.call('web', 'track', ['x'])[0]);
    for (const key of [
      '__alias',
      '__mps',
      '__mpso',
      '__mpus',
      '__mpa',
      '__mpu',
      '__mpr',
      '__mpap',
      '$people_distinct_id',
    ])
      expect(props).not.toHaveProperty(key);
    expect(sim.device('web').persisted).toMatchObject({ __alias: 'A', $people_distinct_id: 'old' });
  });
});
