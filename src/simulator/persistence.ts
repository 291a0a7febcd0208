// One device's persistence object (SDK-2): JSON values only, written the way mixpanel-persistence.js writes them.
import { extend, isJsonObject, jsonCopy, type JsonObject } from './json.ts';

/** Set by alias(); identify() keeps distinct_id while it equals this (SDK-9). */
export const ALIAS_KEY = '__alias';
/** Deprecated people.identify() id; alias() refuses to alias it (SDK-9, returns -2). */
export const PEOPLE_DISTINCT_ID_KEY = '$people_distinct_id';

/** The profile-update queues (SDK-10), in the order `_add_to_people_queue` creates them. */
export const QUEUE_KEYS = {
  $set: '__mps',
  $set_once: '__mpso',
  $unset: '__mpus',
  $add: '__mpa',
  $union: '__mpu',
  $remove: '__mpr',
  $append: '__mpap',
} as const;

/** Keys that stay internal: never sent as super properties (SDK-2, JS-PERS `RESERVED_PROPERTIES`). */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(QUEUE_KEYS),
  PEOPLE_DISTINCT_ID_KEY,
  ALIAS_KEY,
  '__timers',
]);

/** The stored object and the SDK's four ways of writing it. */
export class Persistence {
  private props: JsonObject = {};

  get(key: string): unknown {
    return this.props[key];
  }

  has(key: string): boolean {
    return Object.hasOwn(this.props, key);
  }

  /** `register`: overwrite, skipping undefined values. */
  register(props: JsonObject): void {
    extend(this.props, jsonCopy(props));
  }

  /** `register_once`: set a key only when it is missing or holds `defaultValue` ('None' unless given). */
  registerOnce(props: JsonObject, defaultValue: unknown = 'None'): void {
    for (const [key, value] of Object.entries(jsonCopy(props))) {
      if (this.has(key) && this.props[key] !== defaultValue) continue;
      // The SDK writes undefined too; its JSON save then drops the key, so drop it here.
      if (value === undefined) delete this.props[key];
      else this.props[key] = value;
    }
  }

  unregister(key: string): void {
    delete this.props[key];
  }

  /** `clear` (reset, SDK-8): everything goes, queues and alias included. */
  clear(): void {
    this.props = {};
  }

  /** The super properties events carry: everything but the internal keys (SDK-4). */
  superProperties(): JsonObject {
    const props: JsonObject = {};
    for (const [key, value] of Object.entries(this.props)) if (!RESERVED_KEYS.has(key)) props[key] = value;
    return jsonCopy(props);
  }

  /** The object queue under `key`, created empty when missing or malformed; edits are stored. */
  objectQueue(key: string): JsonObject {
    const queue = this.props[key];
    if (isJsonObject(queue)) return queue;
    const created: JsonObject = {};
    this.props[key] = created;
    return created;
  }

  /** The list queue under `key` ($append / $remove), created empty when missing or malformed. */
  listQueue(key: string): unknown[] {
    const queue = this.props[key];
    if (Array.isArray(queue)) return queue as unknown[];
    const created: unknown[] = [];
    this.props[key] = created;
    return created;
  }

  /** A copy of the whole stored object, as it would read back from localStorage. */
  snapshot(): JsonObject {
    return jsonCopy(this.props);
  }
}
