import { describe, expect, it } from 'vitest';
import { deviceId, identityRow, propsOf, run, webSimulation } from './testSupport.ts';

const FIVE_GROUP = /^[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the legacy SDK setting: before 2.46 and before 2.62 (SDK-1)', () => {
  it('SDK-1: before 2.46 distinct_id equals the device id, in the five-group hex shape, and $lib_version is 2.45.0', () => {
    const sim = webSimulation({ sdkVersion: 'legacy' });
    const d1 = deviceId(sim, 1);
    expect(d1).toMatch(FIVE_GROUP);
    expect(d1).not.toMatch(UUID_V4);
    expect(sim.device('web').persisted).toEqual({ distinct_id: d1, $device_id: d1 });
    expect(propsOf(sim.call('web', 'track', ['x'])[0])).toMatchObject({
      distinct_id: d1,
      $device_id: d1,
      $lib_version: '2.45.0',
    });
  });

  it('SDK-1: the first and last groups start with the clock in hex, as the old generator did', () => {
    const sim = webSimulation({ sdkVersion: 'legacy', startTime: 1_700_000_000_000 });
    const groups = deviceId(sim, 1).split('-');
    const clockHex = (1_700_000_000_000).toString(16);
    expect(groups[0]?.startsWith(clockHex)).toBe(true);
    expect(groups[4]?.startsWith(clockHex)).toBe(true);
  });

  it('SDK-1: the user-agent and screen groups stay the same for one browser across resets', () => {
    const sim = webSimulation({ sdkVersion: 'legacy' });
    sim.call('web', 'reset', []);
    const [first, second] = [deviceId(sim, 1).split('-'), deviceId(sim, 2).split('-')];
    expect(second.slice(2, 4)).toEqual(first.slice(2, 4));
    expect(second).not.toEqual(first);
  });

  it('SC-SDK1 on the legacy SDK: $anon_distinct_id and reset ids are unprefixed', () => {
    const sim = webSimulation({ sdkVersion: 'legacy' });
    const records = run(sim, 'web', [['identify', 'U1'], ['reset'], ['track', 'b'], ['identify', 'U2']]);
    const [d1, d2] = [deviceId(sim, 1), deviceId(sim, 2)];
    expect(records.map(identityRow)).toEqual([
      { event: '$identify', distinct_id: 'U1', $anon_distinct_id: d1, $device_id: d1, $user_id: 'U1' },
      { event: 'b', distinct_id: d2, $device_id: d2 },
      { event: '$identify', distinct_id: 'U2', $anon_distinct_id: d2, $device_id: d2, $user_id: 'U2' },
    ]);
  });

  it('SDK-5 before 2.46: "$device:" ids are not refused', () => {
    const sim = webSimulation({ sdkVersion: 'legacy' });
    expect(identityRow(sim.call('web', 'identify', ['$device:xyz'])[0])).toMatchObject({
      distinct_id: '$device:xyz',
      $user_id: '$device:xyz',
    });
  });

  it('SDK-5 before 2.46: identify registers $user_id on every call, even with the current id', () => {
    const sim = webSimulation({ sdkVersion: 'legacy' });
    const d1 = deviceId(sim, 1);
    expect(sim.call('web', 'identify', [d1])).toEqual([]);
    expect(sim.device('web').persisted['$user_id']).toBe(d1);
  });

  it('SDK-10 before 2.46: a page load does not create the profile queues', () => {
    const sim = webSimulation({ sdkVersion: 'legacy' });
    sim.call('web', 'reload', []);
    expect(Object.keys(sim.device('web').persisted)).toEqual(['distinct_id', '$device_id']);
  });
});
