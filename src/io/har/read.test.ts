// The HAR reader on hand-written logs: every transport and encoding, each browser's shape, failures and retries.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect.ts';
import { importText } from '../importer.ts';
import { readHar, resolvableRecords, harImportReport, type HarReading } from './index.ts';
import {
  base64Of,
  chunksOf,
  FORM,
  formBody,
  harText,
  sdkEvent,
  type Browser,
  type RequestSpec,
} from './test/hars.ts';

const TRACK = 'https://api-js.mixpanel.com/track/?verbose=1&ip=1&_=1733500000000';
const ENGAGE = 'https://api-js.mixpanel.com/engage/?verbose=1&ip=1';
const at = (second: number) => `2026-12-07T00:00:${String(second).padStart(2, '0')}.000Z`;

const pageView = sdkEvent('Page View', { distinct_id: '$device:d1', $device_id: 'd1', $insert_id: 'i1' });
const identify = sdkEvent('$identify', {
  distinct_id: 'U1',
  $device_id: 'd1',
  $user_id: 'U1',
  $anon_distinct_id: '$device:d1',
  $insert_id: 'i2',
});
const profile = {
  $token: 'SECRET-TOKEN',
  $distinct_id: 'U1',
  $device_id: 'd1',
  $user_id: 'U1',
  $set: { plan: 'pro' },
};

function read(text: string, size = 64): Promise<HarReading> {
  return readHar(chunksOf(text, size));
}

/** What importing the same objects as NDJSON gives (token dropped, as the HAR reader drops it). */
function asNdjson(objects: readonly Record<string, unknown>[], channel: 'track' | 'import' = 'track') {
  const lines = objects.map((object) => {
    if (!('event' in object)) {
      const { $token: _t, ...update } = object;
      return JSON.stringify(update);
    }
    const { token: _t, ...properties } = object['properties'] as Record<string, unknown>;
    return JSON.stringify({ event: object['event'], properties, channel });
  });
  return importText(lines.join('\n'), 'ndjson').records.map((r) => r.record);
}

const recordsOf = (reading: HarReading) => reading.records.map((r) => r.record);

describe.each<Browser>(['chrome', 'firefox', 'safari'])('a %s HAR', (browser) => {
  const post = (url: string, payload: unknown, second: number): RequestSpec => ({
    url,
    started: at(second),
    postData:
      browser === 'firefox'
        ? {
            mimeType: FORM,
            params: [{ name: 'data', value: encodeURIComponent(JSON.stringify(payload)) }],
            text: formBody(payload),
          }
        : { mimeType: browser === 'safari' ? `${FORM}; charset=UTF-8` : FORM, text: formBody(payload) },
  });
  const text = harText(
    browser,
    [
      {
        url: 'https://shop.example/',
        started: at(0),
        resourceType: 'document',
        responseMime: 'text/html',
        pageref: 'page_1',
      },
      {
        url: 'https://shop.example/app.js',
        started: at(1),
        resourceType: 'script',
        responseMime: 'text/javascript',
      },
      { ...post(TRACK, pageView, 2), pageref: 'page_1' },
      {
        url: 'https://shop.example/logo.png',
        started: at(3),
        resourceType: 'image',
        responseMime: 'image/png',
      },
      post(TRACK, identify, 4),
      post(ENGAGE, profile, 5),
      { url: 'https://api-js.mixpanel.com/flags/?context=x', started: at(6) },
    ],
    [{ id: 'page_1', title: 'https://shop.example/' }],
  );

  it('reads the Mixpanel requests as the NDJSON import of the same objects would, without the token', async () => {
    const reading = await read(text);
    expect(recordsOf(reading)).toEqual(asNdjson([pageView, identify, profile]));
    expect(reading.problems).toEqual([]);
    expect(JSON.stringify(reading)).not.toMatch(/SECRET/);
  });

  it('counts everything else by kind and names the page of each event', async () => {
    const { summary, records } = await read(text);
    expect(summary.entries).toBe(7);
    expect(summary.dataRequests).toBe(3);
    const kinds = Object.fromEntries(summary.otherRequests.map((o) => [o.kind, o.count]));
    expect(kinds['Mixpanel SDK calls (flags, replay …)']).toBe(1);
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(4);
    if (browser === 'chrome') expect(kinds).toMatchObject({ pages: 1, scripts: 1, images: 1 });
    expect(records[0]?.facts.page).toBe('https://shop.example/');
    expect(summary.libraries).toEqual([{ name: 'mixpanel-browser 2.83.0', events: 2 }]);
    expect(summary.account).toEqual({
      entries: 7,
      dataRequests: 3,
      otherRequests: 4,
      unreadableEntries: 0,
      records: 3,
      elementProblems: 0,
    });
  });

  it('gives the same result whatever the chunking', async () => {
    const whole = await read(text, text.length);
    for (const size of [1, 7, 1000]) expect(await read(text, size)).toEqual(whole);
  });

  it('is detected as a HAR from its first few KB', () => {
    expect(detectFormat(text.slice(0, 8192), 'log.har').format).toBe('har');
  });
});

