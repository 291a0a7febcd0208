// A simulated browser: persisted state survives reloads, page memory does not (SDK-2, SDK-10); it sends like 2.83.
import type { ProfileUpdate, RecordOrigin, StreamRecord } from '../engine/index.ts';
import { extend, isTruthy, jsonCopy, truncateStrings, type JsonObject } from './json.ts';
import { Persistence } from './persistence.ts';
import { enqueueProfileUpdate } from './profileQueue.ts';
import type { CallNote, DeviceKind, DeviceSnapshot } from './types.ts';
import { MP_LIB, type SdkProfile } from './versions.ts';

/** What a device gets from its simulation: settings, the clock, seeded ids and the outgoing stream. */
export interface DeviceEnvironment {
  readonly token: string;
  readonly sdk: SdkProfile;
  /** Epoch milliseconds of the record about to be sent. */
  now(): number;
  nextInsertId(): string;
  /** A fresh device id in the version's shape (SDK-1); the simulation lists it in `generatedDeviceIds`. */
  newDeviceId(): string;
  send(record: StreamRecord): void;
  note(note: CallNote): void;
}

/** The device kinds that run an SDK (every kind but `server`). */
export type SdkDeviceKind = Exclude<DeviceKind, 'server'>;

/** One page of one browser running mixpanel-browser, with its persistence and its page memory. */
export class SdkDevice {
  readonly persistence = new Persistence();
  /** Page memory (SDK-10): profile updates are sent only once identify ran in this page life. */
  identifyCalled = false;
  /** Page memory: `register(props, {persistent: false})`. */
  pageSuperProperties: JsonObject = {};
  /** Device ids this device got from reset(), so records can say "Reset generated new ID". */
  private readonly resetDeviceIds = new Set<string>();

  constructor(
    readonly label: string,
    readonly kind: SdkDeviceKind,
    readonly env: DeviceEnvironment,
  ) {}

  get distinctId(): unknown {
    return this.persistence.get('distinct_id');
  }

  /** A page load (SDK-3): a stored distinct_id is kept as it is; otherwise a new device id is registered. */
  load(): void {
    if (!isTruthy(this.distinctId)) this.registerNewDeviceId(false);
    // `_loaded` runs people.set_once(referrer info) before any identify: empty with save_referrer off, yet it
    // creates the seven queues in persistence.
    if (this.env.sdk.createsQueuesOnLoad) enqueueProfileUpdate(this.persistence, '$set_once', {});
  }

  /** Registers `distinct_id` and `$device_id` for a new device id, without overwriting non-empty values. */
  registerNewDeviceId(madeByReset: boolean): void {
    const deviceId = this.env.newDeviceId();
    if (madeByReset) this.resetDeviceIds.add(deviceId);
    const distinctId = this.env.sdk.prefixesAnonymousId ? `$device:${deviceId}` : deviceId;
    this.persistence.registerOnce({ distinct_id: distinctId, $device_id: deviceId }, '');
  }

  /** SDK-4: automatic properties, then persisted and page super properties, then the call's own, then token. */
  track(name: string, props: JsonObject | undefined): void {
    const own = extend({}, jsonCopy(props));
    own['token'] = this.env.token;
    const automatic = {
      mp_lib: MP_LIB[this.kind],
      $lib_version: this.env.sdk.libVersion,
      $insert_id: this.env.nextInsertId(),
      time: this.env.now() / 1000, // epoch seconds with milliseconds, as `_.timestamp() / 1000`
    };
    const properties = extend(
      {},
      automatic,
      this.persistence.superProperties(),
      this.pageSuperProperties,
      own,
    );
    const data = truncateStrings({ event: name, properties });
    this.env.send({ kind: 'event', event: { ...data, channel: 'track' }, origin: this.origin() });
  }

  /** Sends one engage object, strings truncated like events (SDK-4). */
  sendProfile(update: ProfileUpdate): void {
    this.env.send({ kind: 'profile', update: truncateStrings(update), origin: this.origin() });
  }

  register(props: JsonObject, persistent: boolean): void {
    if (persistent) this.persistence.register(props);
    else extend(this.pageSuperProperties, jsonCopy(props));
  }

  registerOnce(props: JsonObject, defaultValue: unknown, persistent: boolean): void {
    const overwritable = defaultValue === undefined ? 'None' : defaultValue;
    if (persistent) return this.persistence.registerOnce(props, overwritable);
    for (const [key, value] of Object.entries(jsonCopy(props))) {
      const kept =
        Object.hasOwn(this.pageSuperProperties, key) && this.pageSuperProperties[key] !== overwritable;
      if (!kept) this.pageSuperProperties[key] = value;
    }
  }

  unregister(name: string, persistent: boolean): void {
    if (persistent) this.persistence.unregister(name);
    else delete this.pageSuperProperties[name];
  }

  /** A page load: page memory is lost, persistence is kept (SDK-10), then init runs again (SDK-3). */
  reload(): void {
    this.identifyCalled = false;
    this.pageSuperProperties = {};
    this.load();
  }

  snapshot(): DeviceSnapshot {
    return {
      label: this.label,
      kind: this.kind,
      persisted: this.persistence.snapshot(),
      identifyCalled: this.identifyCalled,
      pageSuperProperties: jsonCopy(this.pageSuperProperties),
    };
  }

  private origin(): RecordOrigin {
    const deviceId = this.persistence.get('$device_id');
    const afterReset = typeof deviceId === 'string' && this.resetDeviceIds.has(deviceId);
    return afterReset ? { device: this.label, afterReset: true } : { device: this.label };
  }
}
