// A recorded stream (a network log's records) → the scenario whose SDK and server calls would send it.
import type { MixpanelEvent, ProfileUpdate, StreamRecord } from '../engine/index.ts';
import type { DeviceKind, SdkCall } from '../simulator/index.ts';
import type { PlainRawStep, Scenario, ScenarioDevice, ScenarioStep } from './types.ts';

/** How `scenarioFromLog` names the scenario and which property values it keeps (private by default). */
export interface LogScenarioOptions {
  /** What the scenario is called, e.g. the log's file name. */
  readonly title?: string;
  /**
   * Properties to carry into the scenario beyond event names and identity fields (the user ticks them). Private
   * by default: without them the scenario holds no user property, page URL or token.
   */
  readonly keepProperties?: readonly string[];
}

/** The properties that decide identity: the only ones a scenario made from a log keeps unless asked for more. */
export const IDENTITY_FIELDS = [
  'distinct_id',
  '$device_id',
  '$user_id',
  '$identified_id',
  '$anon_id',
  '$anon_distinct_id',
  'alias',
  '$distinct_ids',
] as const;

/** `mp_lib` values of client SDKs (their events carry `$device_id` and come from a device); the rest are servers. */
export const CLIENT_LIBS: Readonly<Record<string, DeviceKind>> = {
  web: 'web',
  android: 'android',
  iphone: 'ios',
  swift: 'ios',
  'react-native': 'ios',
  flutter: 'android',
};

/** The device properties SDKs send on every event: two ids with different ones are two devices, never a reset. */
const DEVICE_SIGNATURE = [
  'mp_lib',
  '$os',
  '$browser',
  '$browser_version',
  '$device',
  '$screen_width',
  '$screen_height',
];

const PEOPLE_CALLS: Readonly<Record<string, SdkCall>> = {
  $set: 'people.set',
  $set_once: 'people.set_once',
  $add: 'people.increment',
  $append: 'people.append',
  $union: 'people.union',
  $unset: 'people.unset',
};

const SERVER = 'S';

/** The value a profile property gets in a scenario when the user did not choose to keep it. */
export const REDACTED = '(redacted)';

/** What mixpanel-browser adds to every `$set` itself (people.set's defaults): not the site's own properties. */
const SDK_PROFILE_DEFAULTS: ReadonlySet<string> = new Set(['$os', '$browser', '$browser_version']);

/** One browser or app install: its devices ids over time (a reset gives it a new one). */
interface Install {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly signature: string;
  deviceId: string;
  /** Whether its current id has been identified: a reset (logout) is only inferred after that. */
  identified: boolean;
  /** alias() sends `$create_alias` and then identify(alias) itself: that `$identify` is not a second step. */
  aliasPending: unknown;
}

/**
 * Infers the calls that produced `records` (in send order): devices from `$device_id`, `track` from events,
 * `identify` from `$identify`, `alias` from `$create_alias` (its own `$identify` is not a step), `reset` where an
 * identified device's id is replaced by a new one with the same device properties, `people.*` from profile
 * updates, and server calls (or raw records) for events no client SDK sent. Playing the result through the
 * simulator sends the same identity fields as the log, record for record, device ids aside (see replayDifferences).
 */
export function scenarioFromLog(
  records: readonly StreamRecord[],
  options: LogScenarioOptions = {},
): Scenario {
  const inference = new Inference(records, new Set(options.keepProperties ?? []));
  records.forEach((record, index) => inference.add(record, index));
  const title = options.title === undefined ? 'From a network log' : `From ${options.title}`;
  return {
    id: 'from-network-log',
    title,
    lesson:
      'Inferred from recorded requests: the calls a site made, replayed by the simulated SDK. Only event names and identity fields are kept unless you chose more.',
    group: 'Simplified basics',
    modes: ['simplified', 'original', 'legacy'],
    ...(inference.legacySdk ? { sdkVersion: 'legacy' as const } : {}),
    devices: inference.devices(),
    steps: inference.steps,
  };
}

class Inference {
  readonly steps: ScenarioStep[] = [];
  legacySdk = false;
  private readonly installs: Install[] = [];
  private readonly byDeviceId = new Map<string, Install>();
  private readonly lastSeen = new Map<string, number>();
  private usesServer = false;

