// Checks one step: a call the named device can make with the right number of arguments, a raw record, or a repeat.
import type { Mode } from '../engine/index.ts';
import type { DeviceKind } from '../simulator/index.ts';
import { SDK_CALLS, SERVER_CALLS } from '../simulator/index.ts';
import type { Problems } from './fields.ts';
import {
  checkChoice,
  checkKnownKeys,
  checkText,
  describeValue,
  fieldPath,
  isJsonObject,
  type JsonObject,
} from './fields.ts';
import { checkExpectations } from './validateExpect.ts';

/** What a step check needs to know about the scenario around it. */
export interface StepContext {
  /** Declared devices; the kind is undefined when the declaration itself is wrong. */
  readonly devices: ReadonlyMap<string, DeviceKind | undefined>;
  readonly modes: readonly Mode[];
}

/** Most repetitions a repeat step may ask for: enough for SC-O7's 500-id cap, small enough to stay playable. */
export const MAX_REPEAT = 10_000;

const CHANNELS = ['track', 'import'] as const;
const COMMON_FIELDS = ['note', 'expect'];
export const CALL_STEP_FIELDS = ['device', 'call', 'args', ...COMMON_FIELDS];
export const RAW_STEP_FIELDS = ['raw', 'channel', ...COMMON_FIELDS];
export const REPEAT_STEP_FIELDS = ['repeat', 'steps', ...COMMON_FIELDS];

interface Arity {
  readonly min: number;
  readonly max: number;
  readonly shape: string;
}

const PEOPLE_ARITY: Arity = { min: 1, max: 2, shape: '(properties) or (name, value)' };
const SDK_ARITY: Readonly<Record<string, Arity>> = {
  track: { min: 1, max: 2, shape: '(event name, properties?)' },
  identify: { min: 0, max: 1, shape: '(user id)' },
  reset: { min: 0, max: 0, shape: '()' },
  reload: { min: 0, max: 0, shape: '()' },
  alias: { min: 1, max: 2, shape: '(alias, original?)' },
  register: { min: 1, max: 2, shape: '(properties, options?)' },
  register_once: { min: 1, max: 3, shape: '(properties, default value?, options?)' },
  unregister: { min: 1, max: 2, shape: '(property name, options?)' },
  'people.set': PEOPLE_ARITY,
  'people.set_once': PEOPLE_ARITY,
  'people.unset': { min: 1, max: 1, shape: '(property name or names)' },
  'people.increment': PEOPLE_ARITY,
  'people.append': PEOPLE_ARITY,
  'people.union': PEOPLE_ARITY,
};
const SERVER_ARITY: Readonly<Record<string, Arity>> = {
  track: { min: 1, max: 2, shape: '(event name, properties)' },
  import: { min: 1, max: 2, shape: '(event name, properties)' },
  identify: { min: 2, max: 2, shape: '(identified id, anon id)' },
  alias: { min: 2, max: 2, shape: '(alias, distinct id)' },
  merge: { min: 2, max: 2, shape: '(id, id)' },
  'people.set': { min: 2, max: 2, shape: '(distinct id, properties)' },
};

/** Checks a top-level step. */
export function checkStep(step: unknown, path: string, context: StepContext, problems: Problems): void {
  if (!isJsonObject(step)) {
    problems.add(path, `must be an object; got ${describeValue(step)}`);
    return;
  }
  if ('repeat' in step) checkRepeatStep(step, path, context, problems);
  else checkPlainStep(step, path, context, problems, true);
  if (step['note'] !== undefined) checkText(step, 'note', path, problems);
  if (step['expect'] !== undefined)
    checkExpectations(step['expect'], fieldPath(path, 'expect'), context.modes, problems);
}

function checkPlainStep(
  step: JsonObject,
  path: string,
  context: StepContext,
  problems: Problems,
  topLevel: boolean,
): void {
  const common = topLevel ? COMMON_FIELDS : [];
  if ('raw' in step) {
    checkKnownKeys(step, path, RAW_STEP_FIELDS.filter(inStep(common)), problems);
    checkRawStep(step, path, problems);
  } else if ('call' in step || 'device' in step) {
    checkKnownKeys(step, path, CALL_STEP_FIELDS.filter(inStep(common)), problems);
    checkCallStep(step, path, context, problems);
  } else {
    problems.add(
      path,
      'must be a call {device, call, args?}, a raw record {raw} or a repeat {repeat, steps}',
    );
  }
}

/** Keeps a field name unless it is a note/expect field that this position does not allow. */
function inStep(common: readonly string[]) {
  return (field: string) => !COMMON_FIELDS.includes(field) || common.includes(field);
}

function checkRepeatStep(step: JsonObject, path: string, context: StepContext, problems: Problems) {
  checkKnownKeys(step, path, REPEAT_STEP_FIELDS, problems);
  const times = step['repeat'];
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > MAX_REPEAT)
    problems.add(
      fieldPath(path, 'repeat'),
      `must be a whole number from 1 to ${MAX_REPEAT}; got ${describeValue(times)}`,
    );
  const inner = step['steps'];
  const at = fieldPath(path, 'steps');
  if (!Array.isArray(inner) || inner.length === 0) {
    problems.add(at, `must be a non-empty list of call or raw steps; got ${describeValue(inner)}`);
    return;
  }
  inner.forEach((child: unknown, i) => {
    const childAt = fieldPath(at, i);
    if (!isJsonObject(child)) problems.add(childAt, `must be an object; got ${describeValue(child)}`);
    else if ('repeat' in child) problems.add(fieldPath(childAt, 'repeat'), 'repeats cannot be nested');
    else checkPlainStep(child, childAt, context, problems, false);
  });
}

