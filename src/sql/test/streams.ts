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
