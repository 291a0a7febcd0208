import { describe, expect, it } from 'vitest';
import { resolve, type MixpanelEvent, type Mode, type StreamRecord } from '../engine/index.ts';
import { resolvedEvents, toResolvedEvent } from './resolvedRows.ts';

const ev = (event: string, properties: Record<string, unknown>, channel?: 'track'): MixpanelEvent =>
  channel === undefined ? { event, properties } : { event, properties, channel };

function resolvedAll(events: MixpanelEvent[], mode: Mode, engineFailures = false): MixpanelEvent[] {
  const resolution = resolve(events, mode);
  return resolution
    .outcomes()
    .map((outcome, index) =>
      toResolvedEvent(events[index] ?? ev('missing', {}), outcome, mode, { engineFailures }),
    );
}

describe('toResolvedEvent on Simplified', () => {
  const events = [
    ev('Viewed', { $device_id: 'D1', time: 1 }),
    ev('Signed Up', { $device_id: 'D1', $user_id: 'U1' }),
    ev('Shared device', { $device_id: 'D1', $user_id: 'U2' }),
    ev('Placeholder', { distinct_id: 'null' }),
    ev('Nobody', {}),
  ];

  it('sets the resolved distinct_id, the id before identity, and $identity_failure_reason', () => {
    expect(resolvedAll(events, 'simplified').map((event) => event.properties)).toEqual([
      { $device_id: 'D1', time: 1, distinct_id: 'U1', $distinct_id_before_identity: '$device:D1' },
      { $device_id: 'D1', $user_id: 'U1', distinct_id: 'U1' },
      {
        $device_id: 'D1',
        $user_id: 'U2',
        distinct_id: 'U2',
        $distinct_id_before_identity: '$device:D1',
        $identity_failure_reason: 'errAnonDistinctIdAssignedAlready',
      },
      { distinct_id: null },
      { distinct_id: '' },
    ]);
  });

  it('leaves the input event untouched', () => {
    resolvedAll(events, 'simplified');
    expect(events[0]?.properties).toEqual({ $device_id: 'D1', time: 1 });
  });
});

describe('toResolvedEvent on Original', () => {
  const events = [
    ev('Viewed', { distinct_id: 'anon1', $failure_reason: 'stale' }),
    ev('$identify', { $identified_id: 'U1', $anon_id: 'anon1', distinct_id: 'U1' }),
    ev('$merge', { $distinct_ids: ['U1', 'x'] }, 'track'),
  ];

  it('writes $failure_reason and $failure_description for failures Mixpanel reports, and drops stale ones', () => {
    const [viewed, identify, merge] = resolvedAll(events, 'original');
    expect(viewed?.properties).toEqual({ distinct_id: 'anon1' });
    expect(identify?.properties).toEqual({
      $identified_id: 'U1',
      $anon_id: 'anon1',
      distinct_id: 'U1',
      $failure_reason: 'errAnonDistinctIdNonGUIDForm',
      $failure_description: "$anon_distinct_id didn't match expected GUID pattern: anon1",
    });
    expect(merge).toEqual({
      event: '$merge',
      properties: { $distinct_ids: ['U1', 'x'], distinct_id: 'U1' },
      channel: 'track',
    });
  });

  it('writes the engine-only failures too when asked', () => {
    const merge = resolvedAll(events, 'original', true)[2];
    expect(merge?.properties).toMatchObject({
      $failure_reason: 'mergeNotImported',
      $failure_description:
        '$merge is honoured only when sent through the import API; this one came through /track',
    });
  });

  it('marks events rewritten by a merge with $distinct_id_before_identity', () => {
    // Q-5's default keeps the cluster seen first as canonical, so U1's events show the device id (P-6).
    const anon = '$device:6f1c1a2e-1b7c-4c0e-9a57-3f1f2a9f0b11';
    const merged = [
      ev('Viewed', { distinct_id: anon }),
      ev('$identify', { $identified_id: 'U1', $anon_id: anon, distinct_id: 'U1' }),
      ev('Later', { distinct_id: 'U1' }),
    ];
    expect(resolvedAll(merged, 'original').map((event) => event.properties)).toEqual([
      { distinct_id: anon },
      { $identified_id: 'U1', $anon_id: anon, distinct_id: anon, $distinct_id_before_identity: 'U1' },
      { distinct_id: anon, $distinct_id_before_identity: 'U1' },
    ]);
  });
});

describe('resolvedEvents', () => {
  it('yields one resolved event per event record, skipping profile updates but keeping indexes aligned', () => {
    const records: StreamRecord[] = [
      { kind: 'event', event: ev('A', { $device_id: 'D1' }) },
      { kind: 'profile', update: { $distinct_id: 'U1', $set: { plan: 'pro' } } },
      { kind: 'event', event: ev('B', { $device_id: 'D1', $user_id: 'U1' }) },
    ];
    const resolution = resolve(records, 'simplified');
    expect([...resolvedEvents(records, resolution)]).toEqual([
      ev('A', { $device_id: 'D1', distinct_id: 'U1', $distinct_id_before_identity: '$device:D1' }),
      ev('B', { $device_id: 'D1', $user_id: 'U1', distinct_id: 'U1' }),
    ]);
  });
});
