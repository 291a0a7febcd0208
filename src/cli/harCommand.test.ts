// `idmerge resolve|lint FILE.har`: detected by content, forced with --in har, broken requests named on stderr.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM, formBody, harText, sdkEvent } from '../io/har/test/hars.ts';
import { cli, parseLines, tempFile } from './test/runCli.ts';

const TRACK = 'https://api-js.mixpanel.com/track/?ip=1';
const view = sdkEvent('Page View', { distinct_id: '$device:d1', $device_id: 'd1' });
const signUp = sdkEvent('Sign Up', { distinct_id: 'U1', $device_id: 'd1', $user_id: 'U1' });
const log = harText('chrome', [
  { url: TRACK, started: '2026-12-07T00:00:01Z', postData: { mimeType: FORM, text: formBody(view) } },
  { url: TRACK, started: '2026-12-07T00:00:02Z', postData: { mimeType: FORM, text: 'data=not%20base64!' } },
  {
    url: TRACK,
    started: '2026-12-07T00:00:03Z',
    status: 0,
    postData: { mimeType: FORM, text: formBody(signUp) },
  },
  { url: TRACK, started: '2026-12-07T00:00:04Z', postData: { mimeType: FORM, text: formBody(signUp) } },
]);

describe('idmerge with a HAR', () => {
  it('detects it by content, resolves its events and names the undecodable request', async () => {
    const run = await cli(['resolve', tempFile('session.txt', log)]);
    expect(run.code).toBe(1);
    expect(parseLines(run.stdout).map((e) => [e.event, e.properties['distinct_id']])).toEqual([
      ['Page View', 'U1'],
      ['Sign Up', 'U1'],
    ]);
    expect(run.stderr).toMatch(/line \d+: entry 2 \(POST \/track\/\): "data" is neither JSON nor base64/);
    // Every entry accounted for, in the words the app's Network log uses (io/har entryAccountText).
    expect(run.stderr).toContain(
      'idmerge: Every entry accounted for: 4 entries = 3 with Mixpanel or Segment data + 0 other requests + ' +
        '1 unreadable. The data gave 3 records (2 resolved, 1 left out from failed requests) and 0 elements ' +
        'that could not be used.\n',
    );
    expect(run.stdout).not.toContain('SECRET');
  });

  it('is forced with --in har, and lint reads it too', async () => {
    const path = tempFile('session.har', log);
    expect((await cli(['resolve', '--in', 'har', path])).stdout).toBe((await cli(['resolve', path])).stdout);
    const lint = await cli(['lint', '--json', '--in', 'har', path]);
    expect((JSON.parse(lint.stdout) as { lines: unknown }).lines).toEqual({ read: 2, rejected: 1 });
  });
});

describe('idmerge import --as-scenario', () => {
  it('prints a scenario that idmerge simulate plays, without the token, cookie or user properties', async () => {
    const har = readFileSync(
      new URL('./fixtures/real-sdk-har/multiple-users-one-device.proxy.har', import.meta.url),
      'utf8',
    );
    const run = await cli(['import', '--as-scenario', tempFile('site.har', har)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/idmerge-real-sdk|har-fixture-secret-cookie|Cookie/i);
    const scenario = JSON.parse(run.stdout) as { title: string; steps: { call?: string }[] };
    expect(scenario.title).toBe('From site.har');
    expect(scenario.steps.map((step) => step.call)).toContain('reset');
    const played = await cli(['simulate', tempFile('scenario.json', run.stdout)]);
    expect(played.code).toBe(0);
    expect(parseLines(played.stdout).map((e) => e.event)).toEqual(
      parseLines(
        readFileSync(
          new URL('./fixtures/real-sdk-har/multiple-users-one-device.proxy.sent.ndjson', import.meta.url),
          'utf8',
        ),
      ).map((e) => e.event),
    );
  });

  it('refuses to run without --as-scenario', async () => {
    expect((await cli(['import', tempFile('a.har', log)])).code).toBe(2);
  });
});
