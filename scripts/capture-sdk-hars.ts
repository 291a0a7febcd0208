// Records what the real mixpanel-browser sends as browser network logs (HAR), for the HAR reader's conformance test.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import {
  openRealSdk,
  playableByRealSdk,
  PROXY_PATH,
  SDK_CONFIG,
  type RealSdk,
  type Sent,
} from '../e2e/support/realSdk.ts';
import { findScenario } from '../src/scenarios/library/index.ts';
import type { CallStep, Scenario } from '../src/scenarios/types.ts';
import type { SdkCall } from '../src/simulator/index.ts';
import { launchChromium } from './browser.ts';

const OUT_DIR = 'src/cli/fixtures/real-sdk-har';
const ORIGIN = 'http://localhost:4176';
const TOKEN = 'idmerge-real-sdk';
/** A cookie every device carries, so the logs hold one, as real ones do: no output may ever show it. */
const COOKIE = { name: 'session', value: 'har-fixture-secret-cookie', url: ORIGIN };

/** How the SDK was set up for a capture: the simulator's setup, a first-party proxy, the GET transport. */
const VARIANTS = {
  default: SDK_CONFIG,
  proxy: { ...SDK_CONFIG, api_host: `${ORIGIN}${PROXY_PATH}` },
  get: { ...SDK_CONFIG, api_method: 'GET' },
} as const;
type Variant = keyof typeof VARIANTS;

/** Every playable scenario as the simulator sets the SDK up; a few through a proxy or over GET. */
const CAPTURES: readonly { scenario: string; variant: Variant }[] = [
  ...[
    'new-user-signup',
    'returning-user',
    'multiple-users-one-device',
    'shared-device-without-reset',
    'anonymous-activity-handed-over',
    'identify-twice-without-reset',
    'original-signup',
    'original-multiple-users-one-device',
    'profiles-wait-for-identify',
  ].map((scenario) => ({ scenario, variant: 'default' as const })),
  { scenario: 'new-user-signup', variant: 'proxy' },
  { scenario: 'multiple-users-one-device', variant: 'proxy' },
  { scenario: 'returning-user', variant: 'get' },
];

interface HarLog {
  log: {
    version: string;
    creator: unknown;
    pages?: { id: string }[];
    entries: { startedDateTime: string; pageref?: string }[];
  };
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const scratch = join(tmpdir(), `idmerge-har-${process.pid}`);
  await mkdir(scratch, { recursive: true });
  const results: { name: string; har: HarLog; sent: string }[] = [];
  try {
    for (const { scenario: id, variant } of CAPTURES) {
      const scenario = findScenario(id);
      if (scenario === undefined || !playableByRealSdk(scenario))
        throw new Error(`${id} is not playable by the real SDK`);
      const name = variant === 'default' ? id : `${id}.${variant}`;
      results.push({ name, ...(await capture(browser, scenario, variant, join(scratch, name))) });
      console.log(`${name}: ${results.at(-1)?.har.log.entries.length} entries`);
    }
  } finally {
    await browser.close();
    await rm(scratch, { recursive: true, force: true });
  }
  await mkdir(OUT_DIR, { recursive: true });
  for (const name of await readdir(OUT_DIR))
    if (name.endsWith('.har') || name.endsWith('.sent.ndjson')) await rm(join(OUT_DIR, name));
  for (const { name, har, sent } of results) {
    await writeFile(join(OUT_DIR, `${name}.har`), JSON.stringify(har, null, 2) + '\n');
    await writeFile(join(OUT_DIR, `${name}.sent.ndjson`), sent);
  }
}

/** One context per device, each recording its own HAR; the logs are then merged as a proxy app would see them. */
async function capture(
  browser: Browser,
  scenario: Scenario,
  variant: Variant,
  prefix: string,
): Promise<{ har: HarLog; sent: string }> {
  const contexts: { device: string; context: BrowserContext; path: string }[] = [];
  const sent: string[] = [];
  try {
    const devices = new Map<string, RealSdk>();
    for (const { id } of scenario.devices) {
      const path = `${prefix}-${id}.har`;
      const context = await browser.newContext({ baseURL: ORIGIN, recordHar: { path, content: 'omit' } });
      await context.addCookies([COOKIE]);
      contexts.push({ device: id, context, path });
      devices.set(id, await openRealSdk(await context.newPage(), TOKEN, VARIANTS[variant]));
    }
    for (const step of scenario.steps as readonly CallStep[]) {
      const sdk = devices.get(step.device);
      if (sdk === undefined) throw new Error(`${scenario.id}: no device ${step.device}`);
      await sdk.play(step.call as SdkCall, step.args ?? []);
      sent.push(...(await sdk.drain()).flatMap(toLines));
    }
    for (const [id, sdk] of devices)
      if (sdk.unexpected.length > 0 || sdk.pageErrors.length > 0)
        throw new Error(`${scenario.id} device ${id} did not run cleanly`);
  } finally {
    for (const { context } of contexts) await context.close();
  }
  return { har: await merge(contexts), sent: sent.join('\n') + '\n' };
}

/** The in-page record of a request, as the NDJSON import reads it: `/track` events with channel track. */
function toLines(sent: Sent): string[] {
  const payloads: unknown[] = Array.isArray(sent.data) ? sent.data : [sent.data];
  return payloads.map((payload) => {
    if (sent.endpoint === 'engage') return JSON.stringify(payload);
    const { event, properties } = payload as { event: unknown; properties: unknown };
    return JSON.stringify({ event, properties, channel: 'track' });
  });
}

/** One log of every device's requests, ordered by start time, with page ids made unique per device. */
async function merge(contexts: readonly { device: string; path: string }[]): Promise<HarLog> {
  const logs = await Promise.all(
    contexts.map(async ({ device, path }) => ({
      device,
      har: JSON.parse(await readFile(path, 'utf8')) as HarLog,
    })),
  );
  const first = logs[0]?.har.log;
  if (first === undefined) throw new Error('no HAR was recorded');
  const pages = logs.flatMap(({ device, har }) =>
    (har.log.pages ?? []).map((page) => ({ ...page, id: `${device}-${page.id}` })),
  );
  const entries = logs
    .flatMap(({ device, har }) =>
      har.log.entries.map((entry) =>
        entry.pageref === undefined ? entry : { ...entry, pageref: `${device}-${entry.pageref}` },
      ),
    )
    .sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  return { log: { version: first.version, creator: first.creator, pages, entries } };
}

await main();
