import { describe, expect, it } from 'vitest';
import { deviceId, propsOf, run, webSimulation } from './testSupport.ts';

describe('reset (SDK-8)', () => {
  it('SDK-8: reset sends nothing and makes a new device id with a "$device:" distinct_id', () => {
    const sim = webSimulation();
    sim.call('web', 'identify', ['U1']);
    expect(sim.call('web', 'reset', [])).toEqual([]);
    const d2 = deviceId(sim, 2);
    expect(d2).not.toBe(deviceId(sim, 1));
    expect(sim.device('web').persisted).toEqual({ distinct_id: `$device:${d2}`, $device_id: d2 });
    expect(sim.lastCallNote).toMatchObject({ kind: 'silent', rule: 'SDK-8' });
  });

  it('SDK-8: reset clears super properties, $user_id, __alias and queued profile updates, and forgets identify', () => {
    const sim = webSimulation();
    run(sim, 'web', [['register', { plan: 'pro' }], ['people.set', { a: 1 }], ['alias', 'A'], ['reset']]);
    const persisted = sim.device('web').persisted;
    for (const key of ['plan', '$user_id', '__alias', '__mps']) expect(persisted).not.toHaveProperty(key);
    expect(sim.device('web').identifyCalled).toBe(false);
    expect(propsOf(sim.call('web', 'track', ['x'])[0])).not.toHaveProperty('plan');
  });

  it('SDK-8: page-only super properties survive reset', () => {
    const sim = webSimulation();
    run(sim, 'web', [['register', { tab: 'one' }, { persistent: false }], ['reset']]);
    expect(propsOf(sim.call('web', 'track', ['x'])[0])['tab']).toBe('one');
  });

  it('SDK-8: records sent on the device id reset made are marked afterReset; earlier ones are not', () => {
    const sim = webSimulation();
    const [before] = sim.call('web', 'track', ['a']);
    run(sim, 'web', [['reset']]);
    const [after] = sim.call('web', 'track', ['b']);
    run(sim, 'web', [['reload']]);
    const [afterReload] = sim.call('web', 'track', ['c']);
    expect(before?.origin).toEqual({ device: 'web' });
    expect(after?.origin).toEqual({ device: 'web', afterReset: true });
    expect(afterReload?.origin).toEqual({ device: 'web', afterReset: true });
  });
});
