// Conformance: for the same calls, the simulated SDK sends what the real mixpanel-browser 2.83.0 sends, ids aside.
import { expect, test, type Page } from '@playwright/test';
import { Simulation } from '../src/simulator/index.ts';
import {
  CURRENT_DISTINCT_ID,
  DEFAULT_TOKEN as TOKEN,
  openRealSdk,
  SDK_BUNDLE,
  type Sent,
  type SdkStep as Step,
} from './support/realSdk.ts';

/** Automatic properties the simulator leaves out: they describe the browser and the page, not the identity. */
const BROWSER_PROPERTIES = [
  '$os',
  '$browser',
  '$browser_version',
  '$device',
  '$screen_height',
  '$screen_width',
];
const PAGE_PROPERTIES = ['$current_url', '$referrer', '$referring_domain'];
/** Per-send values that differ by nature: the clock and the random insert id. */
const PER_SEND_PROPERTIES = ['time', '$insert_id'];

const step = (call: Step['call'], ...args: unknown[]): Step => ({ call, args });
const LONG = 'x'.repeat(300);

/** The scenarios: the spec's SC-SDK rows and the rules they rest on. */
const SCENARIOS: Readonly<Record<string, readonly Step[]>> = {
  'SC-SDK1: identify, reset, identify again': [
    step('identify', 'U1'),
    step('track', 'a'),
    step('reset'),
    step('track', 'b'),
    step('identify', 'U2'),
    step('track', 'c'),
  ],
  'SC-SDK2: a repeated identify sends one $identify, a new id another': [
    step('identify', 'U1'),
    step('identify', 'U1'),
    step('track', 'x'),
    step('identify', 'U2'),
    step('track', 'y'),
  ],
  'SC-SDK3: alias keeps the old distinct_id; alias of the current id is refused': [
    step('alias', 'A'),
    step('track', 'x'),
    step('alias', CURRENT_DISTINCT_ID),
    step('track', 'y'),
    step('identify', 'U9'),
    step('track', 'z'),
  ],
  'SC-SDK4: identify refuses a $device: id': [step('identify', '$device:xyz'), step('track', 'x')],
  'SC-SDK5: profile updates wait for identify and queue again after reset': [
    step('people.set', { a: 'b' }),
    step('identify', 'U1'),
    step('reset'),
    step('people.set', { c: 1 }),
  ],
  'SDK-10: a reload in a logged-in state queues profile updates until identify': [
    step('identify', 'U1'),
    step('track', 'a'),
    step('reload'),
    step('people.set', { plan: 'pro' }),
    step('track', 'b'),
    step('identify', 'U1'),
    step('track', 'c'),
  ],
  'SDK-11: register overrides distinct_id and $device_id': [
    step('register', { $device_id: 'cdp-anon-1', distinct_id: '$device:cdp-anon-1' }),
    step('track', 'a'),
    step('identify', 'U1'),
    step('track', 'b'),
    step('reset'),
    step('register', { distinct_id: 'cdp-anon-2', $device_id: 'cdp-anon-2' }),
    step('track', 'c'),
    step('identify', 'U2'),
  ],
  'SDK-5: identify with no argument, a number, null and the empty string (Q-16)': [
    step('identify'),
    step('track', 'a'),
    step('identify', 42),
    step('track', 'b'),
    step('identify', null),
    step('track', 'c'),
    step('identify', ''),
    step('track', 'd'),
    step('reload'),
    step('track', 'e'),
  ],
  'SDK-10: every queued operation merges and flushes in the SDK order': [
    step('people.set_once', { first: 'yes' }),
    step('people.unset', 'gone'),
    step('people.increment', 'visits'),
    step('people.append', 'pages', 'home'),
    step('people.append', { pages: 'pricing' }),
    step('people.union', { tags: 'a' }),
    step('people.set', { visits: 10, gone: 'back' }),
    step('people.increment', { visits: 2, bad: 'x' }),
    step('people.unset', ['tags']),
    step('identify', 'U1'),
    step('people.set', 'now', 'sent'),
  ],
  'SDK-5: identify without a stored $device_id sets $had_persisted_distinct_id': [
    step('unregister', '$device_id'),
    step('track', 'a'),
    step('people.set', { x: 1 }),
    step('identify', 'U1'),
    step('track', 'b'),
  ],
  'SDK-4: super properties, page memory and truncation': [
    step('register', { plan: 'free' }),
    step('register', { tab: 'one' }, { persistent: false }),
    step('register_once', { plan: 'pro', first: 'yes' }),
    step('track', LONG, { note: LONG, nested: { deep: LONG } }),
    step('reload'),
    step('track', 'b'),
    step('unregister', 'plan'),
    step('track', 'c', { distinct_id: 'custom' }),
  ],
  'SDK-9: alias with an explicit original, then identify with the alias': [
    step('alias', 'A', 'orig'),
    step('track', 'x'),
    step('identify', 'A'),
    step('track', 'y'),
  ],
};

