// Writes a seeded, realistic event stream for the benchmark: people browsing, signing up, logging in on new devices,
// logging out with and without reset, server-side events and the occasional identity event.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom, uuidFrom } from './random.ts';

export interface StreamShape {
  readonly events: number;
  readonly users: number;
  readonly devices: number;
  readonly seed: number;
}

export const DEFAULT_SHAPE: StreamShape = { events: 1_000_000, users: 100_000, devices: 200_000, seed: 42 };

interface Person {
  readonly userId: string;
  signedUp: boolean;
  devices: string[];
}

/** What a browser has persisted (SDK-2): its device id, and the user it is identified as, if any. */
interface DeviceState {
  readonly deviceId: string;
  userId: string | undefined;
}

const PAGES = ['Home', 'Pricing', 'Docs', 'Blog', 'Checkout', 'Settings'];

/**
 * Generates the stream event by event, so a million events never sit in memory at once. Devices keep their state
 * like mixpanel-browser: identify sends `$identify` only when the distinct_id changes (SDK-5), and a device that
 * logged out without reset() keeps sending as its user (P-1).
 */
export function* generateStream(shape: StreamShape): Generator<object> {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const people: Person[] = Array.from({ length: shape.users }, (_, i) => ({
    userId: `user-${i}`,
    signedUp: false,
    devices: [],
  }));
  const devices = new Map<string, DeviceState>();
  let devicesMade = 0;
  let time = 1_700_000_000;
  let emitted = 0;
  const newDevice = (): string => {
    devicesMade++;
    const id = uuidFrom(random);
    devices.set(id, { deviceId: id, userId: undefined });
    return id;
  };
  const track = (event: string, props: Record<string, unknown>) => {
    emitted++;
    time += Math.floor(random() * 5);
    const properties = {
      time,
      $insert_id: `i${emitted}`,
      mp_lib: 'web',
      $current_url: `https://example.com/${pick(PAGES).toLowerCase()}`,
      ...props,
    };
    return { event, properties };
  };
  /** The identity properties the SDK adds to every event from this device (SDK-4, SDK-6). */
  const identityOf = (state: DeviceState) =>
    state.userId === undefined
      ? { distinct_id: `$device:${state.deviceId}`, $device_id: state.deviceId }
      : { distinct_id: state.userId, $device_id: state.deviceId, $user_id: state.userId };

  while (emitted < shape.events) {
    const person = pick(people);
    const wantsNewDevice = person.devices.length === 0 || (devicesMade < shape.devices && random() < 0.3);
    if (wantsNewDevice) person.devices.push(newDevice());
    const slot = Math.floor(random() * person.devices.length);
    const state = devices.get(person.devices[slot] ?? '') as DeviceState;
    for (let i = 1 + Math.floor(random() * 3); i > 0; i--)
      yield track('Page View', { ...identityOf(state), page: pick(PAGES) });
    if (random() < 0.7) {
      if (state.userId !== person.userId) {
        const anon = identityOf(state);
        if (!person.signedUp) yield track('$create_alias', { ...anon, alias: person.userId });
        state.userId = person.userId;
        yield track('$identify', { ...identityOf(state), $anon_distinct_id: anon.distinct_id });
      }
      yield track(person.signedUp ? 'Log In' : 'Sign Up', identityOf(state));
      person.signedUp = true;
      for (let i = Math.floor(random() * 4); i > 0; i--)
        yield track(pick(['Purchase', 'Search', 'Share']), {
          ...identityOf(state),
          amount: Math.floor(random() * 100),
        });
      if (random() < 0.4)
        yield track('Subscription Renewed', {
          distinct_id: person.userId,
          $user_id: person.userId,
          mp_lib: 'node',
        });
      // Half the logouts call reset(): a new device id (SDK-8); the others leave the device identified.
      if (random() < 0.5 && devicesMade < shape.devices) person.devices[slot] = newDevice();
    }
    if (random() < 0.01) {
      const merge = track('$merge', {
        $distinct_ids: [person.userId, `crm-${Math.floor(random() * shape.users)}`],
      });
      yield { ...merge, channel: 'import' };
    }
  }
}

/** Writes the stream to an NDJSON file; returns the number of lines. */
export async function writeStream(path: string, shape: StreamShape): Promise<number> {
  const out = createWriteStream(path);
  let lines = 0;
  let buffer = '';
  for (const event of generateStream(shape)) {
    if (lines === shape.events) break;
    buffer += JSON.stringify(event) + '\n';
    lines++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return lines;
}
