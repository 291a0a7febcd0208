// Public vocabulary of the simulator: which SDK is simulated, which devices exist and which calls they take.

/** `current` = mixpanel-browser 2.83.0; `legacy` = before 2.46 (unprefixed ids) and before 2.62 (old id shape). */
export type SdkVersion = 'current' | 'legacy';

/** web, ios and android run the browser SDK's identity code (only `mp_lib` differs); server is a backend sender. */
export type DeviceKind = 'web' | 'ios' | 'android' | 'server';

/** Calls a simulated SDK device takes, named as in mixpanel-browser; `reload` is a page load. */
export type SdkCall =
  | 'track'
  | 'identify'
  | 'reset'
  | 'alias'
  | 'register'
  | 'register_once'
  | 'unregister'
  | 'people.set'
  | 'people.set_once'
  | 'people.unset'
  | 'people.increment'
  | 'people.append'
  | 'people.union'
  | 'reload';

/** Calls a server sender takes: events with explicit ids (S-20, O-19) and the import API's identity events. */
export type ServerCall = 'track' | 'import' | 'identify' | 'alias' | 'merge' | 'people.set';

/** Every SDK call a scenario step can make. */
export const SDK_CALLS: readonly SdkCall[] = [
  'track',
  'identify',
  'reset',
  'alias',
  'register',
  'register_once',
  'unregister',
  'people.set',
  'people.set_once',
  'people.unset',
  'people.increment',
  'people.append',
  'people.union',
  'reload',
];

/** Every server call a scenario step can make. */
export const SERVER_CALLS: readonly ServerCall[] = [
  'track',
  'import',
  'identify',
  'alias',
  'merge',
  'people.set',
];

/** Every device kind a scenario can declare. */
export const DEVICE_KINDS: readonly DeviceKind[] = ['web', 'ios', 'android', 'server'];

/** Settings of one simulation. Same settings and same calls give the same stream, byte for byte. */
export interface SimulationConfig {
  /** Seeds every generated id (device ids, `$insert_id`). */
  readonly seed: string;
  /** Default 'current'. */
  readonly sdkVersion?: SdkVersion;
  /** Default 'demo-token'. */
  readonly token?: string;
  /** Epoch milliseconds of the first call; default 1_700_000_000_000. */
  readonly startTime?: number;
  /** The clock advances this much per call; default 60_000. Records within one call are 1 ms apart. */
  readonly tickMs?: number;
}

/** What one device holds, for display and tests. */
export interface DeviceSnapshot {
  readonly label: string;
  readonly kind: DeviceKind;
  /** The persistence object as localStorage would hold it (SDK-2); `{}` for server senders. */
  readonly persisted: Readonly<Record<string, unknown>>;
  /** Page memory: identify was called since the last page load or reset (SDK-10). */
  readonly identifyCalled: boolean;
  /** Page memory: super properties registered with `{persistent: false}`; a reload forgets them. */
  readonly pageSuperProperties: Readonly<Record<string, unknown>>;
}

/** Why a call sent less than one might expect, in the SDK's terms and with the rule behind it. */
export interface CallNote {
  /** refused: the SDK reported an error (identify -1, alias -1/-2); queued: held until identify; silent: by design. */
  readonly kind: 'refused' | 'queued' | 'silent';
  readonly text: string;
  readonly rule: string;
}

/** One step of a scenario in the harness format. */
export interface SimulationStep {
  readonly device: string;
  readonly call: SdkCall | ServerCall;
  readonly args: readonly unknown[];
}
