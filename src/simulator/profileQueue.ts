// Profile updates waiting for identify (SDK-10), merged and drained exactly as mixpanel-persistence.js does.
import { extend, isJsonObject, type JsonObject } from './json.ts';
import { QUEUE_KEYS, type Persistence } from './persistence.ts';

/** The engage operations the simulated SDK makes. */
export type ProfileAction = '$set' | '$set_once' | '$unset' | '$add' | '$append' | '$union';

/** One queued operation as the flush sends it again: an object, or the property names for `$unset`. */
export interface QueuedUpdate {
  readonly action: ProfileAction | '$remove';
  readonly payload: JsonObject | readonly string[];
}

/** JavaScript `+`, which the SDK applies when an increment meets a queued value. */
function plus(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left + right;
  return `${String(left)}${String(right)}`;
}

/** `_pop_from_people_queue` for object queues: forget the keys of `data`. */
function forgetKeys(queue: JsonObject, data: JsonObject | readonly string[]): void {
  const keys: readonly string[] = isJsonObject(data) ? Object.keys(data) : data;
  for (const key of keys) delete queue[key];
}

function queueSet(p: Persistence, data: JsonObject): void {
  extend(p.objectQueue(QUEUE_KEYS.$set), data);
  // a set overrides pending increments, unions and unsets of the same keys
  for (const action of ['$add', '$union', '$unset'] as const)
    forgetKeys(p.objectQueue(QUEUE_KEYS[action]), data);
}

function queueSetOnce(p: Persistence, data: JsonObject): void {
  const queue = p.objectQueue(QUEUE_KEYS.$set_once);
  for (const [key, value] of Object.entries(data)) if (!(key in queue)) queue[key] = value;
  forgetKeys(p.objectQueue(QUEUE_KEYS.$unset), data);
}

function queueUnset(p: Persistence, names: readonly string[]): void {
  const objectQueues = (['$set', '$set_once', '$add', '$union'] as const).map((a) =>
    p.objectQueue(QUEUE_KEYS[a]),
  );
  const appends = p.listQueue(QUEUE_KEYS.$append).filter(isJsonObject);
  for (const name of names) {
    for (const queue of [...objectQueues, ...appends]) delete queue[name];
    p.objectQueue(QUEUE_KEYS.$unset)[name] = true;
  }
}

function queueAdd(p: Persistence, data: JsonObject): void {
  const sets = p.objectQueue(QUEUE_KEYS.$set);
  const adds = p.objectQueue(QUEUE_KEYS.$add);
  for (const [key, value] of Object.entries(data)) {
    if (key in sets) sets[key] = plus(sets[key], value);
    else adds[key] = plus(key in adds ? adds[key] : 0, value);
  }
  forgetKeys(p.objectQueue(QUEUE_KEYS.$unset), data);
}

function queueUnion(p: Persistence, data: JsonObject): void {
  const unions = p.objectQueue(QUEUE_KEYS.$union);
  for (const [key, values] of Object.entries(data)) {
    if (!Array.isArray(values)) continue;
    const list = Array.isArray(unions[key]) ? (unions[key] as unknown[]) : (unions[key] = []);
    for (const item of values as unknown[]) if (!list.includes(item)) list.push(item);
  }
  forgetKeys(p.objectQueue(QUEUE_KEYS.$unset), data);
}

function queueAppend(p: Persistence, data: JsonObject): void {
  p.listQueue(QUEUE_KEYS.$append).push(data);
  forgetKeys(p.objectQueue(QUEUE_KEYS.$unset), data);
}

/** `_add_to_people_queue`: creates every queue on first use, then merges the update into its own queue. */
export function enqueueProfileUpdate(
  p: Persistence,
  action: ProfileAction,
  payload: JsonObject | string[],
): void {
  for (const key of Object.values(QUEUE_KEYS)) {
    if (key === QUEUE_KEYS.$remove || key === QUEUE_KEYS.$append) p.listQueue(key);
    else p.objectQueue(key);
  }
  if (action === '$unset') return queueUnset(p, Array.isArray(payload) ? payload : Object.keys(payload));
  if (Array.isArray(payload)) return;
  const merge = {
    $set: queueSet,
    $set_once: queueSetOnce,
    $add: queueAdd,
    $union: queueUnion,
    $append: queueAppend,
  };
  merge[action](p, payload);
}

/** Drains an object queue: its keys leave the queue and come back as one update (`_flush_one_queue`). */
function drainObjectQueue(p: Persistence, action: QueuedUpdate['action']): QueuedUpdate | undefined {
  const queue = p.get(QUEUE_KEYS[action]);
  if (!isJsonObject(queue)) return undefined;
  const queued = extend({}, queue);
  if (Object.keys(queued).length === 0) return undefined;
  forgetKeys(queue, queued);
  return { action, payload: action === '$unset' ? Object.keys(queued) : queued };
}

/** Drains a list queue from its end, so queued appends go out newest first, as the SDK's loop does. */
function drainListQueue(p: Persistence, action: '$append' | '$remove'): QueuedUpdate[] {
  const queue = p.get(QUEUE_KEYS[action]);
  if (!Array.isArray(queue)) return [];
  const drained: QueuedUpdate[] = [];
  for (let item: unknown = queue.pop(); item !== undefined; item = queue.pop())
    if (isJsonObject(item) && Object.keys(item).length > 0) drained.push({ action, payload: item });
  return drained;
}

/** `_flush`: every queued update, in the SDK's order ($set, $set_once, $unset, $add, $union, $append, $remove). */
export function drainProfileQueue(p: Persistence): QueuedUpdate[] {
  const objects = (['$set', '$set_once', '$unset', '$add', '$union'] as const).map((a) =>
    drainObjectQueue(p, a),
  );
  return [
    ...objects.filter((u): u is QueuedUpdate => u !== undefined),
    ...drainListQueue(p, '$append'),
    ...drainListQueue(p, '$remove'),
  ];
}
