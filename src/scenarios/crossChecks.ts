// The rules of the scenario format that a JSON Schema cannot state, run as the schema's refinement (schema.ts):
// a step's device is declared once, its call is one that device's kind makes with the right number of arguments,
// an expectation names only the scenario's modes, and a raw step's channel agrees with its event's.
// They run even when other fields are malformed (so every problem is reported at once): every read is defensive.
import type { z } from 'zod';
import type { DeviceKind } from '../simulator/index.ts';
import { DEVICE_KINDS, SDK_CALLS, SERVER_CALLS } from '../simulator/index.ts';
import { describeValue } from './describe.ts';

type Path = (string | number)[];
type Json = Readonly<Record<string, unknown>>;

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

/** The arguments a call takes on a device of this kind, as the editor shows them: `(event name, properties?)`. */
export function callShape(call: string, kind: DeviceKind): string | undefined {
  return (kind === 'server' ? SERVER_ARITY : SDK_ARITY)[call]?.shape;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

class Checker {
  readonly devices = new Map<string, DeviceKind | undefined>();
  readonly modes = new Set<string>();

  constructor(private readonly context: z.RefinementCtx) {}

  add(path: Path, message: string): void {
    this.context.addIssue({ code: 'custom', path, message });
  }
}

/** Adds an issue for every cross-field rule the scenario breaks. */
export function checkAcrossFields(scenario: unknown, context: z.RefinementCtx): void {
  if (!isObject(scenario)) return;
  const checker = new Checker(context);
  collectModes(scenario['modes'], checker);
  collectDevices(scenario['devices'], checker);
  listOf(scenario['steps']).forEach((step, i) => checkStep(step, ['steps', i], checker, true));
}

function collectModes(value: unknown, checker: Checker): void {
  listOf(value).forEach((mode, i) => {
    if (typeof mode !== 'string') return;
    if (checker.modes.has(mode)) checker.add(['modes', i], `"${mode}" is listed twice`);
    checker.modes.add(mode);
  });
}

function collectDevices(value: unknown, checker: Checker): void {
  listOf(value).forEach((device, i) => {
    if (!isObject(device) || typeof device['id'] !== 'string') return;
    const id = device['id'];
    const kind = device['kind'];
    if (checker.devices.has(id)) checker.add(['devices', i, 'id'], `device "${id}" is declared twice`);
    else
      checker.devices.set(id, DEVICE_KINDS.includes(kind as DeviceKind) ? (kind as DeviceKind) : undefined);
  });
}

function checkStep(step: unknown, path: Path, checker: Checker, topLevel: boolean): void {
  if (!isObject(step)) return;
  if (topLevel && 'repeat' in step)
    listOf(step['steps']).forEach((inner, i) => checkStep(inner, [...path, 'steps', i], checker, false));
  else if ('raw' in step) checkRawChannel(step, path, checker);
  else if ('call' in step || 'device' in step) checkCall(step, path, checker);
  if (topLevel) checkExpectModes(step['expect'], [...path, 'expect'], checker);
}

function checkExpectModes(value: unknown, path: Path, checker: Checker): void {
  if (!isObject(value)) return;
  const modes = [...checker.modes].join(', ');
  for (const mode of Object.keys(value))
    if (!checker.modes.has(mode)) checker.add([...path, mode], `mode "${mode}" is not in modes (${modes})`);
}

function checkRawChannel(step: Json, path: Path, checker: Checker): void {
  const raw = step['raw'];
  const stepChannel = step['channel'];
  if (!isObject(raw) || typeof raw['channel'] !== 'string' || stepChannel === undefined) return;
  if (raw['channel'] !== stepChannel)
    checker.add(
      [...path, 'raw', 'channel'],
      `says ${raw['channel']} but the step's channel says ${describeValue(stepChannel)}`,
    );
}

function checkCall(step: Json, path: Path, checker: Checker): void {
  const device = step['device'];
  if (typeof device !== 'string' || device.trim() === '') return;
  if (!checker.devices.has(device)) {
    const known = [...checker.devices.keys()].join(', ');
    checker.add([...path, 'device'], `no device "${device}" (devices are ${known || 'none'})`);
    return;
  }
  const kind = checker.devices.get(device);
  const call = step['call'];
  if (kind === undefined || typeof call !== 'string') return;
  const calls: readonly string[] = kind === 'server' ? SERVER_CALLS : SDK_CALLS;
  if (!calls.includes(call)) {
    if (
      (SDK_CALLS as readonly string[]).includes(call) ||
      (SERVER_CALLS as readonly string[]).includes(call)
    ) {
      const who = kind === 'server' ? 'a server' : `an SDK device (${kind})`;
      checker.add(
        [...path, 'call'],
        `"${call}" is not a call ${who} makes (expected one of ${calls.join(', ')})`,
      );
    }
    return;
  }
  if (step['args'] === undefined || Array.isArray(step['args']))
    checkArgs(listOf(step['args']), [...path, 'args'], call, kind, checker);
}

function checkArgs(
  args: readonly unknown[],
  at: Path,
  call: string,
  kind: DeviceKind,
  checker: Checker,
): void {
  const arity = (kind === 'server' ? SERVER_ARITY : SDK_ARITY)[call];
  if (arity === undefined) return;
  if (args.length < arity.min || args.length > arity.max) {
    const who = kind === 'server' ? 'on a server' : 'on an SDK device';
    checker.add(at, `${call} ${who} takes ${call}${arity.shape}; got ${args.length} argument(s)`);
    return;
  }
  if (call !== 'track' && call !== 'import') return;
  if (typeof args[0] !== 'string' || args[0] === '')
    checker.add([...at, 0], `the event name must be a non-empty string; got ${describeValue(args[0])}`);
  if (args[1] !== undefined && !isObject(args[1]))
    checker.add([...at, 1], `the properties must be an object; got ${describeValue(args[1])}`);
}
