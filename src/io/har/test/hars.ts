// Hand-written HAR logs in the shapes Chrome, Firefox and Safari save, for the HAR reader's tests.

export interface RequestSpec {
  readonly url: string;
  readonly method?: string;
  readonly started: string;
  readonly status?: number;
  readonly postData?: Record<string, unknown>;
  readonly headers?: readonly { name: string; value: string }[];
  readonly resourceType?: string;
  readonly responseMime?: string;
  readonly pageref?: string;
}

export type Browser = 'chrome' | 'firefox' | 'safari';

/** A whole HAR document; Chrome pretty-prints with 2 spaces, Firefox and Safari differ in what they add. */
export function harText(
  browser: Browser,
  requests: readonly RequestSpec[],
  pages: readonly { id: string; title: string }[] = [],
): string {
  const log = {
    version: '1.2',
    creator: CREATORS[browser],
    pages: pages.map((page) => ({ startedDateTime: '2026-12-07T00:00:00.000Z', ...page, pageTimings: {} })),
    entries: requests.map((spec) => entryOf(browser, spec)),
  };
  return JSON.stringify({ log }, null, browser === 'safari' ? 0 : 2);
}

const CREATORS: Record<Browser, { name: string; version: string }> = {
  chrome: { name: 'WebInspector', version: '537.36' },
  firefox: { name: 'Firefox', version: '133.0' },
  safari: { name: 'WebKit Web Inspector', version: '18.2' },
};

function entryOf(browser: Browser, spec: RequestSpec): Record<string, unknown> {
  const url = new URL(spec.url);
  const request = {
    method: spec.method ?? (spec.postData === undefined ? 'GET' : 'POST'),
    url: spec.url,
    httpVersion: 'HTTP/2.0',
    headers: [
      { name: 'cookie', value: 'mp_secret_cookie=SECRET-COOKIE' },
      { name: 'authorization', value: 'Bearer SECRET-BEARER' },
      ...(spec.headers ?? []),
    ],
    queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
    cookies: [{ name: 'session', value: 'SECRET-COOKIE' }],
    headersSize: -1,
    bodySize: 0,
    ...(spec.postData === undefined ? {} : { postData: spec.postData }),
  };
  const response = {
    status: spec.status ?? 200,
    statusText: '',
    httpVersion: 'HTTP/2.0',
    headers: [{ name: 'set-cookie', value: 'session=SECRET-COOKIE' }],
    cookies: [],
    content: { size: 1, mimeType: spec.responseMime ?? 'application/json', text: '1' },
    redirectURL: '',
    headersSize: -1,
    bodySize: 1,
  };
  const common = {
    startedDateTime: spec.started,
    time: 12.5,
    request,
    response,
    cache: {},
    timings: { send: 1, wait: 10, receive: 1.5 },
    ...(spec.pageref === undefined ? {} : { pageref: spec.pageref }),
  };
  if (browser === 'chrome')
    return {
      _initiator: { type: 'script' },
      _priority: 'High',
      _resourceType: spec.resourceType ?? 'xhr',
      ...common,
    };
  return common;
}

/** `data=` form body as mixpanel-browser sends it: URL-encoded JSON (api-js.mixpanel.com) or base64 (proxies). */
export function formBody(payload: unknown, encoding: 'json' | 'base64' = 'json'): string {
  const json = JSON.stringify(payload);
  const data = encoding === 'json' ? json : base64Of(json);
  return `data=${encodeURIComponent(data)}`;
}

export const FORM = 'application/x-www-form-urlencoded';

/** An event as mixpanel-browser sends it, token included (the reader must drop it). */
export function sdkEvent(event: string, properties: Record<string, unknown>): Record<string, unknown> {
  return {
    event,
    properties: { token: 'SECRET-TOKEN', mp_lib: 'web', $lib_version: '2.83.0', ...properties },
  };
}

/** Base64 of the UTF-8 of `text`, as the SDK's own encoder writes it. */
export function base64Of(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** Reads a text in chunks of `size` characters, as a file stream would deliver it. */
export function* chunksOf(text: string, size = 64): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