describe('transports and encodings', () => {
  it('reads a first-party proxy path with base64 data, and notes the proxy host', async () => {
    const text = harText('chrome', [
      {
        url: 'https://shop.example/mp/track/?ip=1',
        started: at(1),
        postData: { mimeType: FORM, text: formBody(pageView, 'base64') },
      },
    ]);
    const reading = await read(text);
    expect(recordsOf(reading)).toEqual(asNdjson([pageView]));
    expect(reading.notes.map((n) => n.message).join()).toContain('shop.example');
  });

  it('reads the GET transport: data in the query string', async () => {
    const data = base64Of(JSON.stringify(identify));
    const text = harText('firefox', [{ url: `${TRACK}&data=${encodeURIComponent(data)}`, started: at(1) }]);
    expect(recordsOf(await read(text))).toEqual(asNdjson([identify]));
  });

  it('reads a batch in array order, and /import as channel import from a raw JSON body', async () => {
    const batch = [
      pageView,
      identify,
      sdkEvent('Sign Up', { distinct_id: 'U1', $user_id: 'U1', $device_id: 'd1' }),
    ];
    const text = harText('chrome', [
      { url: TRACK, started: at(1), postData: { mimeType: FORM, text: formBody(batch) } },
      {
        url: 'https://api.mixpanel.com/import?strict=1',
        started: at(2),
        postData: { mimeType: 'application/json', text: JSON.stringify(batch) },
      },
    ]);
    const reading = await read(text);
    expect(recordsOf(reading)).toEqual([...asNdjson(batch), ...asNdjson(batch, 'import')]);
  });

  it('orders requests by startedDateTime, not by their place in the log', async () => {
    const text = harText('safari', [
      { url: TRACK, started: at(9), postData: { mimeType: FORM, text: formBody(identify) } },
      { url: TRACK, started: at(2), postData: { mimeType: FORM, text: formBody(pageView) } },
    ]);
    const reading = await read(text);
    expect(recordsOf(reading)).toEqual(asNdjson([pageView, identify]));
    expect(reading.records.map((r) => r.facts.entry)).toEqual([2, 1]);
  });

  it('inflates gzip bodies saved as base64 or as bytes, where the request says so', async () => {
    const gzipped = gzipSync(JSON.stringify([pageView, identify]));
    const text = harText('chrome', [
      {
        url: 'https://api.mixpanel.com/import',
        started: at(1),
        headers: [{ name: 'Content-Encoding', value: 'gzip' }],
        postData: { mimeType: 'application/json', text: gzipped.toString('base64'), encoding: 'base64' },
      },
      {
        url: 'https://api.mixpanel.com/import',
        started: at(2),
        headers: [{ name: 'content-encoding', value: 'gzip' }],
        postData: { mimeType: 'application/json', text: gzipped.toString('latin1') },
      },
    ]);
    const reading = await read(text);
    expect(reading.problems).toEqual([]);
    expect(recordsOf(reading)).toEqual([
      ...asNdjson([pageView, identify], 'import'),
      ...asNdjson([pageView, identify], 'import'),
    ]);
  });

  it('names an undecodable body by entry, path and reason, and loads the rest', async () => {
    const text = harText('chrome', [
      { url: TRACK, started: at(1), postData: { mimeType: FORM, text: formBody(pageView) } },
      {
        url: 'https://shop.example/mp/track/',
        started: at(2),
        postData: { mimeType: FORM, text: 'data=%7Bnot json' },
      },
      {
        url: 'https://api.mixpanel.com/import',
        started: at(3),
        headers: [{ name: 'Content-Encoding', value: 'gzip' }],
        postData: { mimeType: 'application/json', text: '\u001f\ufffd\b\u0000lost bytes' },
      },
    ]);
    const reading = await read(text);
    expect(recordsOf(reading)).toEqual(asNdjson([pageView]));
    expect(reading.problems.map((p) => [p.code, p.reason.split(':')[0]])).toEqual([
      ['har-undecodable', 'entry 2 (POST /mp/track/)'],
      ['har-undecodable', 'entry 3 (POST /import)'],
    ]);
    expect(reading.problems[0]?.reason).toMatch(/bad JSON/);
    expect(reading.problems[1]?.reason).toMatch(/lost them/);
    expect(harImportReport(reading, 1).rejected).toBe(2);
    // Every entry accounted for: 3 = 1 data request + 0 other + 2 unreadable.
    expect(reading.summary.account).toEqual({
      entries: 3,
      dataRequests: 1,
      otherRequests: 0,
      unreadableEntries: 2,
      records: 1,
      elementProblems: 0,
    });
  });

  it('rejects a bad element of a batch by its place, keeping the others', async () => {
    const text = harText('chrome', [
      { url: TRACK, started: at(1), postData: { mimeType: FORM, text: formBody([pageView, { event: '' }]) } },
    ]);
    const reading = await read(text);
    expect(recordsOf(reading)).toEqual(asNdjson([pageView]));
    expect(reading.problems[0]?.reason).toBe('entry 1 (POST /track/): element 2: missing event name');
    expect(reading.summary.account).toMatchObject({
      entries: 1,
      dataRequests: 1,
      records: 1,
      elementProblems: 1,
    });
  });

  it('counts a /track path whose payload is not Mixpanel as another request', async () => {
    const text = harText('chrome', [
      {
        url: 'https://other.example/api/track',
        started: at(1),
        postData: { mimeType: 'application/json', text: '{"clicks":3}' },
      },
    ]);
    const reading = await read(text);
    expect(reading.records).toEqual([]);
    expect(reading.problems).toEqual([]);
    expect(reading.summary.otherRequests[0]?.count).toBe(1);
  });
});

