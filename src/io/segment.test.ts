import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '../engine/index.ts';
import { normaliseSegment } from './segment.ts';

const T = '2024-06-10T09:00:00Z';
const T_SECONDS = 1718010000;

function event(name: string, properties: Record<string, unknown>): StreamRecord {
  return { kind: 'event', event: { event: name, properties, channel: 'import' } };
}

describe('normaliseSegment: events', () => {
  it('track: anonymousId → $device_id, userId → $user_id and distinct_id, messageId → $insert_id, time', () => {
    const message = {
      type: 'track',
      event: 'Order Completed',
      anonymousId: 'a-1',
      userId: 'u_42',
      messageId: 'm1',
      timestamp: T,
      properties: { revenue: 9.5 },
    };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [
        event('Order Completed', {
          revenue: 9.5,
          distinct_id: 'u_42',
          $device_id: 'a-1',
          $user_id: 'u_42',
          $insert_id: 'm1',
          time: T_SECONDS,
        }),
      ],
    });
  });

  it('track without userId: distinct_id is the anonymousId and there is no $user_id', () => {
    const message = { type: 'track', event: 'Viewed', anonymousId: 'a-1', userId: null };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [event('Viewed', { distinct_id: 'a-1', $device_id: 'a-1' })],
    });
  });

  it('track without anonymousId: distinct_id and $user_id are the userId, no $device_id', () => {
    const message = { type: 'track', event: 'Paid', userId: 42 };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [event('Paid', { distinct_id: 42, $user_id: 42 })],
    });
  });

  it('identity fields win over same-named properties', () => {
    const message = {
      type: 'track',
      event: 'E',
      userId: 'u',
      properties: { distinct_id: 'spoof', time: 1, x: 1 },
      timestamp: T,
    };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [event('E', { distinct_id: 'u', time: T_SECONDS, x: 1, $user_id: 'u' })],
    });
  });

  it('page → "Loaded a Page" carrying name and category as properties', () => {
    const message = {
      type: 'page',
      anonymousId: 'a-1',
      name: 'Home',
      category: 'Docs',
      properties: { path: '/' },
      messageId: 'm1',
      timestamp: T,
    };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [
        event('Loaded a Page', {
          name: 'Home',
          category: 'Docs',
          path: '/',
          distinct_id: 'a-1',
          $device_id: 'a-1',
          $insert_id: 'm1',
          time: T_SECONDS,
        }),
      ],
    });
  });

  it('page without a name is still "Loaded a Page"', () => {
    expect(normaliseSegment({ type: 'page', userId: 'u' })).toEqual({
      ok: true,
      records: [event('Loaded a Page', { distinct_id: 'u', $user_id: 'u' })],
    });
  });

  it.each([
    [{ type: 'screen', userId: 'u', name: 'Settings' }, 'Viewed Settings Screen', { name: 'Settings' }],
    [{ type: 'screen', userId: 'u' }, 'Loaded a Screen', {}],
  ])('screen %j → %s', (message, name, extra) => {
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [event(name, { ...extra, distinct_id: 'u', $user_id: 'u' })],
    });
  });
});

