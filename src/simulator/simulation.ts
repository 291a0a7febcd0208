// A simulation: devices, an injected clock and seeded ids; the same config and calls give the same stream.
import type { StreamRecord } from '../engine/index.ts';
import { legacyDeviceId, userAgentHash, uuidV4 } from './deviceIds.ts';
import { SimulationError } from './errors.ts';
import { createRandom, randomBase36, type RandomSource } from './random.ts';
import { isSdkCall, parseSdkCall } from './sdkCalls.ts';
import { SdkDevice, type DeviceEnvironment, type SdkDeviceKind } from './sdkDevice.ts';
import { isServerCall, parseServerCall, type ServerEnvironment } from './server.ts';
import {
  DEVICE_KINDS,
  type CallNote,
  type DeviceKind,
  type DeviceSnapshot,
  type SdkCall,
  type ServerCall,
  type SimulationConfig,
  type SimulationStep,
} from './types.ts';
import { sdkProfile, type SdkProfile } from './versions.ts';

interface ServerDevice {
  readonly kind: 'server';
  readonly label: string;
}
type Device = SdkDevice | ServerDevice;

/** Runs SDK devices and server senders against one clock and one seeded id source. */
export class Simulation {
  private readonly sdk: SdkProfile;
  private readonly token: string;
  private readonly startTime: number;
  private readonly tickMs: number;
  private readonly insertIds: RandomSource;
  private readonly devices = new Map<string, Device>();
  private readonly sent: StreamRecord[] = [];
  private readonly deviceIds: string[] = [];
  private callCount = 0;
  private sentInCall = 0;
  private note: CallNote | undefined;
  private inCall = false;

  constructor(private readonly config: SimulationConfig) {
    this.sdk = sdkProfile(config.sdkVersion ?? 'current');
    this.token = config.token ?? 'demo-token';
    this.startTime = config.startTime ?? 1_700_000_000_000;
    this.tickMs = config.tickMs ?? 60_000;
    this.insertIds = createRandom(config.seed, 'insert-id');
  }

  /** Everything sent so far, in order. */
  get records(): readonly StreamRecord[] {
    return this.sent;
  }

  /** Every device id generated (init and reset), in order: the app shows them as D1, D2 … */
  get generatedDeviceIds(): readonly string[] {
    return this.deviceIds;
  }

  /** Why the last call sent less than one might expect (refused, queued, silent); undefined otherwise. */
  get lastCallNote(): CallNote | undefined {
    return this.note;
  }

  /** Adds a device. SDK devices initialise like mixpanel-browser's init (SDK-3) and send nothing. */
  addDevice(label: string, kind: DeviceKind): void {
    if (this.devices.has(label)) throw new SimulationError(`device "${label}" already exists`);
    if (!DEVICE_KINDS.includes(kind)) throw new SimulationError(`unknown device kind "${String(kind)}"`);
    if (kind === 'server') return void this.devices.set(label, { kind, label });
    const device = new SdkDevice(label, kind, this.deviceEnvironment(label, kind));
    device.load();
    this.devices.set(label, device);
  }

  /** Performs one call; returns the records it sent, in order. Throws SimulationError and changes nothing if the
   *  device, the call or its arguments are wrong. */
  call(label: string, call: SdkCall | ServerCall, args: readonly unknown[]): StreamRecord[] {
    const device = this.devices.get(label);
    if (!device) throw new SimulationError(`unknown device "${label}"`);
    const run = this.prepare(device, String(call), args);
    const first = this.sent.length;
    [this.sentInCall, this.note, this.inCall] = [0, undefined, true];
    try {
      run();
    } finally {
      this.inCall = false;
      this.callCount += 1;
    }
    return this.sent.slice(first);
  }

  /** Performs harness steps in order; returns everything they sent. */
  run(steps: readonly SimulationStep[]): StreamRecord[] {
    return steps.flatMap((step) => this.call(step.device, step.call, step.args));
  }

  /** What one device holds now. */
  device(label: string): DeviceSnapshot {
    const device = this.devices.get(label);
    if (!device) throw new SimulationError(`unknown device "${label}"`);
    if (device instanceof SdkDevice) return device.snapshot();
    return { label, kind: 'server', persisted: {}, identifyCalled: false, pageSuperProperties: {} };
  }

  private prepare(device: Device, call: string, args: readonly unknown[]): () => void {
    if (device instanceof SdkDevice) {
      if (!isSdkCall(call))
        throw new SimulationError(`${device.kind} device "${device.label}" has no call "${call}"`);
      const action = parseSdkCall(call, args);
      return () => action(device);
    }
    if (!isServerCall(call))
      throw new SimulationError(`server device "${device.label}" has no call "${call}"`);
    const action = parseServerCall(call, args);
    return () => action(device.label, this.serverEnvironment());
  }

  /** The clock: each call starts a tick later; records within one call are 1 ms apart. */
  private now(): number {
    return this.startTime + this.callCount * this.tickMs + this.sentInCall;
  }

  private send(record: StreamRecord): void {
    this.sent.push(record);
    this.sentInCall += 1;
  }

  private serverEnvironment(): ServerEnvironment {
    return {
      token: this.token,
      now: () => this.now(),
      nextInsertId: () => randomBase36(this.insertIds, 16),
      send: (record) => this.send(record),
    };
  }

  private deviceEnvironment(label: string, kind: SdkDeviceKind): DeviceEnvironment {
    const ids = createRandom(this.config.seed, `device-ids:${label}:${kind}`);
    const uaHash = userAgentHash(createRandom(this.config.seed, `user-agent:${label}:${kind}`));
    return {
      ...this.serverEnvironment(),
      sdk: this.sdk,
      newDeviceId: () => {
        const id = this.sdk.idShape === 'uuid-v4' ? uuidV4(ids) : legacyDeviceId(ids, this.now(), uaHash);
        this.deviceIds.push(id);
        return id;
      },
      note: (note) => {
        if (this.inCall && !this.note) this.note = note;
      },
    };
  }
}
