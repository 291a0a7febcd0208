// The scenario editor's form operations, as pure functions on scenarios: each returns a new scenario and leaves its
// input untouched, so undo/redo can keep every version (the editor's history holds them).
import type { DeviceKind, SdkCall, ServerCall } from '../simulator/index.ts';
import { MODES } from '../engine/index.ts';
import type { PlainCallStep, Scenario, ScenarioDevice, ScenarioStep } from './types.ts';

/** What a new device of each kind is called until the user renames it. */
export const DEVICE_LABELS: Readonly<Record<DeviceKind, string>> = {
  web: 'Web browser',
  ios: 'iPhone app',
  android: 'Android app',
  server: 'Server',
};

/** A fresh scenario: one web device that tracks a page view, written for every mode. */
export function blankScenario(): Scenario {
  return {
    id: 'my-scenario',
    title: 'My scenario',
    modes: [...MODES],
    devices: [{ id: 'A', label: DEVICE_LABELS.web, kind: 'web' }],
    steps: [{ device: 'A', call: 'track', args: ['Page View'] }],
  };
}

/** A copy to edit: a library scenario (or a shared one) under a new id and title. */
export function copyOfScenario(scenario: Scenario): Scenario {
  const id = scenario.id.endsWith('-copy') ? scenario.id : `${scenario.id}-copy`;
  const title = scenario.title.endsWith('(copy)') ? scenario.title : `${scenario.title} (copy)`;
  return { ...scenario, id, title };
}

/** The next free device id: A, B, … Z, then D27, D28 … */
export function nextDeviceId(devices: readonly ScenarioDevice[]): string {
  const taken = new Set(devices.map((device) => device.id));
  for (let i = 0; i < 26; i++) {
    const id = String.fromCharCode(65 + i);
    if (!taken.has(id)) return id;
  }
  let n = devices.length + 1;
  while (taken.has(`D${n}`)) n++;
  return `D${n}`;
}

/** Adds a device of `kind` with the next free id (the editor's "Add device"). */
export function addDevice(scenario: Scenario, kind: DeviceKind, label = DEVICE_LABELS[kind]): Scenario {
  const device: ScenarioDevice = { id: nextDeviceId(scenario.devices), label, kind };
  return { ...scenario, devices: [...scenario.devices, device] };
}

/** Renames or re-labels a device; steps follow a new id. */
export function updateDevice(scenario: Scenario, id: string, change: Partial<ScenarioDevice>): Scenario {
  const newId = change.id ?? id;
  return {
    ...scenario,
    devices: scenario.devices.map((device) => (device.id === id ? { ...device, ...change } : device)),
    steps: newId === id ? scenario.steps : scenario.steps.map((step) => renameDevice(step, id, newId)),
  };
}

function renameDevice(step: ScenarioStep, from: string, to: string): ScenarioStep {
  if ('device' in step && step.device === from) return { ...step, device: to };
  if ('repeat' in step)
    return {
      ...step,
      steps: step.steps.map((inner) =>
        'device' in inner && inner.device === from ? { ...inner, device: to } : inner,
      ),
    };
  return step;
}

/** Whether any step names the device (such a device cannot be removed). */
export function deviceInUse(scenario: Scenario, id: string): boolean {
  return JSON.stringify(scenario.steps).includes(`"device":${JSON.stringify(id)}`);
}

/** Removes a device no step uses; a device in use is kept (the scenario comes back unchanged). */
export function removeDevice(scenario: Scenario, id: string): Scenario {
  if (deviceInUse(scenario, id)) return scenario;
  return { ...scenario, devices: scenario.devices.filter((device) => device.id !== id) };
}

/** The arguments a new call starts with: enough to be valid, easy to edit. */
export function defaultArgs(call: SdkCall | ServerCall, kind: DeviceKind): unknown[] {
  if (kind === 'server') {
    const server: Record<ServerCall, unknown[]> = {
      track: ['Purchase', { distinct_id: 'user-1' }],
      import: ['Purchase', { distinct_id: 'user-1' }],
      identify: ['user-1', 'anon-1'],
      alias: ['alias-1', 'user-1'],
      merge: ['user-1', 'user-2'],
      'people.set': ['user-1', { plan: 'free' }],
    };
    return server[call as ServerCall] ?? [];
  }
  const sdk: Partial<Record<SdkCall, unknown[]>> = {
    track: ['Page View'],
    identify: ['user-1'],
    alias: ['alias-1'],
    register: [{ plan: 'free' }],
    register_once: [{ first_seen: 'today' }],
    unregister: ['plan'],
    'people.set': [{ plan: 'free' }],
    'people.set_once': [{ first_seen: 'today' }],
    'people.unset': ['plan'],
    'people.increment': ['logins', 1],
    'people.append': ['tags', 'new'],
    'people.union': ['tags', ['new']],
  };
  return sdk[call as SdkCall] ?? [];
}

/** A call step on `device` with the call's default arguments. */
export function newCallStep(
  scenario: Pick<Scenario, 'devices'>,
  device: string,
  call: SdkCall | ServerCall,
): PlainCallStep {
  const kind = scenario.devices.find((d) => d.id === device)?.kind ?? 'web';
  const args = defaultArgs(call, kind);
  return args.length === 0 ? { device, call } : { device, call, args };
}

/** Inserts a step at `at` (default: the end). */
export function addStep(scenario: Scenario, step: ScenarioStep, at = scenario.steps.length): Scenario {
  const steps = [...scenario.steps];
  steps.splice(Math.min(Math.max(at, 0), steps.length), 0, step);
  return { ...scenario, steps };
}

/** Replaces the step at `index`; an index out of range leaves the scenario unchanged. */
export function updateStep(scenario: Scenario, index: number, step: ScenarioStep): Scenario {
  if (index < 0 || index >= scenario.steps.length) return scenario;
  return { ...scenario, steps: scenario.steps.map((s, i) => (i === index ? step : s)) };
}

/** Moves step `from` to position `to` (both clamped); order of the others kept. */
export function moveStep(scenario: Scenario, from: number, to: number): Scenario {
  const last = scenario.steps.length - 1;
  const target = Math.min(Math.max(to, 0), last);
  if (from < 0 || from > last || from === target) return scenario;
  const steps = [...scenario.steps];
  const [moved] = steps.splice(from, 1);
  if (moved === undefined) return scenario;
  steps.splice(target, 0, moved);
  return { ...scenario, steps };
}

/** A copy of step `index` right after it. */
export function duplicateStep(scenario: Scenario, index: number): Scenario {
  const step = scenario.steps[index];
  return step === undefined ? scenario : addStep(scenario, step, index + 1);
}

/** Removes step `index`; the last remaining step stays (a scenario has at least one). */
export function deleteStep(scenario: Scenario, index: number): Scenario {
  if (scenario.steps.length <= 1 || index < 0 || index >= scenario.steps.length) return scenario;
  return { ...scenario, steps: scenario.steps.filter((_, i) => i !== index) };
}