describe('normaliseSegment: identity calls', () => {
  it('identify with both ids → $identify event, then $set of the traits on the userId', () => {
    const message = {
      type: 'identify',
      anonymousId: 'a-1',
      userId: 'u_42',
      traits: { email: 'x@y.z' },
      timestamp: '2024-06-10T09:05:00Z',
      messageId: 'm2',
    };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [
        event('$identify', {
          $identified_id: 'u_42',
          $anon_id: 'a-1',
          distinct_id: 'u_42',
          $insert_id: 'm2',
          time: 1718010300,
        }),
        { kind: 'profile', update: { $distinct_id: 'u_42', $set: { email: 'x@y.z' } } },
      ],
    });
  });

  it('identify with only a userId → just the profile update', () => {
    expect(normaliseSegment({ type: 'identify', userId: 'u', traits: { plan: 'pro' } })).toEqual({
      ok: true,
      records: [{ kind: 'profile', update: { $distinct_id: 'u', $set: { plan: 'pro' } } }],
    });
  });

  it('identify without traits → just the $identify event', () => {
    expect(normaliseSegment({ type: 'identify', userId: 'u', anonymousId: 'a' })).toEqual({
      ok: true,
      records: [event('$identify', { $identified_id: 'u', $anon_id: 'a', distinct_id: 'u' })],
    });
  });

  it('identify with only an anonymousId → no record, a note', () => {
    expect(normaliseSegment({ type: 'identify', anonymousId: 'a', traits: { x: 1 } })).toEqual({
      ok: true,
      records: [],
      note: { code: 'segment-anonymous-identify', message: 'identify without userId: nothing to set' },
    });
  });

  it('alias → $create_alias {alias: userId, distinct_id: previousId}', () => {
    const message = {
      type: 'alias',
      previousId: 'a-1',
      userId: 'u_42',
      timestamp: '2024-06-10T09:05:01Z',
      messageId: 'm3',
    };
    expect(normaliseSegment(message)).toEqual({
      ok: true,
      records: [
        event('$create_alias', { alias: 'u_42', distinct_id: 'a-1', $insert_id: 'm3', time: 1718010301 }),
      ],
    });
  });

  it('group → no record, a note', () => {
    expect(normaliseSegment({ type: 'group', userId: 'u', groupId: 'g' })).toEqual({
      ok: true,
      records: [],
      note: {
        code: 'segment-group-ignored',
        message: 'Segment group call ignored: groups do not take part in identity merging',
      },
    });
  });
});

describe('normaliseSegment: time', () => {
  it.each([
    [{ originalTimestamp: T }, T_SECONDS],
    [{ receivedAt: T }, T_SECONDS],
    [{ timestamp: '2024-06-10T09:00:01Z', originalTimestamp: T }, T_SECONDS + 1],
    [{ timestamp: 1718010000000 }, T_SECONDS],
  ])('reads %j', (fields, seconds) => {
    expect(normaliseSegment({ type: 'track', event: 'E', userId: 'u', ...fields })).toMatchObject({
      ok: true,
      records: [{ event: { properties: { time: seconds } } }],
    });
  });
});

describe('normaliseSegment: rejections', () => {
  it.each([
    ['not an object', [], 'not-an-object', 'not a JSON object'],
    ['no type', { event: 'E', userId: 'u' }, 'segment-bad-type', 'missing Segment "type"'],
    [
      'an unknown type',
      { type: 'batch', userId: 'u' },
      'segment-bad-type',
      'unknown Segment type "batch" (expected track, identify, page, screen, alias, group)',
    ],
    ['track without event', { type: 'track', userId: 'u' }, 'missing-event-name', 'missing event name'],
    [
      'track with an empty event',
      { type: 'track', event: '', userId: 'u' },
      'missing-event-name',
      'missing event name',
    ],
    [
      'track without ids',
      { type: 'track', event: 'E', userId: '', anonymousId: null },
      'segment-missing-id',
      'Segment message has neither userId nor anonymousId',
    ],
    [
      'page without ids',
      { type: 'page' },
      'segment-missing-id',
      'Segment message has neither userId nor anonymousId',
    ],
    [
      'identify without ids',
      { type: 'identify', traits: {} },
      'segment-missing-id',
      'Segment message has neither userId nor anonymousId',
    ],
    [
      'alias without previousId',
      { type: 'alias', userId: 'u' },
      'segment-missing-id',
      'alias needs both previousId and userId',
    ],
    [
      'alias without userId',
      { type: 'alias', previousId: 'a' },
      'segment-missing-id',
      'alias needs both previousId and userId',
    ],
    [
      'properties as a list',
      { type: 'track', event: 'E', userId: 'u', properties: [1] },
      'properties-not-object',
      'properties is not an object',
    ],
    [
      'traits as a string',
      { type: 'identify', userId: 'u', traits: 'x' },
      'properties-not-object',
      'traits is not an object',
    ],
    [
      'an unreadable timestamp',
      { type: 'track', event: 'E', userId: 'u', timestamp: 'yesterday' },
      'bad-time',
      'timestamp is not an ISO 8601 date: "yesterday"',
    ],
  ])('rejects %s', (_name, message, code, reason) => {
    expect(normaliseSegment(message)).toEqual({ ok: false, code, reason });
  });
});
