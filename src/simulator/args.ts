// Argument checks shared by SDK and server calls: a wrong argument throws before any state changes.
import { SimulationError } from './errors.ts';
import { isJsonObject, jsonCopy, type JsonObject } from './json.ts';

/** Reads the arguments of one call, naming the call in every error. */
export class CallArguments {
  constructor(
    readonly call: string,
    private readonly args: readonly unknown[],
  ) {}

  /** Throws a SimulationError that names the call. */
  fail(problem: string): never {
    throw new SimulationError(`${this.call}: ${problem}`);
  }

  /** At most `count` arguments. */
  atMost(count: number): this {
    if (this.args.length > count) this.fail(`takes at most ${count} argument(s), got ${this.args.length}`);
    return this;
  }

  at(index: number): unknown {
    return this.args[index];
  }

  string(index: number, what: string): string {
    const value = this.at(index);
    if (typeof value !== 'string') this.fail(`${what} must be a string, got ${describe(value)}`);
    return value;
  }

  /** A plain JSON object, or undefined when `optional` and absent. */
  object(index: number, what: string, optional = false): JsonObject | undefined {
    const value = this.at(index);
    if (value === undefined && optional) return undefined;
    if (!isJsonObject(value)) this.fail(`${what} must be an object, got ${describe(value)}`);
    return this.json(value, what);
  }

  /** An id as the SDK compares it: a string, a finite number, or the unguarded null / undefined. */
  id(index: number, what: string): string | number | null | undefined {
    const value = this.at(index);
    if (value === null || value === undefined || typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.fail(`${what} must be a string, a number, null or undefined, got ${describe(value)}`);
  }

  /** A property name or an object of properties (the two forms of people.* and register). */
  nameOrObject(index: number, what: string): string | JsonObject {
    const value = this.at(index);
    if (typeof value === 'string') return value;
    return this.object(index, what) ?? this.fail(`${what} is required`);
  }

  /** Any JSON value (a property value); undefined stays undefined. */
  value(index: number, what: string): unknown {
    return this.json(this.at(index), what);
  }

  /** A detached JSON copy, so a scenario's objects never alias the stream. */
  private json<T>(value: T, what: string): T {
    try {
      return jsonCopy(value);
    } catch {
      return this.fail(`${what} must be JSON (no cycles, no bigint)`);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