  constructor(
    records: readonly StreamRecord[],
    private readonly keep: ReadonlySet<string>,
  ) {
    records.forEach((record, index) => {
      const deviceId = deviceIdOf(record);
      if (deviceId !== undefined) this.lastSeen.set(deviceId, index);
    });
  }

  devices(): ScenarioDevice[] {
    const devices = this.installs.map(({ id, kind }, index) => ({
      id,
      kind,
      label: `${labelOf(kind)} ${index + 1}`,
    }));
    if (this.usesServer) devices.push({ id: SERVER, kind: 'server', label: 'Server' });
    return devices;
  }

  add(record: StreamRecord, index: number): void {
    if (record.kind === 'profile') this.addProfile(record.update);
    else this.addEvent(record.event, index);
  }

  private addEvent(event: MixpanelEvent, index: number): void {
    const props = event.properties;
    const kind = CLIENT_LIBS[String(props['mp_lib'])];
    const deviceId = props['$device_id'];
    if (kind === undefined || typeof deviceId !== 'string' || event.channel === 'import') {
      this.addServerEvent(event);
      return;
    }
    if (props['$user_id'] === undefined && props['distinct_id'] === deviceId) this.legacySdk = true;
    const install = this.installFor(deviceId, kind, signatureOf(props), index);
    this.addSdkEvent(install, event);
    install.identified = props['$user_id'] !== undefined;
  }

  private addSdkEvent(install: Install, event: MixpanelEvent): void {
    const props = event.properties;
    if (event.event === '$identify') {
      const id = props['$user_id'] ?? props['distinct_id'];
      if (install.aliasPending !== undefined && install.aliasPending === id) install.aliasPending = undefined;
      else this.call(install.id, 'identify', [id]);
      return;
    }
    if (event.event === '$create_alias') {
      this.call(install.id, 'alias', [props['alias'], props['distinct_id']]);
      install.aliasPending = props['alias'];
      return;
    }
    const kept = this.kept(props);
    this.call(install.id, 'track', Object.keys(kept).length === 0 ? [event.event] : [event.event, kept]);
  }

  /** The install that sent `deviceId`: known, the reset of an identified install gone quiet, or a new one. */
  private installFor(deviceId: string, kind: DeviceKind, signature: string, index: number): Install {
    const known = this.byDeviceId.get(deviceId);
    if (known !== undefined) return known;
    const reset = this.installs.find(
      (install) =>
        install.identified &&
        install.kind === kind &&
        install.signature === signature &&
        (this.lastSeen.get(install.deviceId) ?? Infinity) < index,
    );
    const install = reset ?? this.newInstall(kind, signature, deviceId);
    if (reset !== undefined) {
      this.call(reset.id, 'reset', []);
      reset.deviceId = deviceId;
      reset.identified = false;
    }
    this.byDeviceId.set(deviceId, install);
    return install;
  }

  private newInstall(kind: DeviceKind, signature: string, deviceId: string): Install {
    const install: Install = {
      id:
        this.installs.length < 18
          ? String.fromCharCode(65 + this.installs.length)
          : `D${this.installs.length + 1}`,
      kind,
      signature,
      deviceId,
      identified: false,
      aliasPending: undefined,
    };
    this.installs.push(install);
    return install;
  }

  /**
   * Events no client SDK sent: the server library's identify / alias / merge when the event is exactly what that
   * call sends, its track / import for ordinary events, and the record itself (identity fields only) otherwise.
   */
  private addServerEvent(event: MixpanelEvent): void {
    const props = event.properties;
    const channel = event.channel ?? 'import';
    const identity = { ...pick(props, IDENTITY_FIELDS), ...this.kept(props) };
    const identityStep = channel === 'import' ? identityCall(event) : undefined;
    if (identityStep !== undefined) this.serverCall(identityStep[0], identityStep[1]);
    else if (!event.event.startsWith('$')) this.serverCall(channel, [event.event, identity]);
    else this.steps.push({ raw: { event: event.event, properties: identity }, channel });
  }

  private serverCall(call: string, args: readonly unknown[]): void {
    this.usesServer = true;
    this.call(SERVER, call, args);
  }

