// identify, alias and reset, line by line as mixpanel-core.js runs them (SDK-5, SDK-8, SDK-9).
import { DEVICE_PREFIX } from '../engine/index.ts';
import { isTruthy } from './json.ts';
import { flushProfileQueue } from './people.ts';
import { ALIAS_KEY, PEOPLE_DISTINCT_ID_KEY } from './persistence.ts';
import type { SdkDevice } from './sdkDevice.ts';

/** Ids identify and alias accept from a scenario; the SDK itself takes anything, and compares with `===`. */
export type IdArgument = string | number | null | undefined;

/** Since 2.46: `$user_id` changes only for a new truthy id, and `$device:` ids are refused (SDK-5). */
function registerUserId(device: SdkDevice, newId: IdArgument, previous: unknown): boolean {
  if (!device.env.sdk.guardsUserId) {
    device.persistence.register({ $user_id: newId }); // before 2.46: every call (undefined is skipped)
    return true;
  }
  if (!isTruthy(newId) || newId === previous) return true;
  if (typeof newId === 'string' && newId.startsWith(DEVICE_PREFIX)) {
    const text =
      'identify() refuses an id that starts with "$device:" (returns -1): nothing changes, nothing is sent';
    device.env.note({ kind: 'refused', text, rule: 'SDK-5' });
    return false;
  }
  device.persistence.register({ $user_id: newId });
  return true;
}

/**
 * SDK-5. Consequences worth knowing: the same id sends nothing but still flushes the profile queue; no argument
 * sends `$identify` with distinct_id = `$anon_distinct_id` = the current id; `null` and `''` are not guarded and
 * overwrite distinct_id (Q-16, reproduced as the SDK does it).
 */
export function identify(device: SdkDevice, newId: IdArgument): void {
  const p = device.persistence;
  const previous = device.distinctId;
  if (!registerUserId(device, newId, previous)) return;
  if (!isTruthy(p.get('$device_id'))) {
    // state written by an SDK older than 2.23, or after unregister('$device_id'): the old id becomes the device id
    p.registerOnce({ $had_persisted_distinct_id: true, $device_id: previous }, '');
  }
  if (newId !== previous && newId !== p.get(ALIAS_KEY)) {
    p.unregister(ALIAS_KEY);
    p.register({ distinct_id: newId });
  }
  device.identifyCalled = true;
  flushProfileQueue(device);
  if (newId !== previous) device.track('$identify', { distinct_id: newId, $anon_distinct_id: previous });
  else
    device.env.note({
      kind: 'silent',
      text: 'identify() with the current distinct_id sends no $identify',
      rule: 'SDK-5',
    });
}

/**
 * SDK-9. The `$create_alias` request's callback calls identify(alias); the simulator runs it at once, i.e. as if
 * the request completed before the next call. distinct_id stays the original because alias === `__alias`.
 */
export function alias(device: SdkDevice, newAlias: IdArgument, original: IdArgument): void {
  if (newAlias === device.persistence.get(PEOPLE_DISTINCT_ID_KEY)) {
    const text = 'alias() equals the stored $people_distinct_id (returns -2): nothing is sent';
    return device.env.note({ kind: 'refused', text, rule: 'SDK-9' });
  }
  const from = original === undefined ? device.distinctId : original;
  if (newAlias === from) {
    const text =
      'alias() equals the original id (returns -1): no $create_alias; the SDK calls identify(alias)';
    device.env.note({ kind: 'refused', text, rule: 'SDK-9' });
    return identify(device, newAlias);
  }
  device.persistence.register({ [ALIAS_KEY]: newAlias });
  device.track('$create_alias', { alias: newAlias, distinct_id: from });
  identify(device, newAlias);
}

/** SDK-8: clears persistence (super properties, ids, alias, queues), forgets identify, new device id, sends nothing. */
export function reset(device: SdkDevice): void {
  device.persistence.clear();
  device.identifyCalled = false;
  device.registerNewDeviceId(true);
  device.env.note({
    kind: 'silent',
    text: 'reset() sends nothing; the device gets a new device id',
    rule: 'SDK-8',
  });
}
