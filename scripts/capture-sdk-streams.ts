// Plays every library scenario the real mixpanel-browser can play and writes what it sent as `idmerge resolve` fixtures.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { openRealSdk, playableByRealSdk, type RealSdk, type Sent } from '../e2e/support/realSdk.ts';
import { LIBRARY } from '../src/scenarios/library/index.ts';
import { describeStep } from '../src/scenarios/play.ts';
import type { CallStep, Scenario } from '../src/scenarios/types.ts';
import type { SdkCall } from '../src/simulator/index.ts';
import { launchChromium } from './browser.ts';

const OUT_DIR = 'src/cli/fixtures/real-sdk';
/**
 * The page's origin. Nothing needs to listen there: the harness's routes serve the page and the bundle, so no
 * build or `vite preview` is needed (the port only keeps each device's storage on a plain localhost origin).
 */
const ORIGIN = 'http://localhost:4176';
const TOKEN = 'idmerge-real-sdk';

/** One line of a fixture: an event as `/track/` received it, or a profile update as `/engage/` received it. */
type FixtureRecord = { event: unknown; properties: unknown; channel: 'track' } | Record<string, unknown>;

/** The sidecar: which ids each device generated, in generation order, and where each step's records end. */
interface CaptureNotes {
  readonly scenario: string;
  readonly sdk: string;
  /** Every `$device_id` the SDKs generated (init, reset), in the order they were generated: D1, D2 … */
  readonly generatedDeviceIds: { device: string; deviceId: string }[];
  /** Per scenario step: what it did, and how many fixture lines had been sent once it finished. */
  readonly steps: { description: string; endRecord: number }[];
}

interface Capture {
  readonly records: FixtureRecord[];
  readonly notes: CaptureNotes;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const captures = new Map<string, Capture>();
  try {
    for (const scenario of LIBRARY.filter(playableByRealSdk)) {
      captures.set(scenario.id, await captureScenario(browser, scenario));
      console.log(`${scenario.id}: ${captures.get(scenario.id)?.records.length} records`);
    }
  } finally {
    await browser.close();
  }
  // Only once every capture has succeeded: a failed run leaves the committed fixtures as they were.
  await mkdir(OUT_DIR, { recursive: true });
  await removeOldFixtures();
  for (const [id, capture] of captures) await writeFixture(id, capture);
}

/** Fixtures of scenarios that are gone or no longer playable must not linger; the README stays. */
async function removeOldFixtures(): Promise<void> {
  for (const name of await readdir(OUT_DIR))
    if (name.endsWith('.ndjson') || name.endsWith('.devices.json')) await rm(join(OUT_DIR, name));
}

async function captureScenario(browser: Browser, scenario: Scenario): Promise<Capture> {
  const contexts: BrowserContext[] = [];
  try {
    const devices = await openDevices(browser, scenario, contexts);
    const notes: CaptureNotes = { scenario: scenario.id, sdk: '', generatedDeviceIds: [], steps: [] };
    for (const [id, sdk] of devices) await noteNewDeviceId(notes, id, sdk);
    const records = await playSteps(scenario, devices, notes);
    for (const [id, sdk] of devices) checkClean(`${scenario.id} device ${id}`, sdk);
    if (records.length === 0) throw new Error(`${scenario.id}: the real SDK sent nothing`);
    return { records, notes: { ...notes, sdk: sdkVersion(records) } };
  } finally {
    for (const context of contexts) await context.close();
  }
}

/**
 * One browser context per device, so each has its own storage, exactly like separate browsers. All start before
 * the first step, in the scenario's order, as the simulator starts them: so D1, D2 … mean the same devices.
 */
async function openDevices(
  browser: Browser,
  scenario: Scenario,
  contexts: BrowserContext[],
): Promise<Map<string, RealSdk>> {
  const devices = new Map<string, RealSdk>();
  for (const { id } of scenario.devices) {
    const context = await browser.newContext({ baseURL: ORIGIN });
    contexts.push(context);
    devices.set(id, await openRealSdk(await context.newPage(), TOKEN));
  }
  return devices;
}

/** A capture is only kept when the page ran cleanly and talked to nothing but the Mixpanel API. */
function checkClean(who: string, sdk: RealSdk): void {
  if (sdk.unexpected.length > 0) throw new Error(`${who} tried to reach ${sdk.unexpected.join(', ')}`);
  if (sdk.pageErrors.length > 0) throw new Error(`${who}: page errors: ${sdk.pageErrors.join('; ')}`);
}

async function playSteps(
  scenario: Scenario,
  devices: ReadonlyMap<string, RealSdk>,
  notes: CaptureNotes,
): Promise<FixtureRecord[]> {
  const records: FixtureRecord[] = [];
  for (const step of scenario.steps as readonly CallStep[]) {
    const sdk = devices.get(step.device);
    if (sdk === undefined) throw new Error(`${scenario.id}: no device ${step.device}`);
    await sdk.play(step.call as SdkCall, step.args ?? []);
    records.push(...(await sdk.drain()).flatMap(toFixtureRecords));
    await noteNewDeviceId(notes, step.device, sdk);
    notes.steps.push({ description: describeStep(scenario, step), endRecord: records.length });
  }
  return records;
}

/** Records the device's `$device_id` when it is one the SDK has not held before (init, or reset). */
async function noteNewDeviceId(notes: CaptureNotes, device: string, sdk: RealSdk): Promise<void> {
  const deviceId = await sdk.deviceId();
  if (deviceId === undefined || notes.generatedDeviceIds.some((g) => g.deviceId === deviceId)) return;
  notes.generatedDeviceIds.push({ device, deviceId });
}

/** A request's payload as fixture lines; `data` may be one object or, if batched, an array of them. */
function toFixtureRecords(sent: Sent): FixtureRecord[] {
  const payloads: unknown[] = Array.isArray(sent.data) ? sent.data : [sent.data];
  return payloads.map((payload) => {
    if (typeof payload !== 'object' || payload === null)
      throw new Error(`/${sent.endpoint}/ sent ${JSON.stringify(payload)}`);
    if (sent.endpoint === 'engage') return payload as Record<string, unknown>;
    if (sent.endpoint !== 'track') throw new Error(`unexpected request to /${sent.endpoint}/`);
    const { event, properties } = payload as { event?: unknown; properties?: unknown };
    return { event, properties, channel: 'track' };
  });
}

/** The SDK's own account of its version, from the `$lib_version` it put on the events. */
function sdkVersion(records: readonly FixtureRecord[]): string {
  for (const record of records) {
    const version = (record['properties'] as Record<string, unknown> | undefined)?.['$lib_version'];
    if (typeof version === 'string') return `mixpanel-browser ${version}`;
  }
  return 'mixpanel-browser (no event carried $lib_version)';
}

async function writeFixture(id: string, { records, notes }: Capture): Promise<void> {
  const ndjson = records.map((record) => JSON.stringify(record)).join('\n') + '\n';
  await writeFile(join(OUT_DIR, `${id}.ndjson`), ndjson);
  const notesPath = join(OUT_DIR, `${id}.devices.json`);
  const options = await resolveConfig(notesPath);
  await writeFile(notesPath, await format(JSON.stringify(notes), { ...options, filepath: notesPath }));
}

await main();