function checkCallStep(step: JsonObject, path: string, context: StepContext, problems: Problems): void {
  const device = checkText(step, 'device', path, problems);
  const kind = device === undefined ? undefined : context.devices.get(device);
  if (device !== undefined && !context.devices.has(device)) {
    const known = [...context.devices.keys()].join(', ');
    problems.add(fieldPath(path, 'device'), `no device "${device}" (devices are ${known || 'none'})`);
  }
  const call = step['call'];
  const callAt = fieldPath(path, 'call');
  const calls: readonly string[] =
    kind === 'server' ? SERVER_CALLS : kind === undefined ? allCalls() : SDK_CALLS;
  if (typeof call !== 'string' || !calls.includes(call)) {
    problems.add(callAt, unknownCall(call, kind, calls));
    return;
  }
  if (kind !== undefined) checkArgs(step['args'], fieldPath(path, 'args'), call, kind, problems);
}

function allCalls(): string[] {
  return [...new Set<string>([...SDK_CALLS, ...SERVER_CALLS])];
}

function unknownCall(call: unknown, kind: DeviceKind | undefined, calls: readonly string[]): string {
  if (call === undefined) return `is required (one of ${calls.join(', ')})`;
  const known = allCalls().includes(call as string);
  const who = kind === 'server' ? 'a server' : `an SDK device (${kind ?? 'unknown kind'})`;
  return known
    ? `${describeValue(call)} is not a call ${who} makes (expected one of ${calls.join(', ')})`
    : `unknown call ${describeValue(call)} (expected one of ${calls.join(', ')})`;
}

function checkArgs(args: unknown, at: string, call: string, kind: DeviceKind, problems: Problems): void {
  const list: readonly unknown[] = args === undefined ? [] : Array.isArray(args) ? args : [];
  if (args !== undefined && !Array.isArray(args)) {
    problems.add(at, `must be a list of arguments; got ${describeValue(args)}`);
    return;
  }
  const arity = (kind === 'server' ? SERVER_ARITY : SDK_ARITY)[call];
  if (arity === undefined) return;
  if (list.length < arity.min || list.length > arity.max) {
    const who = kind === 'server' ? 'on a server' : 'on an SDK device';
    problems.add(at, `${call} ${who} takes ${call}${arity.shape}; got ${list.length} argument(s)`);
    return;
  }
  const takesName = call === 'track' || call === 'import';
  if (takesName && (typeof list[0] !== 'string' || list[0] === ''))
    problems.add(
      fieldPath(at, 0),
      `the event name must be a non-empty string; got ${describeValue(list[0])}`,
    );
  if (takesName && list[1] !== undefined && !isJsonObject(list[1]))
    problems.add(fieldPath(at, 1), `the properties must be an object; got ${describeValue(list[1])}`);
}

function checkRawStep(step: JsonObject, path: string, problems: Problems): void {
  const at = fieldPath(path, 'raw');
  const raw = step['raw'];
  if (step['channel'] !== undefined)
    checkChoice(step['channel'], fieldPath(path, 'channel'), CHANNELS, problems);
  if (!isJsonObject(raw)) {
    problems.add(
      at,
      `must be an event {event, properties} or a profile update {$distinct_id, $set…}; got ${describeValue(raw)}`,
    );
    return;
  }
  if ('event' in raw) checkRawEvent(raw, at, step['channel'], problems);
  else if ('$distinct_id' in raw) checkRawProfile(raw, at, problems);
  else problems.add(at, 'must be an event {event, properties} or a profile update {$distinct_id, $set…}');
}

function checkRawEvent(raw: JsonObject, at: string, stepChannel: unknown, problems: Problems): void {
  checkKnownKeys(raw, at, ['event', 'properties', 'channel'], problems);
  checkText(raw, 'event', at, problems);
  if (!isJsonObject(raw['properties']))
    problems.add(fieldPath(at, 'properties'), `must be an object; got ${describeValue(raw['properties'])}`);
  const channel = raw['channel'];
  if (channel === undefined) return;
  if (
    checkChoice(channel, fieldPath(at, 'channel'), CHANNELS, problems) &&
    stepChannel !== undefined &&
    stepChannel !== channel
  )
    problems.add(
      fieldPath(at, 'channel'),
      `says ${channel} but the step's channel says ${describeValue(stepChannel)}`,
    );
}

const PROFILE_OBJECT_OPERATIONS = ['$set', '$set_once', '$add', '$append', '$union', '$remove'];

function checkRawProfile(raw: JsonObject, at: string, problems: Problems): void {
  const id = raw['$distinct_id'];
  if (!((typeof id === 'string' && id !== '') || typeof id === 'number'))
    problems.add(
      fieldPath(at, '$distinct_id'),
      `must be a non-empty string or a number; got ${describeValue(id)}`,
    );
  for (const [key, value] of Object.entries(raw)) {
    const keyAt = fieldPath(at, key);
    if (!key.startsWith('$'))
      problems.add(keyAt, 'a profile update has only $-fields ($distinct_id, $set, …)');
    else if (PROFILE_OBJECT_OPERATIONS.includes(key) && !isJsonObject(value))
      problems.add(keyAt, `must be an object; got ${describeValue(value)}`);
    else if (key === '$unset' && !(Array.isArray(value) && value.every((v) => typeof v === 'string')))
      problems.add(keyAt, `must be a list of property names; got ${describeValue(value)}`);
  }
}