  /** A profile update from a known device is its people call (SDK-10 queues it again if sent before identify). */
  private addProfile(update: ProfileUpdate): void {
    const operations = Object.keys(update).filter((key) => key.startsWith('$') && key in PEOPLE_CALLS_OR_RAW);
    const deviceId = update['$device_id'];
    const install = typeof deviceId === 'string' ? this.byDeviceId.get(deviceId) : undefined;
    const only = operations.length === 1 ? operations[0] : undefined;
    const call = only === undefined ? undefined : PEOPLE_CALLS[only];
    if (install !== undefined && only !== undefined && call !== undefined) {
      this.call(install.id, call, [this.keptOperation(only, update[only as keyof ProfileUpdate])]);
      return;
    }
    const raw: Record<string, unknown> = { $distinct_id: update.$distinct_id };
    for (const key of ['$device_id', '$user_id'] as const) if (key in update) raw[key] = update[key];
    for (const operation of operations)
      raw[operation] = this.keptOperation(operation, update[operation as keyof ProfileUpdate]);
    this.steps.push({ raw: raw as PlainRawStep['raw'] });
  }

  /**
   * A profile operation's value with only the ticked properties' values. The other properties keep their names
   * with REDACTED as the value: an empty update would not be sent at all (an empty queue is not flushed, SDK-10),
   * so the replay would lose the record. Properties the SDK adds itself ($os, $browser …) are left to it.
   */
  private keptOperation(operation: string, value: unknown): unknown {
    if (operation === '$unset' || operation === '$remove' || operation === '$delete')
      return Array.isArray(value) ? value.filter((name) => !SDK_PROFILE_DEFAULTS.has(String(name))) : {};
    if (!isObject(value)) return {};
    const kept: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(value))
      if (!SDK_PROFILE_DEFAULTS.has(name)) kept[name] = this.keep.has(name) ? property : REDACTED;
    return kept;
  }

  private kept(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const kept: Record<string, unknown> = {};
    for (const name of this.keep)
      if (name in props && name !== 'token' && name !== '$token') kept[name] = props[name];
    return kept;
  }

  private call(device: string, call: string, args: readonly unknown[]): void {
    this.steps.push(
      args.length === 0
        ? { device, call: call as SdkCall }
        : { device, call: call as SdkCall, args: [...args] },
    );
  }
}

const PEOPLE_CALLS_OR_RAW: Readonly<Record<string, true>> = {
  $set: true,
  $set_once: true,
  $add: true,
  $append: true,
  $union: true,
  $unset: true,
  $remove: true,
  $delete: true,
};

/** The server library's identify / alias / merge when the event is exactly what that call sends (O-6, O-13). */
function identityCall(event: MixpanelEvent): [string, unknown[]] | undefined {
  const props = event.properties;
  const hasOnly = (keys: readonly string[]) =>
    Object.keys(props).every(
      (key) => keys.includes(key) || key === 'time' || key === '$insert_id' || key === 'token',
    );
  if (event.event === '$identify' && isId(props['$identified_id']) && isId(props['$anon_id']))
    return hasOnly(['distinct_id', '$identified_id', '$anon_id']) &&
      props['distinct_id'] === props['$identified_id']
      ? ['identify', [props['$identified_id'], props['$anon_id']]]
      : undefined;
  if (event.event === '$create_alias' && isId(props['alias']) && isId(props['distinct_id']))
    return hasOnly(['alias', 'distinct_id']) ? ['alias', [props['alias'], props['distinct_id']]] : undefined;
  const ids = props['$distinct_ids'];
  if (event.event === '$merge' && Array.isArray(ids) && ids.length === 2 && ids.every(isId))
    return hasOnly(['$distinct_ids']) ? ['merge', [...(ids as unknown[])]] : undefined;
  return undefined;
}

function isId(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(props: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (key in props) picked[key] = props[key];
  return picked;
}

function signatureOf(props: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(DEVICE_SIGNATURE.map((key) => props[key] ?? null));
}

function deviceIdOf(record: StreamRecord): string | undefined {
  const value = record.kind === 'event' ? record.event.properties['$device_id'] : record.update['$device_id'];
  return typeof value === 'string' ? value : undefined;
}

function labelOf(kind: DeviceKind): string {
  if (kind === 'web') return 'Browser';
  return kind === 'server' ? 'Server' : kind === 'ios' ? 'iPhone' : 'Android phone';
}
