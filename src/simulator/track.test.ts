import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { deviceId, eventOf, propsOf, run, webSimulation } from './testSupport.ts';

describe('track and super properties (SDK-4)', () => {
  it('SDK-4: an event carries mp_lib, $lib_version, $insert_id, time in seconds, the ids and the token', () => {
    const sim = webSimulation({ token: 'tok', startTime: 1_700_000_000_000 });
    const [record] = sim.call('web', 'track', ['Page View', { page: 'home' }]);
    const d1 = deviceId(sim, 1);
    expect(eventOf(record)).toEqual({
      event: 'Page View',
      channel: 'track',
      properties: {
        mp_lib: 'web',
        $lib_version: '2.83.0',
        $insert_id: expect.stringMatching(/^[0-9a-z]{16}$/) as unknown,
        time: 1_700_000_000,
        distinct_id: `$device:${d1}`,
        $device_id: d1,
        page: 'home',
        token: 'tok',
      },
    });
    expect(record?.origin).toEqual({ device: 'web' });
  });

  it('SDK-4: the call properties beat super properties, which beat automatic properties; token always wins', () => {
    const sim = webSimulation({ token: 'tok' });
    run(sim, 'web', [['register', { plan: 'free', mp_lib: 'registered' }]]);
    const props = propsOf(
      sim.call('web', 'track', [
        'x',
        { plan: 'pro', distinct_id: 'custom', $device_id: 'D9', token: 'evil' },
      ])[0],
    );
    expect(props).toMatchObject({
      plan: 'pro',
      distinct_id: 'custom',
      $device_id: 'D9',
      mp_lib: 'registered',
    });
    expect(props['token']).toBe('tok');
  });

  it('SDK-4: page-only super properties sit between persisted ones and the call properties', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['register', { plan: 'free', tier: 1 }],
      ['register', { plan: 'page' }, { persistent: false }],
    ]);
    expect(propsOf(sim.call('web', 'track', ['x', { tier: 2 }])[0])).toMatchObject({ plan: 'page', tier: 2 });
  });

  it('SDK-4: register_once keeps existing values unless they equal the default value', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['register', { plan: 'free', flag: 'None' }],
      ['register_once', { plan: 'pro', flag: 'set', first: 'yes' }],
      ['register_once', { first: 'no' }, 'yes'],
    ]);
    expect(sim.device('web').persisted).toMatchObject({ plan: 'free', flag: 'set', first: 'no' });
  });

  it('SDK-4: unregister removes a super property; undefined call properties are skipped', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['register', { plan: 'free' }],
      ['unregister', 'plan'],
    ]);
    const props = propsOf(sim.call('web', 'track', ['x', { gone: undefined }])[0]);
    expect(props).not.toHaveProperty('plan');
    expect(props).not.toHaveProperty('gone');
  });

  it('SDK-4: every string, the event name and nested values included, is truncated to 255 characters', () => {
    const sim = webSimulation();
    const long = 'é'.repeat(300);
    const event = eventOf(
      sim.call('web', 'track', [long, { note: long, list: [long], deep: { v: long }, n: 7 }])[0],
    );
    expect(event.event).toHaveLength(255);
    expect(event.properties['note']).toBe(long.slice(0, 255));
    expect(event.properties['list']).toEqual([long.slice(0, 255)]);
    expect(event.properties['deep']).toEqual({ v: long.slice(0, 255) });
    expect(event.properties['n']).toBe(7);
  });

  it('SDK-4: mp_lib names the SDK of the device kind', () => {
    const sim = new Simulation({ seed: 'kinds' });
    for (const kind of ['web', 'ios', 'android'] as const) sim.addDevice(kind, kind);
    const libs = (['web', 'ios', 'android'] as const).map(
      (kind) => propsOf(sim.call(kind, 'track', ['x'])[0])['mp_lib'],
    );
    expect(libs).toEqual(['web', 'iphone', 'android']);
  });
});

describe('register can override identity (SDK-11)', () => {
  it('SDK-11: the Simplified Segment recipe register({$device_id: S, distinct_id: "$device:"+S})', () => {
    const sim = webSimulation();
    run(sim, 'web', [['register', { $device_id: 'S1', distinct_id: '$device:S1' }]]);
    const [trackRecord] = sim.call('web', 'track', ['x']);
    expect(propsOf(trackRecord)).toMatchObject({ distinct_id: '$device:S1', $device_id: 'S1' });
    const [identifyRecord] = sim.call('web', 'identify', ['U1']);
    expect(propsOf(identifyRecord)).toMatchObject({
      distinct_id: 'U1',
      $anon_distinct_id: '$device:S1',
      $device_id: 'S1',
    });
  });

  it('SDK-11: the Original recipe register({$device_id: S, distinct_id: S})', () => {
    const sim = webSimulation();
    run(sim, 'web', [['register', { $device_id: 'S2', distinct_id: 'S2' }]]);
    const [identifyRecord] = sim.call('web', 'identify', ['U2']);
    expect(propsOf(identifyRecord)).toMatchObject({
      distinct_id: 'U2',
      $anon_distinct_id: 'S2',
      $device_id: 'S2',
      $user_id: 'U2',
    });
  });

  it('SDK-11: register_once does not override the ids init registered', () => {
    const sim = webSimulation();
    run(sim, 'web', [['register_once', { $device_id: 'S3', distinct_id: '$device:S3' }]]);
    expect(sim.device('web').persisted['$device_id']).toBe(deviceId(sim, 1));
  });
});
