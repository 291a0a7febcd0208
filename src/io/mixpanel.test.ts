import { describe, expect, it } from 'vitest';
import { normaliseMixpanel } from './mixpanel.ts';

describe('normaliseMixpanel: events', () => {
  it('keeps event, properties and channel, and drops other top-level keys', () => {
    const value = {
      event: 'Signed Up',
      properties: { distinct_id: 42, $user_id: 'u' },
      channel: 'track',
      extra: 1,
    };
    expect(normaliseMixpanel(value)).toEqual({
      ok: true,
      records: [
        {
          kind: 'event',
          event: { event: 'Signed Up', properties: { distinct_id: 42, $user_id: 'u' }, channel: 'track' },
        },
      ],
    });
  });

  it('gives an event without properties an empty object and no channel', () => {
    const result = normaliseMixpanel({ event: 'A' });
    expect(result).toEqual({ ok: true, records: [{ kind: 'event', event: { event: 'A', properties: {} } }] });
    expect(result.ok && result.records[0]?.kind === 'event' && 'channel' in result.records[0].event).toBe(
      false,
    );
  });

  it('accepts channel "import"', () => {
    expect(normaliseMixpanel({ event: '$merge', properties: {}, channel: 'import' })).toMatchObject({
      ok: true,
      records: [{ event: { channel: 'import' } }],
    });
  });

  it.each([
    ['a list', [1, 2], 'not-an-object', 'not a JSON object'],
    ['a string', 'event', 'not-an-object', 'not a JSON object'],
    ['null', null, 'not-an-object', 'not a JSON object'],
    ['an object without event', { properties: {} }, 'missing-event-name', 'missing event name'],
    ['an empty event name', { event: '' }, 'missing-event-name', 'missing event name'],
    ['a numeric event name', { event: 7 }, 'bad-event-name', 'event name is not a string'],
    [
      'properties as a list',
      { event: 'A', properties: [] },
      'properties-not-object',
      'properties is not an object',
    ],
    [
      'properties as a JSON string',
      { event: 'A', properties: '{}' },
      'properties-not-object',
      'properties is not an object',
    ],
    [
      'properties null',
      { event: 'A', properties: null },
      'properties-not-object',
      'properties is not an object',
    ],
    [
      'an unknown channel',
      { event: 'A', channel: 'web' },
      'bad-channel',
      'channel must be "track" or "import", not "web"',
    ],
    [
      'a null channel',
      { event: 'A', channel: null },
      'bad-channel',
      'channel must be "track" or "import", not null',
    ],
  ])('rejects %s', (_name, value, code, reason) => {
    expect(normaliseMixpanel(value)).toEqual({ ok: false, code, reason });
  });
});

describe('normaliseMixpanel: profile updates', () => {
  it.each([
    ['$set', { $distinct_id: 'u1', $set: { plan: 'pro' } }],
    ['$set_once', { $distinct_id: 'u1', $set_once: { first: 1 } }],
    ['$unset', { $distinct_id: 'u1', $unset: ['plan'] }],
    ['$add', { $distinct_id: 'u1', $add: { visits: 1 } }],
    ['$append', { $distinct_id: 'u1', $append: { tags: 'a' } }],
    ['$union', { $distinct_id: 'u1', $union: { tags: ['a'] } }],
    ['$remove', { $distinct_id: 'u1', $remove: { tags: 'a' } }],
    ['$delete', { $distinct_id: 'u1', $delete: '' }],
    ['a numeric $distinct_id and a $token', { $distinct_id: 7, $token: 't', $set: {} }],
  ])('reads %s as a profile update, kept as sent', (_name, value) => {
    expect(normaliseMixpanel(value)).toEqual({ ok: true, records: [{ kind: 'profile', update: value }] });
  });

  it.each([
    [
      { $distinct_id: 'u1' },
      'profile update has no operation ($set, $set_once, $unset, $add, $append, $union, $remove, $delete)',
    ],
    [{ $distinct_id: 'u1', $set: 'x' }, '$set is not an object'],
    [{ $distinct_id: 'u1', $add: [1] }, '$add is not an object'],
    [{ $distinct_id: 'u1', $unset: 'plan' }, '$unset is not a list of property names'],
    [{ $distinct_id: 'u1', $unset: [1] }, '$unset is not a list of property names'],
  ])('rejects %j', (value, reason) => {
    expect(normaliseMixpanel(value)).toEqual({ ok: false, code: 'bad-profile-update', reason });
  });

  it('reads an object with both "event" and "$distinct_id" as an event', () => {
    expect(normaliseMixpanel({ event: 'A', $distinct_id: 'u', $set: {} })).toMatchObject({
      ok: true,
      records: [{ kind: 'event' }],
    });
  });
});
