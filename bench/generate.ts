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

const PAGES = ['Home', 'Pricing', 'Docs', 'Blog', 'Checkout', 'Settings'];

/** Generates the stream event by event, so a million events never sit in memory at once. */
export function* generateStream(shape: StreamShape): Generator<object> {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const people: Person[] = Array.from({ length: shape.users }, (_, i) => ({
    userId: `user-${i}`,
    signedUp: false,
    devices: [],
  }));
  let devicesMade = 0;
  let time = 1_700_000_000;
  let emitted = 0;
  const newDevice = (person: Person): string => {
    devicesMade++;
    const id = uuidFrom(random);
    person.devices.push(id);
    return id;
  };
  const track = (event: string, props: Record<string, unknown>) => {
    emitted++;
    time += Math.floor(random() * 5);
    return {
      event,
      properties: {
        time,
        $insert_id: `i${emitted}`,
        mp_lib: 'web',
        $current_url: `https://example.com/${pick(PAGES).toLowerCase()}`,
        ...props,
      },
    };
  };

  while (emitted < shape.events) {
    const person = pick(people);
    const wantsNewDevice = person.devices.length === 0 || (devicesMade < shape.devices && random() < 0.3);
    const device = wantsNewDevice ? newDevice(person) : pick(person.devices);
    const anon = { distinct_id: `$device:${device}`, $device_id: device };
    for (let i = 1 + Math.floor(random() * 3); i > 0; i--)
      yield track('Page View', { ...anon, page: pick(PAGES) });
    if (random() < 0.7) {
      const user = { distinct_id: person.userId, $device_id: device, $user_id: person.userId };
      if (!person.signedUp) {
        person.signedUp = true;
        yield track('$create_alias', { ...anon, alias: person.userId });
      }
      yield track('$identify', { ...user, $anon_distinct_id: anon.distinct_id });
      yield track(person.signedUp ? 'Log In' : 'Sign Up', user);
      for (let i = Math.floor(random() * 4); i > 0; i--)
        yield track(pick(['Purchase', 'Search', 'Share']), { ...user, amount: Math.floor(random() * 100) });
      if (random() < 0.4)
        yield track('Subscription Renewed', {
          distinct_id: person.userId,
          $user_id: person.userId,
          mp_lib: 'node',
        });
      if (random() < 0.5) {
        // Logout with reset(): the device gets a fresh id (SDK-8); without it, the next visitor inherits the user.
        const index = person.devices.indexOf(device);
        if (index >= 0 && devicesMade < shape.devices) {
          person.devices[index] = uuidFrom(random);
          devicesMade++;
        }
      }
    }
    if (random() < 0.01)
      yield {
        ...track('$merge', { $distinct_ids: [person.userId, `crm-${Math.floor(random() * shape.users)}`] }),
        channel: 'import',
      };
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