describe('what the log tells beyond the payloads', () => {
  const failedText = harText('chrome', [
    { url: TRACK, started: at(1), postData: { mimeType: FORM, text: formBody(pageView) } },
    { url: TRACK, started: at(2), status: 0, postData: { mimeType: FORM, text: formBody(identify) } },
    { url: ENGAGE, started: at(3), status: 503, postData: { mimeType: FORM, text: formBody(profile) } },
    { url: TRACK, started: at(4), postData: { mimeType: FORM, text: formBody(identify) } },
  ]);

  it('marks failed requests (no response, status ≥ 400) and leaves them out unless included', async () => {
    const reading = await read(failedText);
    expect(reading.summary.failedRequests).toEqual([
      { entry: 2, method: 'POST', path: '/track/', status: 0, records: 1 },
      { entry: 3, method: 'POST', path: '/engage/', status: 503, records: 1 },
    ]);
    expect(resolvableRecords(reading).map((r) => r.record)).toEqual(asNdjson([pageView, identify]));
    expect(resolvableRecords(reading, true)).toHaveLength(4);
    expect(harImportReport(reading, 1).events).toBe(2);
    expect(reading.notes.find((n) => n.code === 'har-failed-requests')?.message).toMatch(/^2 record/);
  });

  it('finds retries: the same $insert_id sent again', async () => {
    const reading = await read(failedText);
    expect(reading.summary.retries).toEqual([{ insertId: 'i2', event: '$identify', entries: [2, 4] }]);
    expect(reading.records[3]?.facts.retryOf).toBe(2);
  });
});

describe('Segment requests', () => {
  const track = {
    type: 'track',
    event: 'Viewed',
    anonymousId: 'a1',
    messageId: 'm1',
    timestamp: at(1),
    writeKey: 'SECRET-KEY',
    context: { library: { name: 'analytics.js', version: 'npm:next-1.70.0' } },
  };
  const identifyCall = {
    anonymousId: 'a1',
    userId: 'U1',
    traits: { plan: 'pro' },
    messageId: 'm2',
    timestamp: at(2),
  };
  const text = harText('chrome', [
    {
      url: 'https://api.segment.io/v1/t',
      started: at(1),
      postData: { mimeType: 'text/plain', text: JSON.stringify(track) },
    },
    {
      url: 'https://api.segment.io/v1/i',
      started: at(2),
      postData: { mimeType: 'text/plain', text: JSON.stringify(identifyCall) },
    },
    { url: 'https://cdn.segment.com/v1/projects/x/settings', started: at(0), resourceType: 'fetch' },
    {
      url: 'https://api.segment.io/v1/batch',
      started: at(3),
      postData: { mimeType: 'application/json', text: JSON.stringify({ batch: [track] }) },
    },
  ]);

  it('maps them through the Segment mapping, the type taken from the path when the body has none', async () => {
    const reading = await read(text);
    const lines = [track, { ...identifyCall, type: 'identify' }, track]
      .map((m) => JSON.stringify(m))
      .join('\n');
    expect(recordsOf(reading)).toEqual(importText(lines, 'segment-ndjson').records.map((r) => r.record));
    expect(reading.summary.libraries).toEqual([{ name: 'analytics.js npm:next-1.70.0', events: 2 }]);
    expect(JSON.stringify(reading)).not.toMatch(/SECRET/);
  });
});

describe('broken logs', () => {
  it('keeps the entries read before the file was cut off, and says where it ends', async () => {
    const whole = harText('chrome', [
      { url: TRACK, started: at(1), postData: { mimeType: FORM, text: formBody(pageView) } },
      { url: TRACK, started: at(2), postData: { mimeType: FORM, text: formBody(identify) } },
    ]);
    const cut = whole.slice(0, whole.lastIndexOf('"startedDateTime"'));
    const reading = await read(cut);
    expect(recordsOf(reading)).toEqual(asNdjson([pageView]));
    expect(reading.problems.map((p) => p.code)).toEqual(['har-structure']);
  });
});
