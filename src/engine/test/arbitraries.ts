// Random event streams over small id pools, so links, conflicts and merges happen often.
import fc from 'fast-check';
import type { ResolveInput } from '../resolve.ts';
import { ev } from './helpers.ts';

const DEVICES = ['d0', 'd1', 'd2', 'd3'].map((d, i) => `${d}${'0'.repeat(6)}-${i}a-4b-8c-${d}`); // GUID-shaped (O-8)
const USERS = ['u0', 'u1', 'u2', 'u3'];
const device = fc.constantFrom(...DEVICES);
const user = fc.constantFrom(...USERS);
const anyId = fc.oneof(
  user,
  device,
  device.map((d) => `$device:${d}`),
);
const time = fc.integer({ min: 1, max: 1000 });

const ordinary = fc.oneof(
  fc.record({ d: device, t: time }).map(({ d, t }) => ev('view', { $device_id: d, time: t })),
  fc.record({ u: user, t: time }).map(({ u, t }) => ev('srv', { $user_id: u, time: t })),
  fc
    .record({ d: device, u: user, t: time })
    .map(({ d, u, t }) => ev('login', { $device_id: d, $user_id: u, time: t })),
  fc.record({ id: anyId, t: time }).map(({ id, t }) => ev('raw', { distinct_id: id, time: t })),
);

const identityEvents = fc.oneof(
  fc
    .record({ a: anyId, u: user })
    .map(({ a, u }) => ev('$identify', { distinct_id: u, $anon_distinct_id: a })),
  fc.record({ a: anyId, t: anyId }).map(({ a, t }) => ev('$create_alias', { alias: a, distinct_id: t })),
  fc.record({ a: anyId, b: anyId }).map(({ a, b }) => ev('$merge', { $distinct_ids: [a, b] })),
);

const profileUpdate = fc
  .record({ id: anyId, v: fc.integer({ min: 0, max: 9 }) })
  .map(({ id, v }): ResolveInput => ({ $distinct_id: id, $set: { v } }));

/** A stream of ordinary events, identity events and profile updates. */
export const stream = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: ordinary },
    { weight: 3, arbitrary: identityEvents },
    { weight: 1, arbitrary: profileUpdate },
  ),
  {
    maxLength: 40,
  },
);

/** A stream of `$merge` events only, for order-independence (O-14). */
export const merges = fc.array(
  fc.record({ a: anyId, b: anyId }).map(({ a, b }) => ev('$merge', { $distinct_ids: [a, b] })),
  { maxLength: 12 },
);