test.describe('the simulated SDK sends what mixpanel-browser 2.83.0 sends', () => {
  test.skip(!SDK_BUNDLE, 'mixpanel-browser is not installed: npm i -D -E mixpanel-browser@2.83.0');

  for (const [name, steps] of Object.entries(SCENARIOS)) {
    test(name, async ({ page }) => {
      const real = await runRealSdk(page, steps);
      const simulated = runSimulation(steps);
      expect(real.sent.length, 'the real SDK sent nothing: is the capture broken?').toBeGreaterThan(0);
      const [realView, simulatedView] = [comparable(real), comparable(simulated)];
      expect(simulatedView.sent).toEqual(realView.sent);
      expect(simulatedView.persisted).toEqual(realView.persisted);
    });
  }
});

/** What one side sent and stored. */
interface Run {
  readonly sent: readonly Sent[];
  readonly persisted: unknown;
}

function runSimulation(steps: readonly Step[]): Run {
  const sim = new Simulation({ seed: 'conformance', token: TOKEN });
  sim.addDevice('web', 'web');
  for (const { call, args } of steps) {
    const current = sim.device('web').persisted['distinct_id'];
    const resolved = args.map((arg) => (arg === CURRENT_DISTINCT_ID ? current : arg));
    sim.call('web', call, resolved);
  }
  const sent = sim.records.map((record): Sent => {
    if (record.kind === 'profile') return { endpoint: 'engage', data: record.update };
    return { endpoint: 'track', data: { event: record.event.event, properties: record.event.properties } };
  });
  return { sent, persisted: sim.device('web').persisted };
}

async function runRealSdk(page: Page, steps: readonly Step[]): Promise<Run> {
  const sdk = await openRealSdk(page, TOKEN);
  const sent: Sent[] = [];
  for (const { call, args } of steps) {
    await sdk.play(call, args);
    sent.push(...(await sdk.drain()));
  }
  const persisted = await sdk.persisted();
  expect(sdk.unexpected, 'requests outside the page and the Mixpanel API').toEqual([]);
  return { sent, persisted };
}

/** The comparable view: per-send and browser properties dropped, device ids renamed D1, D2 … by first use. */
function comparable(run: Run): Run {
  const names = new Map<string, string>();
  const rename = (value: unknown): unknown => renameDeviceIds(value, names);
  const sent = run.sent.map((s) => ({ endpoint: s.endpoint, data: rename(withoutUnmodelled(s.data)) }));
  return { sent, persisted: rename(withoutUnmodelled(run.persisted)) };
}

/** Drops what the simulator does not model: the browser description and per-send values, at any depth. */
function withoutUnmodelled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnmodelled);
  if (typeof value !== 'object' || value === null) return value;
  const dropped = new Set([...BROWSER_PROPERTIES, ...PAGE_PROPERTIES, ...PER_SEND_PROPERTIES]);
  const entries = Object.entries(value).filter(([key]) => !dropped.has(key));
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutUnmodelled(item)]));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** Replaces every UUID, walking keys in sorted order so both sides meet their ids in the same order. */
function renameDeviceIds(value: unknown, names: Map<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(
      UUID,
      (id) => names.get(id) ?? (names.set(id, `D${names.size + 1}`), `D${names.size}`),
    );
  if (Array.isArray(value)) return value.map((item) => renameDeviceIds(item, names));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, renameDeviceIds(record[key], names)]));
}
