// "Edit as scenario": one imported identity's events as a scenario of raw steps, the bridge from debugging a real
// cluster to explaining it. Each event is sent as it was recorded (its channel, distinct_id, $device_id,
// $user_id, time and identity event fields), with the events that share an id with the identity (they decide its
// merges), so the scenario resolves in every mode as the file did; the devices are listed (one per $device_id,
// its platform where the event says) for the user to turn raw steps into SDK calls.
import { MODES, type Mode, type ProfileUpdate, type StreamRecord } from '../engine/index.ts';
import type { DeviceKind } from '../simulator/index.ts';
import { DEVICE_LABELS } from './edit.ts';
import { CLIENT_LIBS, IDENTITY_FIELDS, REDACTED } from './fromLog.ts';
import type { PlainRawStep, Scenario, ScenarioDevice, ScenarioStep } from './types.ts';

/** Events a scenario made from an identity holds at most (the editor stays quick; the lesson says what is left). */
export const IDENTITY_SCENARIO_CAP = 500;

/** Fields kept beyond the identity fields: `time` orders what the table shows; `$insert_id` decides LIM-1. */
const KEPT_FIELDS: readonly string[] = [...IDENTITY_FIELDS, 'time', '$insert_id'];

/** What the import workspace gives to turn one identity of a file into a scenario. */
export interface IdentityScenarioInput {
  /**
   * The identity's events and those sharing an id with them, in stream order, each with its line in the file and
   * whether it resolved to the identity.
   */
  readonly records: readonly {
    readonly record: StreamRecord;
    readonly line: number;
    readonly inIdentity: boolean;
  }[];
  /** The cluster's canonical id under `mode`. */
  readonly canonical: string;
  /** The events that decide the identity, in all (more than `records` when capped). */
  readonly total: number;
  /** The mode the cluster was selected under. */
  readonly mode: Mode;
  readonly fileName?: string;
}

/** The scenario of one identity's events: raw steps in stream order, its devices listed. */
export function scenarioFromIdentity(input: IdentityScenarioInput): Scenario {
  const devices = new DeviceList();
  const steps: ScenarioStep[] = [];
  let others = 0;
  for (const { record, line, inIdentity } of input.records) {
    if (record.kind === 'profile') {
      steps.push({ raw: redactedProfile(record.update), note: `Line ${line} · profile update` });
      continue;
    }
    const device = devices.of(record.event.properties);
    const where = `Line ${line}${device === undefined ? '' : ` · device ${device}`}`;
    if (!inIdentity) others++;
    steps.push(
      rawStep(record, inIdentity ? where : `${where} · another identity on ${input.mode}, sharing an id`),
    );
  }
  const from = input.fileName ?? 'an imported file';
  const sharing =
    others === 0
      ? ''
      : ` ${others} events of other identities that share an id with it come along: they decide its merges.`;
  // Later events can re-attribute earlier ones (retroactive modes): a capped scenario shows the identity as it was then.
  const capped =
    input.total > steps.length
      ? ` Only the first ${steps.length} of ${input.total} events are here, so it resolves as the file did up to its ${steps.length}th.`
      : '';
  return {
    id: 'from-imported-identity',
    title: `${input.canonical} from ${from}`,
    lesson: `The events of the identity ${input.canonical} (as ${input.mode} resolved ${from}), sent as recorded, in the file's order.${sharing}${capped} Turn raw steps into SDK calls on the listed devices to explain how the cluster formed.`,
    modes: [...MODES],
    view: { identityEvents: 'shown' },
    devices: devices.list(),
    steps,
  };
}

function rawStep(
  record: Extract<StreamRecord, { kind: 'event' }>,
  note: string,
): PlainRawStep & { note: string } {
  const { event } = record;
  const properties: Record<string, unknown> = {};
  for (const key of KEPT_FIELDS)
    if (event.properties[key] !== undefined) properties[key] = event.properties[key];
  return { raw: { event: event.event, properties }, channel: event.channel ?? 'import', note };
}

/**
 * A profile update with its ids and operations, property values redacted (the lab needs where it lands, not what it
 * says; REDACTED as in a log's scenario, fromLog.ts).
 */
function redactedProfile(update: ProfileUpdate): PlainRawStep['raw'] {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update)) {
    if (key === '$distinct_id' || key === '$device_id' || key === '$user_id') raw[key] = value;
    else if (key === '$unset' || key === '$delete') raw[key] = value;
    else if (key.startsWith('$') && isObject(value))
      raw[key] = Object.fromEntries(Object.keys(value).map((name) => [name, REDACTED]));
  }
  return raw as PlainRawStep['raw'];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One device per `$device_id`, in order of first appearance, named A, B, … */
class DeviceList {
  private readonly devices: ScenarioDevice[] = [];
  private readonly byDeviceId = new Map<string, string>();

  /** The device of an event's `$device_id` (added on first sight), or undefined when it has none. */
  of(properties: Readonly<Record<string, unknown>>): string | undefined {
    const deviceId = properties['$device_id'];
    if (typeof deviceId !== 'string' && typeof deviceId !== 'number') return undefined;
    const key = String(deviceId);
    const known = this.byDeviceId.get(key);
    if (known !== undefined) return known;
    const id = deviceName(this.devices.length);
    const kind = platformOf(properties);
    const platform = kind === undefined ? 'platform not in the file' : DEVICE_LABELS[kind];
    this.devices.push({ id, kind: kind ?? 'web', label: `${platform} · $device_id ${key}` });
    this.byDeviceId.set(key, id);
    return id;
  }

  list(): ScenarioDevice[] {
    return this.devices;
  }
}

function deviceName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `D${index + 1}`;
}

/** The platform an event names: its SDK (`mp_lib`), else its `$os`; undefined when it names neither. */
function platformOf(properties: Readonly<Record<string, unknown>>): DeviceKind | undefined {
  const lib = CLIENT_LIBS[String(properties['mp_lib'])];
  if (lib !== undefined) return lib;
  const os = typeof properties['$os'] === 'string' ? properties['$os'].toLowerCase() : '';
  if (os === 'ios' || os === 'ipados') return 'ios';
  if (os === 'android') return 'android';
  return undefined;
}
