import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { eventOf, updateOf } from './testSupport.ts';

function backend(): Simulation {
  const sim = new Simulation({ seed: 'server', token: 'tok', startTime: 1_700_000_000_000 });
  sim.addDevice('api', 'server');
  return sim;
}

describe('server-side senders (S-20, O-19, O-6, O-10, O-13)', () => {
  it('S-20: track sends exactly the given properties plus time, $insert_id and token, through /track', () => {
    const sim = backend();
    const event = eventOf(sim.call('api', 'track', ['Login', { $device_id: 'D1', $user_id: 'U1' }])[0]);
    expect(event).toEqual({
      event: 'Login',
      channel: 'track',
      properties: {
        $device_id: 'D1',
        $user_id: 'U1',
        time: 1_700_000_000,
        $insert_id: expect.stringMatching(/^[0-9a-z]{16}$/) as unknown,
        token: 'tok',
      },
    });
  });

  it('O-19: import sends through the import API and keeps an explicit time', () => {
    const sim = backend();
    const event = eventOf(
      sim.call('api', 'import', ['Old', { distinct_id: 'anon-1', time: 1_600_000_000 }])[0],
    );
    expect(event.channel).toBe('import');
    expect(event.properties).toMatchObject({ distinct_id: 'anon-1', time: 1_600_000_000, token: 'tok' });
    expect(event.properties).not.toHaveProperty('mp_lib');
  });

  it('O-6: identify sends $identify with $identified_id, $anon_id and distinct_id = the identified id, via import', () => {
    const sim = backend();
    const event = eventOf(sim.call('api', 'identify', ['U1', '$device:D1'])[0]);
    expect(event.event).toBe('$identify');
    expect(event.channel).toBe('import');
    expect(event.properties).toMatchObject({
      distinct_id: 'U1',
      $identified_id: 'U1',
      $anon_id: '$device:D1',
    });
  });

  it('O-10: alias sends $create_alias {alias, distinct_id} via import', () => {
    const event = eventOf(backend().call('api', 'alias', ['U2', 'D1'])[0]);
    expect(event).toMatchObject({
      event: '$create_alias',
      channel: 'import',
      properties: { alias: 'U2', distinct_id: 'D1' },
    });
  });

  it('O-13: merge sends $merge with exactly two $distinct_ids via import', () => {
    const event = eventOf(backend().call('api', 'merge', ['X', 'U9'])[0]);
    expect(event).toMatchObject({
      event: '$merge',
      channel: 'import',
      properties: { $distinct_ids: ['X', 'U9'] },
    });
  });

  it('S-16: people.set sends an engage $set keyed by the given $distinct_id', () => {
    const update = updateOf(backend().call('api', 'people.set', ['U1', { plan: 'pro' }])[0]);
    expect(update).toEqual({ $token: 'tok', $distinct_id: 'U1', $set: { plan: 'pro' } });
  });

  it('server senders keep no state and are not truncated', () => {
    const sim = backend();
    const long = 'y'.repeat(300);
    expect(eventOf(sim.call('api', 'track', ['x', { note: long }])[0]).properties['note']).toBe(long);
    expect(sim.device('api')).toEqual({
      label: 'api',
      kind: 'server',
      persisted: {},
      identifyCalled: false,
      pageSuperProperties: {},
    });
    expect(sim.generatedDeviceIds).toEqual([]);
  });
});
