// The real mixpanel-browser in a Playwright page: served from the preview origin, its calls made, its requests decoded.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { Scenario } from '../../src/scenarios/types.ts';
import type { SdkCall } from '../../src/simulator/index.ts';

/** The real SDK's UMD bundle (MIXPANEL_BROWSER_UMD names another build); undefined until it is installed. */
export const SDK_BUNDLE = process.env['MIXPANEL_BROWSER_UMD'] ?? resolveSdkBundle();
export const DEFAULT_TOKEN = 'conformance-token';
/** Where the page lives on the preview origin; the route serves it, so nothing needs to exist there. */
const BASE = '/__sdk-conformance__/';
/** How the real SDK is set up: what the simulator models (no referrer capture, one request per call). */
export const SDK_CONFIG = { persistence: 'localStorage', batch_requests: false, save_referrer: false };
/** An argument that stands for the device's current distinct_id, whatever id its SDK generated. */
export const CURRENT_DISTINCT_ID = { $current: 'distinct_id' } as const;

/** One call as the simulator names it (`people.set`, `reload` …), with its arguments. */
export interface SdkStep {
  readonly call: SdkCall;
  readonly args: readonly unknown[];
}

/** One request the SDK sent: its endpoint (`track`, `engage` …) and its decoded `data` payload. */
export interface Sent {
  readonly endpoint: string;
  readonly data: unknown;
}

/** The real SDK running in one page: one device, with the page's own storage. */
export interface RealSdk {
  /** Makes one call (`reload` reloads the page and initialises the SDK again). */
  play(call: SdkCall, args: readonly unknown[]): Promise<void>;
  /** Every request sent since the last drain, in send order, once all of them have completed. */
  drain(): Promise<Sent[]>;
  /** The SDK's persisted state (its localStorage entry), or null. */
  persisted(): Promise<unknown>;
  /** The `$device_id` the SDK currently holds, if any. */
  deviceId(): Promise<string | undefined>;
  /** Requests that went anywhere but the page and the Mixpanel API (refused): should stay empty. */
  readonly unexpected: readonly string[];
  /** Uncaught errors in the page (a broken capture script shows here, not as a failed call): should stay empty. */
  readonly pageErrors: readonly string[];
}

/** Whether the real SDK can play a scenario: current-SDK calls on web devices only (no raw records, repeats, servers). */
export function playableByRealSdk(scenario: Scenario): boolean {
  const webOnly = scenario.devices.every((device) => device.kind === 'web');
  const callsOnly = scenario.steps.every((step) => 'call' in step);
  return webOnly && callsOnly && (scenario.sdkVersion ?? 'current') === 'current';
}

interface CaptureWindow {
  mpSent: { url: string; body: string | null }[];
  mpPending: number;
  lab?: (Record<string, unknown> & { people: Record<string, unknown> }) | undefined;
  mixpanel?: { init(token: string, config: object, name: string): CaptureWindow['lab'] };
}

function resolveSdkBundle(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('mixpanel-browser/dist/mixpanel.umd.js');
  } catch {
    return undefined;
  }
}

/**
 * Where a site's first-party proxy of the Mixpanel API lives on the page's own origin: set `api_host` to
 * `<origin>${PROXY_PATH}` and the SDK sends there (base64 payloads, as to any host but *.mixpanel.com).
 */
export const PROXY_PATH = '/mp';

/**
 * Opens the page (relative to the context's baseURL), loads the bundle and initialises the SDK with `token` and
 * `config` (default SDK_CONFIG: what the simulator models).
 */
export async function openRealSdk(
  page: Page,
  token = DEFAULT_TOKEN,
  config: object = SDK_CONFIG,
): Promise<RealSdk> {
  if (SDK_BUNDLE === undefined) throw new Error('mixpanel-browser is not installed');
  const unexpected: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await servePage(page, SDK_BUNDLE, unexpected);
  await loadSdk(page, token, config);
  return {
    play: (call, args) => (call === 'reload' ? reload(page, token, config) : callSdk(page, call, args)),
    drain: () => drainRequests(page),
    persisted: () => readPersisted(page, token),
    deviceId: () => readDeviceId(page),
    unexpected,
    pageErrors,
  };
}

