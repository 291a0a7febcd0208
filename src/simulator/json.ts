// JSON-shaped values as mixpanel-browser stores and sends them: `_.extend` skips undefined, strings cap at 255.

/** A mutable JSON object, the shape of the persistence object and of every payload. */
export type JsonObject = Record<string, unknown>;

/** A plain object (not an array, not null): what mixpanel-browser's `_.isObject` accepts as properties. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value after a JSON round trip, as localStorage keeps it; undefined stays undefined. */
export function jsonCopy<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `_.extend`: copies own enumerable values into target, skipping undefined ones (so `{x: undefined}` is a no-op). */
export function extend(target: JsonObject, ...sources: readonly (JsonObject | undefined)[]): JsonObject {
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) if (value !== undefined) target[key] = value;
  }
  return target;
}

/** `_.truncate(data, 255)`: every string value, however deep, keeps its first 255 characters; keys are kept (SDK-4). */
export function truncateStrings<T>(value: T, length = 255): T {
  if (typeof value === 'string') return value.slice(0, length) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => truncateStrings(item, length)) as T;
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) copy[key] = truncateStrings(item, length);
  return copy as T;
}

/** JavaScript truthiness, which the SDK's `if (value)` checks rely on (e.g. an empty `$device_id` counts as missing). */
export function isTruthy(value: unknown): boolean {
  return Boolean(value);
}
