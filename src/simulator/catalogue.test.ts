import { describe, expect, it } from 'vitest';
import { deviceId, identityRow, run, updateOf, webSimulation } from './testSupport.ts';

describe('what the SDK sends: the spec catalogue (SC-SDK1..SC-SDK5)', () => {
  it('SC-SDK1: identify, reset, identify again gives exactly the five rows of the table', () => {
    const sim = webSimulation();
    const records = run(sim, 'web', [
      ['identify', 'U1'],
      ['track', 'a'],
      ['reset'],
      ['track', 'b'],
      ['identify', 'U2'],
      ['track', 'c'],
    ]);
    const [d1, d2] = [deviceId(sim, 1), deviceId(sim, 2)];
    expect(records.map(identityRow)).toEqual([
      {
        event: '$identify',
        distinct_id: 'U1',
        $anon_distinct_id: `$device:${d1}`,
        $device_id: d1,
        $user_id: 'U1',
      },
      { event: 'a', distinct_id: 'U1', $device_id: d1, $user_id: 'U1' },
      { event: 'b', distinct_id: `$device:${d2}`, $device_id: d2 },
      {
        event: '$identify',
        distinct_id: 'U2',
        $anon_distinct_id: `$device:${d2}`,
        $device_id: d2,
        $user_id: 'U2',
      },
      { event: 'c', distinct_id: 'U2', $device_id: d2, $user_id: 'U2' },
    ]);
  });

  it('SC-SDK2: identify(U1) twice sends one $identify; identify(U1) then identify(U2) sends two', () => {
    const twice = webSimulation();
    expect(
      run(twice, 'web', [
        ['identify', 'U1'],
        ['identify', 'U1'],
      ]).map(identityRow),
    ).toHaveLength(1);
    const switched = webSimulation();
    const rows = run(switched, 'web', [
      ['identify', 'U1'],
      ['identify', 'U2'],
    ]).map(identityRow);
    expect(rows.map((r) => [r['event'], r['distinct_id'], r['$anon_distinct_id']])).toEqual([
      ['$identify', 'U1', `$device:${deviceId(switched, 1)}`],
      ['$identify', 'U2', 'U1'],
    ]);
  });

  it('SC-SDK3: alias from the anonymous state, a later track, then alias of $device:D1 refused', () => {
    const sim = webSimulation();
    const d1 = deviceId(sim, 1);
    const records = run(sim, 'web', [
      ['alias', 'A'],
      ['track', 'later'],
    ]);
    expect(records.map(identityRow)).toEqual([
      { event: '$create_alias', distinct_id: `$device:${d1}`, alias: 'A', $device_id: d1 },
      {
        event: '$identify',
        distinct_id: 'A',
        $anon_distinct_id: `$device:${d1}`,
        $device_id: d1,
        $user_id: 'A',
      },
      { event: 'later', distinct_id: `$device:${d1}`, $device_id: d1, $user_id: 'A' },
    ]);
    expect(sim.device('web').persisted['distinct_id']).toBe(`$device:${d1}`);
    const refused = sim.call('web', 'alias', [`$device:${d1}`]);
    expect(refused.filter((r) => r.kind === 'event' && r.event.event === '$create_alias')).toEqual([]);
    expect(sim.lastCallNote?.kind).toBe('refused');
  });

  it('SC-SDK4: identify("$device:xyz") is refused; distinct_id, $user_id and $device_id stay and nothing is sent', () => {
    const sim = webSimulation();
    sim.call('web', 'identify', ['U1']);
    const before = sim.device('web').persisted;
    expect(sim.call('web', 'identify', ['$device:xyz'])).toEqual([]);
    expect(sim.device('web').persisted).toEqual(before);
  });

  it('SC-SDK5: people.set waits in __mps, identify sends $set to U1 with D1, reset then people.set queues again', () => {
    const sim = webSimulation();
    expect(sim.call('web', 'people.set', [{ a: 'b' }])).toEqual([]);
    expect(sim.device('web').persisted['__mps']).toEqual({ a: 'b' });
    const [update] = sim.call('web', 'identify', ['U1']);
    expect(updateOf(update)).toMatchObject({
      $set: { a: 'b' },
      $distinct_id: 'U1',
      $device_id: deviceId(sim, 1),
      $user_id: 'U1',
    });
    expect(run(sim, 'web', [['reset'], ['people.set', { c: 1 }]])).toEqual([]);
    expect(sim.device('web').persisted['__mps']).toEqual({ c: 1 });
  });
});
