// mixpanel.people: updates are built like api-actions.js, queued until identify in this page life (SDK-10).
import type { ProfileUpdate } from '../engine/index.ts';
import { isJsonObject, isTruthy, type JsonObject } from './json.ts';
import {
  drainProfileQueue,
  enqueueProfileUpdate,
  type ProfileAction,
  type QueuedUpdate,
} from './profileQueue.ts';
import type { SdkDevice } from './sdkDevice.ts';

/** Profile properties the SDK fills in itself, so object-form calls drop them (`_is_reserved_property`). */
const RESERVED_PROFILE_KEYS: ReadonlySet<string> = new Set([
  '$distinct_id',
  '$token',
  '$device_id',
  '$user_id',
  '$had_persisted_distinct_id',
]);

function withoutReserved(props: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(props)) if (!RESERVED_PROFILE_KEYS.has(key)) kept[key] = value;
  return kept;
}

/** set / set_once / append: `(name, value)` or `({name: value})`, the object form without reserved keys. */
export function keyValueUpdate(prop: string | JsonObject, value: unknown): JsonObject {
  return isJsonObject(prop) ? withoutReserved(prop) : { [prop]: value };
}

/** increment: `(name, by = 1)` or `({name: by})`, where non-numeric amounts are dropped with an error. */
export function incrementUpdate(prop: string | JsonObject, by: unknown): JsonObject {
  if (!isJsonObject(prop)) return { [prop]: by === undefined ? 1 : by };
  const amounts = withoutReserved(prop);
  for (const [key, amount] of Object.entries(amounts))
    if (Number.isNaN(Number.parseFloat(String(amount)))) delete amounts[key];
  return amounts;
}

/** union: every value becomes a list. */
export function unionUpdate(prop: string | JsonObject, values: unknown): JsonObject {
  const asList = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]);
  if (!isJsonObject(prop)) return { [prop]: asList(values) };
  const lists: JsonObject = {};
  for (const [key, value] of Object.entries(withoutReserved(prop))) lists[key] = asList(value);
  return lists;
}

/** unset: property names, reserved ones dropped. */
export function unsetUpdate(names: string | readonly string[]): string[] {
  return (typeof names === 'string' ? [names] : [...names]).filter((n) => !RESERVED_PROFILE_KEYS.has(n));
}

/** The engage object: the operation, then `$token`, `$distinct_id` and the identity keys present (SDK-10). */
function engageObject(device: SdkDevice, action: QueuedUpdate['action'], payload: unknown): ProfileUpdate {
  const update = { [action]: payload, $token: device.env.token, $distinct_id: device.distinctId };
  for (const key of ['$device_id', '$user_id', '$had_persisted_distinct_id']) {
    const value = device.persistence.get(key);
    if (isTruthy(value)) update[key] = value;
  }
  return update;
}

/** `_send_request`: before identify in this page life the update joins the persisted queue, else it is sent. */
export function queueOrSendProfileUpdate(
  device: SdkDevice,
  action: ProfileAction,
  payload: JsonObject | string[],
): void {
  if (device.identifyCalled) return device.sendProfile(engageObject(device, action, payload));
  enqueueProfileUpdate(device.persistence, action, payload);
  device.env.note({
    kind: 'queued',
    text: 'Profile update queued in persistence until identify() is called in this page life',
    rule: 'SDK-10',
  });
}

/** Rebuilds a queued update the way `_flush` replays it through people.set / increment / union / unset. */
function replayed(update: QueuedUpdate): JsonObject | string[] {
  const { action, payload } = update;
  if (Array.isArray(payload)) return unsetUpdate(payload);
  const object = payload as JsonObject;
  if (action === '$add') return incrementUpdate(object, undefined);
  if (action === '$union') return unionUpdate(object, undefined);
  return withoutReserved(object);
}

/** identify's flush: every queued update goes out with the current `$distinct_id` (SDK-5, SDK-10). */
export function flushProfileQueue(device: SdkDevice): void {
  for (const update of drainProfileQueue(device.persistence))
    device.sendProfile(engageObject(device, update.action, replayed(update)));
}
