import { describe, expect, it } from 'vitest';
import { resolve, type MixpanelEvent } from '../engine/index.ts';
import { exportSignOf, hasRawIdentity, rederiveIdentity } from './mixpanelExport.ts';

const ev = (properties: Record<string, unknown>, event = 'E'): MixpanelEvent => ({ event, properties });

describe('exportSignOf', () => {
  it.each([
    [{ distinct_id: 'u', mp_processing_time_ms: 1 }, 'mp_processing_time_ms'],
    [{ distinct_id: 'u', $distinct_id_before_identity: '$device:d' }, '$distinct_id_before_identity'],
    [{ distinct_id: 'u_42', $device_id: 'd1' }, 'rewritten distinct_id'],
    [{ distinct_id: 7, $device_id: 'd1' }, 'rewritten distinct_id'],
    [{ distinct_id: '$device:d1', $device_id: 'd1' }, undefined],
    [{ distinct_id: 'd1', $device_id: 'd1' }, undefined],
    [{ distinct_id: 5, $device_id: 5 }, undefined],
    [{ distinct_id: 'u', $device_id: 'd1', $user_id: 'u' }, undefined],
    [{ distinct_id: '', $device_id: 'd1' }, undefined],
    [{ $device_id: 'd1' }, undefined],
    [{ distinct_id: 'u' }, undefined],
  ])('%j → %s', (properties, sign) => {
    expect(exportSignOf(ev(properties))).toBe(sign);
  });

  it('never reads an identity event as rewritten', () => {
    expect(exportSignOf(ev({ distinct_id: 'u', $device_id: 'd1' }, '$identify'))).toBeUndefined();
  });
});

describe('hasRawIdentity', () => {
  it.each([
    [{ $device_id: 'd' }, true],
    [{ $user_id: 0 }, true],
    [{ $device_id: '', $user_id: '' }, false],
    [{ $device_id: null }, false],
    [{ distinct_id: 'u' }, false],
  ])('%j → %s', (properties, expected) => {
    expect(hasRawIdentity(ev(properties))).toBe(expected);
  });
});

describe('rederiveIdentity', () => {
  it('drops distinct_id when $device_id or $user_id is present, keeping everything else', () => {
    const event: MixpanelEvent = {
      event: 'Viewed',
      properties: { distinct_id: 'u_42', $device_id: 'd1', time: 1, mp_processing_time_ms: 2 },
      channel: 'import',
    };
    expect(rederiveIdentity(event)).toEqual({
      event: 'Viewed',
      properties: { $device_id: 'd1', time: 1, mp_processing_time_ms: 2 },
      channel: 'import',
    });
    expect(event.properties['distinct_id']).toBe('u_42');
  });

  it.each([[{ distinct_id: 'u_42' }], [{ distinct_id: 'u_42', $device_id: '' }], [{ $device_id: 'd1' }]])(
    'returns %j unchanged',
    (properties) => {
      const event = ev(properties);
      expect(rederiveIdentity(event)).toBe(event);
    },
  );

  it('changes nothing about a Simplified resolution (S-1 already overrides distinct_id)', () => {
    const exported = [
      ev({ distinct_id: 'u_42', $device_id: 'd1', mp_processing_time_ms: 1 }),
      ev({ distinct_id: 'u_42', $device_id: 'd1', $user_id: 'u_42' }),
      ev({ distinct_id: 'u_42', $device_id: 'd2' }),
    ];
    const ids = (events: MixpanelEvent[]) =>
      resolve(events, 'simplified')
        .outcomes()
        .map((outcome) => outcome.resolvedId);
    expect(ids(exported)).toEqual(['u_42', 'u_42', '$device:d2']);
    expect(ids(exported.map(rederiveIdentity))).toEqual(['u_42', 'u_42', '$device:d2']);
  });
});
