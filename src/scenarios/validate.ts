// Validates a scenario file by hand, in agreement with scenario.schema.json, naming the field of every problem.
import { MODES, type Mode } from '../engine/index.ts';
import { DEVICE_KINDS, type DeviceKind } from '../simulator/index.ts';
import {
  checkChoice,
  checkKnownKeys,
  checkText,
  describeValue,
  fieldPath,
  isJsonObject,
  Problems,
  type JsonObject,
} from './fields.ts';
import { SCENARIO_GROUPS, type Scenario } from './types.ts';
import { checkStep } from './validateStep.ts';

export const SDK_VERSIONS = ['current', 'legacy'] as const;
export const SCENARIO_FIELDS = [
  '$schema',
  'id',
  'title',
  'lesson',
  'group',
  'modes',
  'rules',
  'sdkVersion',
  'seed',
  'view',
  'devices',
  'steps',
];
const SCENARIO_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DEVICE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The result of reading a scenario: the scenario, or every problem found, each naming its field. */
export type ParsedScenario =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Validates parsed JSON as a scenario; never throws. */
export function parseScenario(json: unknown): ParsedScenario {
  const problems = new Problems();
  if (!isJsonObject(json)) {
    problems.add('(scenario)', `must be an object; got ${describeValue(json)}`);
    return { ok: false, errors: problems.messages };
  }
  checkKnownKeys(json, '', SCENARIO_FIELDS, problems);
  checkHeader(json, problems);
  const modes = checkModes(json['modes'], problems);
  const devices = checkDevices(json['devices'], problems);
  checkSteps(json['steps'], { devices, modes }, problems);
  if (problems.count > 0) return { ok: false, errors: problems.messages };
  return { ok: true, scenario: json as unknown as Scenario };
}

function checkHeader(json: JsonObject, problems: Problems): void {
  const id = checkText(json, 'id', '', problems);
  if (id !== undefined && !SCENARIO_ID.test(id))
    problems.add('id', `must be kebab-case (lower-case words joined by dashes); got ${describeValue(id)}`);
  checkText(json, 'title', '', problems);
  checkText(json, 'lesson', '', problems);
  checkChoice(json['group'], 'group', SCENARIO_GROUPS, problems);
  if (json['$schema'] !== undefined) checkText(json, '$schema', '', problems);
  if (json['seed'] !== undefined) checkText(json, 'seed', '', problems);
  if (json['sdkVersion'] !== undefined) checkChoice(json['sdkVersion'], 'sdkVersion', SDK_VERSIONS, problems);
  checkRules(json['rules'], problems);
  checkView(json['view'], problems);
}

function checkRules(value: unknown, problems: Problems): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add('rules', `must be a list of rule ids such as "S-6"; got ${describeValue(value)}`);
    return;
  }
  value.forEach((rule: unknown, i) => {
    if (typeof rule !== 'string' || !/^[A-Z]+(-[A-Z0-9]+)+$/.test(rule))
      problems.add(
        fieldPath('rules', i),
        `must be a rule id such as "S-6" or "SC-O7"; got ${describeValue(rule)}`,
      );
  });
}

function checkView(value: unknown, problems: Problems): void {
  if (value === undefined) return;
  if (!isJsonObject(value)) {
    problems.add('view', `must be an object; got ${describeValue(value)}`);
    return;
  }
  checkKnownKeys(value, 'view', ['identityEvents'], problems);
  if (value['identityEvents'] !== undefined)
    checkChoice(value['identityEvents'], 'view.identityEvents', ['shown', 'hidden'], problems);
}

function checkModes(value: unknown, problems: Problems): Mode[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('modes', `must be a non-empty list of ${MODES.join(', ')}; got ${describeValue(value)}`);
    return [];
  }
  const modes: Mode[] = [];
  value.forEach((mode: unknown, i) => {
    const at = fieldPath('modes', i);
    if (!checkChoice(mode, at, MODES, problems)) return;
    if (modes.includes(mode)) problems.add(at, `"${mode}" is listed twice`);
    else modes.push(mode);
  });
  return modes;
}

function checkDevices(value: unknown, problems: Problems): Map<string, DeviceKind | undefined> {
  const devices = new Map<string, DeviceKind | undefined>();
  if (!Array.isArray(value)) {
    problems.add('devices', `must be a list of devices {id, label, kind}; got ${describeValue(value)}`);
    return devices;
  }
  value.forEach((device: unknown, i) => {
    const at = fieldPath('devices', i);
    if (!isJsonObject(device)) {
      problems.add(at, `must be an object {id, label, kind}; got ${describeValue(device)}`);
      return;
    }
    checkKnownKeys(device, at, ['id', 'label', 'kind'], problems);
    const id = checkText(device, 'id', at, problems);
    checkText(device, 'label', at, problems);
    const kindOk = checkChoice(device['kind'], fieldPath(at, 'kind'), DEVICE_KINDS, problems);
    if (id === undefined) return;
    if (!DEVICE_ID.test(id))
      problems.add(
        fieldPath(at, 'id'),
        `must be a short name of letters, digits, _ or - starting with a letter; got ${describeValue(id)}`,
      );
    else if (devices.has(id)) problems.add(fieldPath(at, 'id'), `device "${id}" is declared twice`);
    else devices.set(id, kindOk ? (device['kind'] as DeviceKind) : undefined);
  });
  return devices;
}

function checkSteps(
  value: unknown,
  context: { devices: Map<string, DeviceKind | undefined>; modes: Mode[] },
  problems: Problems,
): void {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('steps', `must be a non-empty list of steps; got ${describeValue(value)}`);
    return;
  }
  value.forEach((step: unknown, i) => checkStep(step, fieldPath('steps', i), context, problems));
}

/** Parses scenario text (JSON); a syntax error is reported like any other problem. */
export function parseScenarioText(text: string): ParsedScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  return parseScenario(json);
}