/** Serves the fixture page and the SDK from the preview origin, answers the Mixpanel API, and refuses the rest. */
async function servePage(page: Page, bundle: string, unexpected: string[]): Promise<void> {
  const html = `<!doctype html><title>SDK conformance</title><script src="${BASE}mixpanel.umd.js"></script>`;
  await page.route(
    (url) => url.hostname !== 'localhost',
    (route) => (unexpected.push(route.request().url()), route.abort()),
  );
  await page.route('https://api-js.mixpanel.com/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/plain',
      headers: corsFor(route.request().headers()),
      body: '1',
    }),
  );
  await page.route(`**${PROXY_PATH}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: '1' }),
  );
  await page.route(`**${BASE}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route(`**${BASE}mixpanel.umd.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', path: bundle }),
  );
  // Under tsx (esbuild's keepNames) functions sent to the page call a `__name` helper the page lacks.
  await page.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await page.addInitScript(captureRequests);
  await page.goto(BASE);
}

/** The SDK sends with credentials, so the answer must name the page's origin. */
function corsFor(requestHeaders: Record<string, string>): Record<string, string> {
  const origin = requestHeaders['origin'] ?? '*';
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
}

/** Runs in the page before the SDK: records every XHR body in send order and counts the open ones. */
function captureRequests(): void {
  const w = window as unknown as CaptureWindow & { XMLHttpRequest: typeof XMLHttpRequest };
  w.mpSent = [];
  w.mpPending = 0;
  class CapturingRequest extends XMLHttpRequest {
    private url = '';
    override open(
      method: string,
      url: string | URL,
      async = true,
      user?: string | null,
      pass?: string | null,
    ) {
      this.url = String(url);
      super.open(method, url, async, user, pass);
    }
    override send(body?: Document | XMLHttpRequestBodyInit | null): void {
      w.mpSent.push({ url: this.url, body: typeof body === 'string' ? body : null });
      w.mpPending += 1;
      this.addEventListener('loadend', () => (w.mpPending -= 1));
      super.send(body);
    }
  }
  w.XMLHttpRequest = CapturingRequest;
}

async function loadSdk(page: Page, token: string, config: object): Promise<void> {
  await page.waitForFunction(() => (window as unknown as CaptureWindow).mixpanel !== undefined);
  await page.evaluate(
    ({ token, config }) => {
      const w = window as unknown as CaptureWindow;
      w.lab = w.mixpanel?.init(token, config, 'lab');
    },
    { token, config },
  );
}

async function reload(page: Page, token: string, config: object): Promise<void> {
  await page.reload();
  await loadSdk(page, token, config);
}

async function callSdk(page: Page, call: SdkCall, args: readonly unknown[]): Promise<void> {
  await page.evaluate(
    ({ call, args, marker }) => {
      const lab = (window as unknown as CaptureWindow).lab;
      if (!lab) throw new Error('mixpanel-browser did not initialise');
      const [owner, method] = call.startsWith('people.') ? [lab.people, call.slice(7)] : [lab, call];
      const current = (lab['get_distinct_id'] as () => unknown).call(lab);
      const resolved = args.map((arg) => (JSON.stringify(arg) === marker ? current : arg));
      (owner[method] as (...a: unknown[]) => unknown).apply(owner, resolved);
    },
    { call, args, marker: JSON.stringify(CURRENT_DISTINCT_ID) },
  );
}

/** Waits until every request of the call has completed (alias sends its `$identify` from a callback). */
async function drainRequests(page: Page): Promise<Sent[]> {
  await page.waitForFunction(() => (window as unknown as CaptureWindow).mpPending === 0);
  const raw = await page.evaluate(() => (window as unknown as CaptureWindow).mpSent.splice(0));
  return raw.map(({ url, body }) => ({
    endpoint: new URL(url).pathname.replace(PROXY_PATH, '').replaceAll('/', ''),
    // POST carries `data` in the body; the GET transport (`api_method: 'GET'`) in the query string.
    data: decodeData(new URLSearchParams(body ?? new URL(url).search).get('data') ?? 'null'),
  }));
}

/** `data` is JSON for *.mixpanel.com, base64 of JSON for any other host (a first-party proxy). */
function decodeData(data: string): unknown {
  const json =
    data.startsWith('{') || data.startsWith('[') ? data : Buffer.from(data, 'base64').toString('utf8');
  return JSON.parse(json) as unknown;
}

async function readPersisted(page: Page, token: string): Promise<unknown> {
  const stored = await page.evaluate((key) => localStorage.getItem(key), `mp_${token}_mixpanel`);
  return stored === null ? null : (JSON.parse(stored) as unknown);
}

async function readDeviceId(page: Page): Promise<string | undefined> {
  const id = await page.evaluate(() => {
    const lab = (window as unknown as CaptureWindow).lab;
    return lab ? (lab['get_property'] as (name: string) => unknown).call(lab, '$device_id') : undefined;
  });
  return typeof id === 'string' ? id : undefined;
}
