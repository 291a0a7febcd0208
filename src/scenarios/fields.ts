// Field-by-field checking for hand-written validators: every problem is reported as "<path>: <what is wrong>".

/** A plain JSON object (not null, not an array). */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects problems, each naming the field it is about. */
export class Problems {
  readonly messages: string[] = [];

  add(path: string, problem: string): void {
    this.messages.push(`${path}: ${problem}`);
  }

  get count(): number {
    return this.messages.length;
  }
}

/** The path of a field: `steps[3].call`, `expect.simplified.failures["4"]`. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Reports every key of `object` outside `allowed`. */
export function checkKnownKeys(
  object: JsonObject,
  path: string,
  allowed: readonly string[],
  problems: Problems,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      problems.add(fieldPath(path, key), `unknown field (expected ${allowed.join(', ')})`);
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A required non-empty string; reports it missing or wrong. */
export function checkText(
  object: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  required = true,
): string | undefined {
  const value = object[key];
  const at = fieldPath(path, key);
  if (value === undefined) {
    if (required) problems.add(at, 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(at, `must be a non-empty string; got ${describeValue(value)}`);
    return undefined;
  }
  return value;
}

/** A value that must be one of `choices`. */
export function checkChoice<T extends string>(
  value: unknown,
  at: string,
  choices: readonly T[],
  problems: Problems,
): value is T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return true;
  if (value === undefined) problems.add(at, `is required (one of ${choices.join(', ')})`);
  else problems.add(at, `must be one of ${choices.join(', ')}; got ${describeValue(value)}`);
  return false;
}

/** Positive whole numbers written as object keys, e.g. event numbers. */
export function isEventNumberKey(key: string): boolean {
  return /^[1-9][0-9]*$/.test(key);
}
