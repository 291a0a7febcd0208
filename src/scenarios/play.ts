// Plays a scenario through the simulated SDK: the same scenario and seed always give the same stream, step by step.
import type { IdLabel, ProfileUpdate, StreamRecord } from '../engine/index.ts';
import {
  Simulation,
  type CallNote,
  type DeviceSnapshot,
  type SdkVersion,
  type SimulationConfig,
} from '../simulator/index.ts';
import { isRawEvent, isRawStep, isRepeatStep } from './types.ts';
import type { PlainRawStep, PlainStep, Scenario, ScenarioStep, StepExpectations } from './types.ts';

/** How to play a scenario: the seed for generated ids and the SDK version simulated (SDK-1). */
export interface PlayOptions {
  /** Overrides the scenario's seed (default: scenario.seed, else scenario.id). */
  readonly seed?: string;
  readonly sdkVersion?: SdkVersion;
}

/** One step of the timeline, with the records it sent and the devices' state after it. */
export interface PlayedStep {
  /** Position in scenario.steps. */
  readonly index: number;
  /** What happened, e.g. "Device A · identify('U1')" or "Import · $merge". */
  readonly description: string;
  readonly note?: string;
  /** The records this step sent are records[firstRecord, endRecord); empty when the step sent nothing. */
  readonly firstRecord: number;
  readonly endRecord: number;
  readonly devices: Readonly<Record<string, DeviceSnapshot>>;
  /** Why a call sent less than one might expect (queued, refused, silent), in the SDK's words (SDK-5, SDK-8, SDK-10). */
  readonly callNote?: CallNote;
  readonly expect?: StepExpectations;
}

/** A scenario played: its stream of records, each step's slice of it, and the generated device ids with their labels. */
export interface PlayedScenario {
  readonly scenario: Scenario;
  readonly records: readonly StreamRecord[];
  readonly steps: readonly PlayedStep[];
  /** Every device id the SDK generated (init and reset), in order: shown as D1, D2 … */
  readonly deviceIds: readonly string[];
  /** Full id → short label: each generated id → "D1", and "$device:<id>" → "$device:D1". */
  readonly aliases: ReadonlyMap<string, string>;
}

/** A step the simulator refused; the message names the step. */
export class ScenarioPlayError extends Error {
  constructor(
    readonly stepIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioPlayError';
  }
}

/** Plays every step in order. Throws ScenarioPlayError when the simulator refuses a call. */
export function playScenario(scenario: Scenario, options: PlayOptions = {}): PlayedScenario {
  const simulation = new Simulation(simulationConfig(scenario, options));
  for (const device of scenario.devices) simulation.addDevice(device.id, device.kind);
  const records: StreamRecord[] = [];
  const steps = scenario.steps.map((step, index) => {
    const firstRecord = records.length;
    const description = describeStep(scenario, step);
    try {
      records.push(...sendStep(simulation, step));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ScenarioPlayError(index, `steps[${index}] (${description}): ${reason}`);
    }
    return playedStep(scenario, simulation, step, {
      index,
      description,
      firstRecord,
      endRecord: records.length,
    });
  });
  const deviceIds = [...simulation.generatedDeviceIds];
  return { scenario, records, steps, deviceIds, aliases: deviceAliases(deviceIds) };
}

function simulationConfig(scenario: Scenario, options: PlayOptions): SimulationConfig {
  const seed = options.seed ?? scenario.seed ?? scenario.id;
  const sdkVersion = options.sdkVersion ?? scenario.sdkVersion;
  return sdkVersion === undefined ? { seed } : { seed, sdkVersion };
}

function playedStep(
  scenario: Scenario,
  simulation: Simulation,
  step: ScenarioStep,
  base: Pick<PlayedStep, 'index' | 'description' | 'firstRecord' | 'endRecord'>,
): PlayedStep {
  const devices = Object.fromEntries(scenario.devices.map((d) => [d.id, simulation.device(d.id)]));
  // A repeat's last inner call would speak for the whole block, and raw steps make no call: no note for either.
  const callNote = isRepeatStep(step) || isRawStep(step) ? undefined : simulation.lastCallNote;
  return {
    ...base,
    devices,
    ...(callNote === undefined ? {} : { callNote }),
    ...(step.note === undefined ? {} : { note: step.note }),
    ...(step.expect === undefined ? {} : { expect: step.expect }),
  };
}

function sendStep(simulation: Simulation, step: ScenarioStep): StreamRecord[] {
  if (!isRepeatStep(step)) return sendPlain(simulation, step);
  const sent: StreamRecord[] = [];
  for (let round = 0; round < step.repeat; round++)
    for (const inner of step.steps) sent.push(...sendPlain(simulation, inner));
  return sent;
}

function sendPlain(simulation: Simulation, step: PlainStep): StreamRecord[] {
  if (isRawStep(step)) return [rawRecord(step)];
  return simulation.call(step.device, step.call, step.args ?? []);
}

/** A raw step as a stream record: an event (channel default `import`), or a profile update. */
export function rawRecord(step: PlainRawStep): StreamRecord {
  const raw = step.raw;
  if (isRawEvent(raw)) {
    const channel = step.channel ?? raw.channel ?? 'import';
    return { kind: 'event', event: { event: raw.event, properties: raw.properties, channel } };
  }
  return { kind: 'profile', update: raw as ProfileUpdate };
}

/** The line the timeline shows for a step. */
export function describeStep(scenario: Scenario, step: ScenarioStep | PlainStep): string {
  if (isRawStep(step)) return describeRaw(step);
  if ('repeat' in step)
    return `${step.steps.map((s) => describeStep(scenario, s)).join('; ')} × ${step.repeat}`;
  const kind = scenario.devices.find((d) => d.id === step.device)?.kind;
  const who = kind === 'server' ? 'Server' : 'Device';
  return `${who} ${step.device} · ${step.call}(${(step.args ?? []).map(formatArgument).join(', ')})`;
}

function describeRaw(step: PlainRawStep): string {
  const record = rawRecord(step);
  if (record.kind === 'profile') return `Profile update · ${String(record.update.$distinct_id)}`;
  const api = record.event.channel === 'track' ? 'Track' : 'Import';
  return `${api} · ${record.event.event}`;
}

const MAX_ARGUMENT_TEXT = 48;

function formatArgument(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_ARGUMENT_TEXT ? `${text.slice(0, MAX_ARGUMENT_TEXT - 1)}…` : text;
}

/** D1, D2 … for the generated device ids, in both their raw and `$device:` forms (DECISIONS "Short ids"). */
export function deviceAliases(deviceIds: readonly string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  deviceIds.forEach((id, i) => {
    aliases.set(id, `D${i + 1}`);
    aliases.set(`$device:${id}`, `$device:D${i + 1}`);
  });
  return aliases;
}

/** The engine's note labeller for a played scenario: generated ids as D1, D2 …, other ids as they are. */
export function idLabel(aliases: ReadonlyMap<string, string>): IdLabel {
  return (id) => aliases.get(id) ?? id;
}
