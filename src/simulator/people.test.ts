import { describe, expect, it } from 'vitest';
import { deviceId, eventOf, run, updateOf, webSimulation } from './testSupport.ts';

describe('profile updates (SDK-10)', () => {
  it('SDK-10: every people call before identify is queued in persistence and sends nothing', () => {
    const sim = webSimulation();
    const sent = run(sim, 'web', [
      ['people.set', { a: 'b' }],
      ['people.set_once', 'first', 'yes'],
      ['people.unset', 'gone'],
      ['people.increment', 'visits'],
      ['people.append', 'pages', 'home'],
      ['people.union', { tags: 'x' }],
    ]);
    expect(sent).toEqual([]);
    expect(sim.lastCallNote).toMatchObject({ kind: 'queued', rule: 'SDK-10' });
    expect(sim.device('web').persisted).toMatchObject({
      __mps: { a: 'b' },
      __mpso: { first: 'yes' },
      __mpus: { gone: true },
      __mpa: { visits: 1 },
      __mpap: [{ pages: 'home' }],
      __mpu: { tags: ['x'] },
    });
  });

  it('SDK-10: identify flushes the queue with $distinct_id = the new id, then sends $identify', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['people.set', { a: 'b' }],
      ['people.increment', { n: 2 }],
    ]);
    const records = sim.call('web', 'identify', ['U1']);
    const d1 = deviceId(sim, 1);
    expect(records.map((r) => (r.kind === 'event' ? r.event.event : Object.keys(r.update)[0]))).toEqual([
      '$set',
      '$add',
      '$identify',
    ]);
    expect(updateOf(records[0])).toEqual({
      $set: { a: 'b' },
      $token: 'demo-token',
      $distinct_id: 'U1',
      $device_id: d1,
      $user_id: 'U1',
    });
    expect(updateOf(records[1])).toMatchObject({ $add: { n: 2 }, $distinct_id: 'U1' });
    expect(sim.device('web').persisted['__mps']).toEqual({});
  });

  it('SDK-10: after identify in this page life, updates go out at once', () => {
    const sim = webSimulation();
    sim.call('web', 'identify', ['U1']);
    expect(updateOf(sim.call('web', 'people.set', ['plan', 'pro'])[0])).toMatchObject({
      $set: { plan: 'pro' },
      $distinct_id: 'U1',
    });
    expect(updateOf(sim.call('web', 'people.unset', [['a', '$user_id']])[0])['$unset']).toEqual(['a']);
  });

  it('SDK-10: a reload in a logged-in state queues again until identify is called again', () => {
    const sim = webSimulation();
    run(sim, 'web', [['identify', 'U1'], ['reload']]);
    expect(sim.call('web', 'people.set', [{ plan: 'pro' }])).toEqual([]);
    expect(updateOf(sim.call('web', 'identify', ['U1'])[0])).toMatchObject({
      $set: { plan: 'pro' },
      $distinct_id: 'U1',
    });
  });

  it('SDK-10: queued operations merge like the SDK: set overrides increments, unset cancels, set_once keeps the first', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['people.increment', 'visits', 3],
      ['people.set', { visits: 10 }],
      ['people.increment', { visits: 2, bad: 'x' }],
      ['people.set_once', { first: 'a' }],
      ['people.set_once', { first: 'b' }],
      ['people.union', 'tags', ['x', 'y']],
      ['people.union', 'tags', 'x'],
      ['people.unset', ['first']],
    ]);
    expect(sim.device('web').persisted).toMatchObject({
      __mps: { visits: 12 },
      __mpa: {},
      __mpso: {},
      __mpu: { tags: ['x', 'y'] },
      __mpus: { first: true },
    });
  });

  it('SDK-10: the flush order is $set, $set_once, $unset, $add, $union, then appends newest first', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['people.append', 'pages', 'home'],
      ['people.append', { pages: 'pricing' }],
      ['people.union', { tags: 'a' }],
      ['people.increment', 'n'],
      ['people.unset', 'old'],
      ['people.set_once', { first: 1 }],
      ['people.set', { a: 1 }],
    ]);
    const updates = sim
      .call('web', 'identify', ['U1'])
      .filter((r) => r.kind === 'profile')
      .map(updateOf);
    expect(updates.map((u) => Object.keys(u)[0])).toEqual([
      '$set',
      '$set_once',
      '$unset',
      '$add',
      '$union',
      '$append',
      '$append',
    ]);
    expect(updates.slice(-2).map((u) => u['$append'])).toEqual([{ pages: 'pricing' }, { pages: 'home' }]);
  });

  it('SDK-10: the object form drops reserved keys; the SDK fills in $device_id and $user_id itself', () => {
    const sim = webSimulation();
    sim.call('web', 'identify', ['U1']);
    const update = updateOf(
      sim.call('web', 'people.set', [{ $distinct_id: 'x', $token: 't', $user_id: 'u', name: 'Ann' }])[0],
    );
    expect(update).toEqual({
      $set: { name: 'Ann' },
      $token: 'demo-token',
      $distinct_id: 'U1',
      $device_id: deviceId(sim, 1),
      $user_id: 'U1',
    });
  });

  it('SDK-10: identity keys that are absent or empty are left out of the engage object', () => {
    const sim = webSimulation();
    run(sim, 'web', [
      ['people.set', { a: 1 }],
      ['register', { $device_id: '' }],
    ]);
    const update = updateOf(sim.call('web', 'identify', [])[0]);
    expect(Object.keys(update)).toEqual([
      '$set',
      '$token',
      '$distinct_id',
      '$device_id',
      '$had_persisted_distinct_id',
    ]);
    expect(update['$device_id']).toBe(`$device:${deviceId(sim, 1)}`);
  });

  it('SDK-10: profile updates after alias go to the original distinct_id with $user_id = alias', () => {
    const sim = webSimulation();
    sim.call('web', 'people.set', [{ a: 1 }]);
    const records = sim.call('web', 'alias', ['A']);
    expect(eventOf(records[0]).event).toBe('$create_alias');
    expect(updateOf(records[1])).toMatchObject({
      $set: { a: 1 },
      $distinct_id: `$device:${deviceId(sim, 1)}`,
      $user_id: 'A',
    });
  });
});
