import { describe, expect, it } from 'vitest';
import { SimulationError } from './errors.ts';
import { SDK_CALLS, SERVER_CALLS, Simulation } from './index.ts';
import { propsOf, run } from './testSupport.ts';
import type { SimulationConfig } from './types.ts';

/** A scenario touching every kind of call, on two browsers and a backend. */
function scenario(config: SimulationConfig): Simulation {
  const sim = new Simulation(config);
  sim.addDevice('laptop', 'web');
  sim.addDevice('phone', 'android');
  sim.addDevice('api', 'server');
  run(sim, 'laptop', [
    ['track', 'a'],
    ['people.set', { a: 1 }],
    ['identify', 'U1'],
    ['reset'],
    ['alias', 'A'],
  ]);
  run(sim, 'phone', [['register', { p: 1 }], ['identify', 'U1'], ['reload'], ['track', 'b']]);
  run(sim, 'api', [
    ['track', 'c', { $user_id: 'U1' }],
    ['merge', 'X', 'Y'],
  ]);
  return sim;
}

describe('determinism and the clock', () => {
  it('same seed, same scenario: the stream is byte for byte the same', () => {
    const [first, second] = [scenario({ seed: 's' }), scenario({ seed: 's' })];
    expect(JSON.stringify(second.records)).toBe(JSON.stringify(first.records));
    expect(second.generatedDeviceIds).toEqual(first.generatedDeviceIds);
  });

  it('a different seed gives different device ids and insert ids', () => {
    const [first, second] = [scenario({ seed: 's' }), scenario({ seed: 't' })];
    expect(second.generatedDeviceIds.filter((id) => first.generatedDeviceIds.includes(id))).toEqual([]);
    const insertIds = (sim: Simulation) =>
      sim.records.flatMap((r) => (r.kind === 'event' ? [r.event.properties['$insert_id']] : []));
    expect(insertIds(second).filter((id) => insertIds(first).includes(id))).toEqual([]);
  });

  it('a device keeps its ids when another device gets more calls', () => {
    const sim = new Simulation({ seed: 's' });
    sim.addDevice('laptop', 'web');
    run(sim, 'laptop', [['track', 'extra'], ['reset']]);
    const full = scenario({ seed: 's' }).generatedDeviceIds; // laptop D1, phone D2, laptop's reset D3
    expect(sim.generatedDeviceIds).toEqual([full[0], full[2]]);
  });

  it('the clock advances tickMs per call, and records within one call are 1 ms apart', () => {
    const sim = new Simulation({ seed: 's', startTime: 1_000_000, tickMs: 5_000 });
    sim.addDevice('web', 'web');
    run(sim, 'web', [
      ['track', 'a'],
      ['register', { x: 1 }],
      ['track', 'b'],
    ]);
    const times = sim.call('web', 'alias', ['A']).map((r) => propsOf(r)['time']);
    expect(sim.records.slice(0, 2).map((r) => propsOf(r)['time'])).toEqual([1_000, 1_010]);
    expect(times).toEqual([1_015, 1_015.001]);
  });

  it('every emitted $insert_id is distinct', () => {
    const ids = scenario({ seed: 's' }).records.flatMap((r) =>
      r.kind === 'event' ? [r.event.properties['$insert_id']] : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the public surface', () => {
  it('lists the SDK and server calls', () => {
    expect(SDK_CALLS).toContain('people.union');
    expect(SDK_CALLS).toContain('reload');
    expect(SERVER_CALLS).toEqual(['track', 'import', 'identify', 'alias', 'merge', 'people.set']);
  });

  it('throws SimulationError naming the problem, and changes nothing', () => {
    const sim = new Simulation({ seed: 's' });
    sim.addDevice('web', 'web');
    sim.addDevice('api', 'server');
    const before = sim.device('web');
    expect(() => sim.call('nobody', 'track', ['x'])).toThrow(new SimulationError('unknown device "nobody"'));
    expect(() => sim.call('web', 'merge', ['a', 'b'])).toThrow(/has no call "merge"/);
    expect(() => sim.call('api', 'reset', [])).toThrow(/server device "api" has no call "reset"/);
    expect(() => sim.call('web', 'track', [42])).toThrow(/track: event name must be a string/);
    expect(() => sim.call('web', 'register', ['x'])).toThrow(/register: properties must be an object/);
    expect(() => sim.call('web', 'identify', [{ id: 1 }])).toThrow(/identify: id must be/);
    expect(() => sim.call('web', 'reset', [1])).toThrow(/reset: takes at most 0/);
    expect(() => sim.call('api', 'identify', ['U1'])).toThrow(/identify: anon id is required/);
    expect(() => sim.addDevice('web', 'web')).toThrow(/already exists/);
    expect(sim.device('web')).toEqual(before);
    expect(sim.records).toEqual([]);
  });

  it('run performs harness steps {device, call, args} in order', () => {
    const sim = new Simulation({ seed: 's' });
    sim.addDevice('web', 'web');
    const records = sim.run([
      { device: 'web', call: 'identify', args: ['U1'] },
      { device: 'web', call: 'track', args: ['a', { x: 1 }] },
    ]);
    expect(records.map((r) => (r.kind === 'event' ? r.event.event : r.kind))).toEqual(['$identify', 'a']);
    expect(sim.records).toEqual(records);
  });

  it('lastCallNote describes only the last call', () => {
    const sim = new Simulation({ seed: 's' });
    sim.addDevice('web', 'web');
    sim.call('web', 'identify', ['$device:x']);
    expect(sim.lastCallNote?.kind).toBe('refused');
    sim.call('web', 'track', ['x']);
    expect(sim.lastCallNote).toBeUndefined();
  });
});
