// Helpers for the simulator's tests: read records without repeating type guards in every test.
import type { MixpanelEvent, ProfileUpdate, StreamRecord } from '../engine/index.ts';
import { Simulation } from './simulation.ts';
import type { SdkCall, ServerCall, SimulationConfig } from './types.ts';

/** A simulation with one web device labelled 'web', already initialised. */
export function webSimulation(config: Partial<SimulationConfig> = {}): Simulation {
  const sim = new Simulation({ seed: 'test', ...config });
  sim.addDevice('web', 'web');
  return sim;
}

/** Runs calls on one device; returns everything they sent. */
export function run(sim: Simulation, label: string, calls: readonly [SdkCall | ServerCall, ...unknown[]][]) {
  return calls.flatMap(([call, ...args]) => sim.call(label, call, args));
}

/** Test helper: the record as an event, failing the test when it is not one. */
export function eventOf(record: StreamRecord | undefined): MixpanelEvent {
  if (record?.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(record)}`);
  return record.event;
}

/** Test helper: the properties of the record, which must be an event. */
export function propsOf(record: StreamRecord | undefined): Readonly<Record<string, unknown>> {
  return eventOf(record).properties;
}

/** Test helper: the record as a profile update, failing the test when it is not one. */
export function updateOf(record: StreamRecord | undefined): ProfileUpdate {
  if (record?.kind !== 'profile') throw new Error(`expected a profile update, got ${JSON.stringify(record)}`);
  return record.update;
}

/** The identity columns of the spec's SC-SDK tables; absent properties are omitted. */
export function identityRow(record: StreamRecord | undefined): Record<string, unknown> {
  const { event, properties } = eventOf(record);
  const row: Record<string, unknown> = { event };
  for (const key of ['distinct_id', '$anon_distinct_id', '$device_id', '$user_id', 'alias'])
    if (key in properties) row[key] = properties[key];
  return row;
}

/** The device ids the simulation generated, by position (D1 is index 0). */
export function deviceId(sim: Simulation, ordinal: number): string {
  const id = sim.generatedDeviceIds[ordinal - 1];
  if (id === undefined) throw new Error(`no D${ordinal} generated yet`);
  return id;
}
