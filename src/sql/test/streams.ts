// Random event streams over small id pools with every identity edge case the SQL must agree on.
import fc from 'fast-check';
import type { StreamRecord } from '../../engine/index.ts';

const GUIDS = ['a1b2c3d4-0000-4000-8000-00000000000a', 'a1b2c3d4-0000-4000-8000-00000000000b'];
/** Devices: plain, GUID-shaped, already `$device:`-prefixed, a placeholder (LIM-1), empty. */
const device = fc.constantFrom('d1', 'd2', 'd3', ...GUIDS, '$device:d1', 'null', '', 7);
/** Users: plain, a placeholder, empty, a number that equals a string id, one that looks like a device key. */
const user = fc.constantFrom('u1', 'u2', 'u3', 'anonymous', '', 42, '42', '$device:d2');
/** Any id, as a distinct_id, alias or merge id. */
const anyId = fc.oneof(
  user,
  device,
  device.map((d) => `$device:${String(d)}`),
);
/** A narrow range of times, so ties are common; sometimes none, sometimes in milliseconds. */
const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((t) => t * 1000 + 1_700_000_000_000) },
);
const insertId = fc.constantFrom(undefined, undefined, undefined, 'ins-1', 'ins-2', 'undefined', '');

const props = fc.record(
  {
    distinct_id: anyId,
    $device_id: device,
    $user_id: user,
    time,
    $insert_id: insertId,
  },
  { requiredKeys: [] },
);

const ordinaryName = fc.constantFrom('view', 'login', 'purchase');
const ordinary = fc.record({ name: ordinaryName, p: props }).map(({ name, p }) => event(name, p));

const identityEvents = fc.oneof(
  fc
    .record({ a: anyId, u: anyId, p: props })
    .map(({ a, u, p }) => event('$identify', { ...p, $identified_id: u, $anon_id: a })),
  fc
    .record({ a: anyId, u: anyId })
    .map(({ a, u }) => event('$identify', { distinct_id: u, $anon_distinct_id: a })),
  fc
    .record({ a: anyId, t: anyId, ch: fc.constantFrom('import', 'track') })
    .map(({ a, t, ch }) => event('$create_alias', { alias: a, distinct_id: t }, ch)),
  fc
    .record({ a: anyId, b: anyId, ch: fc.constantFrom('import', 'track', 'import') })
    .map(({ a, b, ch }) => event('$merge', { $distinct_ids: [a, b] }, ch)),
);

/** A few ids that alias one another often, so Legacy chains and loops (and Original merges) are common. */
const chainId = fc.constantFrom('u1', 'u2', 'x', 'y', 'anonymous');
const chains = fc.oneof(
  fc
    .record({ a: chainId, t: chainId })
    .map(({ a, t }) => event('$create_alias', { alias: a, distinct_id: t })),
  fc.record({ id: chainId, t: time }).map(({ id, t }) => event('view', { distinct_id: id, time: t })),
);

const profile = anyId.map((id): StreamRecord => ({
  kind: 'profile',
  update: { $distinct_id: id, $set: { v: 1 } },
}));

/** A stream of ordinary events, identity events and an occasional profile update. */
export const identityStream = fc.array(
  fc.oneof(
    { weight: 10, arbitrary: ordinary },
    { weight: 4, arbitrary: identityEvents },
    { weight: 4, arbitrary: chains },
    { weight: 1, arbitrary: profile },
  ),
  { maxLength: 30 },
);

function event(
  name: string,
  properties: Record<string, unknown>,
  channel?: 'track' | 'import',
): StreamRecord {
  const cleaned = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined));
  return channel === undefined
    ? { kind: 'event', event: { event: name, properties: cleaned } }
    : { kind: 'event', event: { event: name, properties: cleaned, channel } };
}

/**
 * Ids for Original's order-dependent rules: GUID-shaped anonymous ids (PHP-shaped and strict v4, with and without
 * `$device:`) that pass O-8, user ids (one numeric), a placeholder (LIM-1) and an empty id.
 */
const originalId = fc.constantFrom(
  'u1',
  'u2',
  'u3',
  42,
  '$device:g1-a-b-c-d',
  'g2-a-b-c-d',
  GUIDS[0],
  `$device:${GUIDS[1]}`,
  'anonymous',
  '',
);
/** Mostly ids that pass the GUID check, so `$identify` reaches O-7.3 and the cap. */
const anonId = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('$device:g1-a-b-c-d', 'g2-a-b-c-d', GUIDS[0], `$device:${GUIDS[1]}`),
  },
  { weight: 1, arbitrary: originalId },
);
/** A few alias values, so O-11 meets the same alias again. */
const aliasValue = fc.constantFrom('al1', 'al2', 'u1', 'g2-a-b-c-d');
const originalEvents = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .record({ a: anonId, u: originalId })
      .map(({ a, u }) => event('$identify', { distinct_id: u, $anon_distinct_id: a })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ a: anonId, u: originalId, d: originalId })
      .map(({ a, u, d }) => event('$identify', { distinct_id: d, $identified_id: u, $anon_id: a })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ a: aliasValue, t: originalId, ch: fc.constantFrom('import', 'track') })
      .map(({ a, t, ch }) => event('$create_alias', { alias: a, distinct_id: t }, ch)),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ ids: fc.array(originalId, { minLength: 1, maxLength: 3 }), d: fc.option(originalId) })
      .map(({ ids, d }) => event('$merge', { $distinct_ids: ids, distinct_id: d ?? undefined }, 'import')),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ d: originalId, ins: insertId })
      .map(({ d, ins }) => event('view', { distinct_id: d, $insert_id: ins })),
  },
);

/**
 * Original's streams: identity requests over a small pool (so clusters grow, collide with the cap, and meet the
 * O-7.3 and O-11 checks), mixed with the general stream's events. No profile updates: they are not in the events
 * table, and an id a profile update names first can break a Q-5 tie differently (ORIGINAL_LIMITS).
 */
export const originalStream = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: originalEvents },
    { weight: 3, arbitrary: ordinary },
    { weight: 2, arbitrary: identityEvents },
    { weight: 1, arbitrary: chains },
  ),
  { maxLength: 40 },
);
