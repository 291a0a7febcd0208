// Scenarios inferred from logs: the right calls, nothing private, and a replay that sends the same identity fields.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '../engine/index.ts';
import { readHar, resolvableRecords } from '../io/har/index.ts';
import { importText } from '../io/index.ts';
import { scenarioFromLog } from './fromLog.ts';
import { replayDifferences } from './fromLogReplay.ts';
import { findScenario } from './library/index.ts';
import { parseScenario } from './validate.ts';

const HAR_DIR = fileURLToPath(new URL('../cli/fixtures/real-sdk-har/', import.meta.url));
const HARS = readdirSync(HAR_DIR)
  .filter((name) => name.endsWith('.har'))
  .sort();

async function recordsOf(name: string): Promise<StreamRecord[]> {
  const reading = await readHar([readFileSync(`${HAR_DIR}${name}`, 'utf8')]);
  return resolvableRecords(reading).map((r) => r.record);
}

const ndjson = (lines: readonly object[]) =>
  importText(lines.map((line) => JSON.stringify(line)).join('\n'), 'ndjson').records.map((r) => r.record);

describe('scenarios inferred from real mixpanel-browser HARs', () => {
  it.each(HARS)(
    '%s: a valid scenario that replays to the same identity fields, with nothing private',
    async (name) => {
      const records = await recordsOf(name);
      const scenario = scenarioFromLog(records, { title: name });
      expect(parseScenario(scenario)).toMatchObject({ ok: true });
      expect(replayDifferences(records, scenario)).toEqual([]);
      const text = JSON.stringify(scenario);
      expect(text).not.toMatch(
        /idmerge-real-sdk|har-fixture-secret-cookie|localhost|\$current_url|"(?:free|pro)"/,
      );
    },
  );

  it('infers the calls the library scenario made, reset and people.set included', async () => {
    const calls = (id: string) => findScenario(id)?.steps.map((step) => ('call' in step ? step.call : 'raw'));
    const inferred = async (name: string) =>
      scenarioFromLog(await recordsOf(name)).steps.map((s) => ('call' in s ? s.call : 'raw'));
    expect(await inferred('new-user-signup.har')).toEqual(calls('new-user-signup'));
    expect(await inferred('multiple-users-one-device.har')).toEqual(calls('multiple-users-one-device'));
    expect(await inferred('shared-device-without-reset.har')).toEqual(calls('shared-device-without-reset'));
    expect(await inferred('profiles-wait-for-identify.har')).toContain('people.set');
  });
});

describe('scenarios inferred from hand-written streams', () => {
  const web = (event: string, props: Record<string, unknown>) => ({
    event,
    properties: { mp_lib: 'web', $lib_version: '2.83.0', $os: 'Mac OS X', $browser: 'Safari', ...props },
    channel: 'track',
  });
  const d1 = 'c0ffee00-0000-4000-8000-000000000001';

  it('turns alias into one step (its own $identify is not a second one) and server events into server calls', () => {
    const records = ndjson([
      web('Page View', { distinct_id: `$device:${d1}`, $device_id: d1, plan: 'secret-plan' }),
      web('$create_alias', { distinct_id: `$device:${d1}`, $device_id: d1, alias: 'U1' }),
      web('$identify', {
        distinct_id: 'U1',
        $device_id: d1,
        $user_id: 'U1',
        $anon_distinct_id: `$device:${d1}`,
      }),
      { event: 'Purchase', properties: { distinct_id: 'U1', amount: 12 }, channel: 'import' },
      { event: '$merge', properties: { $distinct_ids: ['U1', 'legacy-7'] }, channel: 'import' },
    ]);
    const scenario = scenarioFromLog(records);
    expect(scenario.steps).toEqual([
      { device: 'A', call: 'track', args: ['Page View'] },
      { device: 'A', call: 'alias', args: ['U1', `$device:${d1}`] },
      { device: 'S', call: 'import', args: ['Purchase', { distinct_id: 'U1' }] },
      { device: 'S', call: 'merge', args: ['U1', 'legacy-7'] },
    ]);
    expect(JSON.stringify(scenario)).not.toContain('secret-plan');
  });

  it('keeps the properties the user ticked', () => {
    const records = ndjson([web('Page View', { distinct_id: `$device:${d1}`, $device_id: d1, plan: 'pro' })]);
    expect(scenarioFromLog(records, { keepProperties: ['plan'] }).steps[0]).toEqual({
      device: 'A',
      call: 'track',
      args: ['Page View', { plan: 'pro' }],
    });
  });
});
