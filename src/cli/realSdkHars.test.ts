// Network logs (HAR) recorded from the real mixpanel-browser resolve exactly as the same events imported as NDJSON.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODES } from '../engine/index.ts';
import { importText } from '../io/index.ts';
import { readHar } from '../io/har/index.ts';
import { cli } from './test/runCli.ts';

const DIR = fileURLToPath(new URL('./fixtures/real-sdk-har/', import.meta.url));
const NAMES = readdirSync(DIR)
  .filter((name) => name.endsWith('.har'))
  .map((name) => name.slice(0, -'.har'.length))
  .sort();
/** What the harness's page-side capture of the same run saw, as NDJSON; the token is what must not come out. */
const TOKEN = 'idmerge-real-sdk';
const COOKIE = 'har-fixture-secret-cookie';

const harPath = (name: string) => `${DIR}${name}.har`;
const sentPath = (name: string) => `${DIR}${name}.sent.ndjson`;

/** Output lines parsed, the token dropped (the HAR reader never keeps it; the NDJSON path passes it through). */
function withoutToken(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const value = JSON.parse(line) as Record<string, unknown>;
      const properties = value['properties'] as Record<string, unknown> | undefined;
      if (properties !== undefined) delete properties['token'];
      delete value['$token'];
      return value;
    });
}

describe('real mixpanel-browser HARs', () => {
  it('covers the proxy and GET transports', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(10);
    expect(NAMES.some((name) => name.endsWith('.proxy'))).toBe(true);
    expect(NAMES.some((name) => name.endsWith('.get'))).toBe(true);
  });

  describe.each(NAMES)('%s', (name) => {
    it('reads the same records as the page saw itself send, minus the token', async () => {
      const reading = await readHar([readFileSync(harPath(name), 'utf8')]);
      const sent = importText(readFileSync(sentPath(name), 'utf8'), 'ndjson');
      expect(reading.problems).toEqual([]);
      const expected = sent.records.map(({ record }) =>
        record.kind === 'event'
          ? { ...record, event: { ...record.event, properties: omit(record.event.properties, 'token') } }
          : { ...record, update: omit(record.update, '$token') },
      );
      expect(reading.records.map((r) => r.record)).toEqual(expected);
    });

    it.each(MODES)(
      'resolves in %s mode exactly as the NDJSON does, with no token or cookie in the output',
      async (mode) => {
        const fromHar = await cli(['resolve', '--mode', mode, harPath(name)]);
        const fromNdjson = await cli(['resolve', '--mode', mode, sentPath(name)]);
        expect(fromHar.code).toBe(0);
        expect(fromHar.stderr).toBe('');
        expect(withoutToken(fromHar.stdout)).toEqual(withoutToken(fromNdjson.stdout));
        expect(fromHar.stdout).not.toContain(TOKEN);
        expect(fromHar.stdout).not.toContain(COOKIE);
        const mappings = await cli(['resolve', '--mappings', '--mode', mode, '--in', 'har', harPath(name)]);
        expect(mappings.stdout).toBe(
          (await cli(['resolve', '--mappings', '--mode', mode, sentPath(name)])).stdout,
        );
        // Findings name the same events by index; a HAR's line is where the request's entry starts.
        const lint = await cli(['lint', '--json', '--mode', mode, harPath(name)]);
        const ndjsonLint = await cli(['lint', '--json', '--mode', mode, sentPath(name)]);
        expect(withoutLines(lint.stdout)).toEqual(withoutLines(ndjsonLint.stdout));
      },
    );
  });
});

function withoutLines(stdout: string): unknown {
  return JSON.parse(stdout, (key, value: unknown) => (key === 'line' ? undefined : value)) as unknown;
}

function omit<T extends object>(value: T, key: string): T {
  const copy = { ...value } as Record<string, unknown>;
  delete copy[key];
  return copy as T;
}
