// Field checks shared by every reader of Mixpanel events (the importer and the CLI's fast NDJSON path).
import { parseEventTime } from './time.ts';
import type { ProblemCode } from './types.ts';

/** A field that makes an event unusable, with a reason that names the field and the value's kind. */
export interface FieldProblem {
  readonly code: ProblemCode;
  readonly reason: string;
}

/** The id properties identity resolution reads; each must be a string or a number when present. */
const ID_FIELDS = ['distinct_id', '$device_id', '$user_id'] as const;

/** 9999-12-31T23:59:59Z: later times are not dates any tool can show. */
const LATEST_TIME = 253_402_300_799;

/**
 * Checks the fields the engine reads: ids (string or number: an object or a boolean is not an id Mixpanel
 * would keep apart from its text), `$insert_id` (same), and `time` (epoch seconds or milliseconds, a numeric
 * string or ISO 8601 text; not negative and not past year 9999). `null` counts as absent. Returns the first
 * problem, or undefined when the event can be used. These bounds are the lab's (DECISIONS.md has no rule):
 * Mixpanel's /import also refuses times before 1971 and more than an hour ahead (LIM-6), which depend on a
 * clock and are left to the engine's findings.
 */
export function checkEventFields(properties: Readonly<Record<string, unknown>>): FieldProblem | undefined {
  for (const field of ID_FIELDS) {
    const value = properties[field];
    if (!isIdValue(value))
      return { code: 'bad-id', reason: `${field} must be a string or a number, not ${kindOf(value)}` };
  }
  const insertId = properties['$insert_id'];
  if (!isIdValue(insertId))
    return {
      code: 'bad-insert-id',
      reason: `$insert_id must be a string or a number, not ${kindOf(insertId)}`,
    };
  return checkTime(properties['time']);
}

function isIdValue(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string' || typeof value === 'number';
}

function checkTime(value: unknown): FieldProblem | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'number' && typeof value !== 'string')
    return {
      code: 'bad-time',
      reason: `time must be a number of seconds or milliseconds, not ${kindOf(value)}`,
    };
  const seconds = parseEventTime(value);
  if (seconds === undefined || !Number.isFinite(seconds))
    return { code: 'bad-time', reason: `time ${describe(value)} is not a number or an ISO 8601 date` };
  if (seconds < 0) return { code: 'bad-time', reason: `time ${describe(value)} is before 1970` };
  if (seconds > LATEST_TIME)
    return { code: 'bad-time', reason: `time ${describe(value)} is after year 9999` };
  return undefined;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return `${String(value)} (a boolean)`;
  return typeof value;
}
