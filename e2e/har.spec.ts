// A browser network log (HAR) dropped on the page: the report, the table and graph, and a scenario link that holds
// nothing private (issue #16).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { FORM, formBody, harText, sdkEvent } from '../src/io/har/test/hars.ts';
import { expect, test } from './fixtures.ts';
import { ImportPage } from './pages/importPage.ts';

const HAR_DIR = join(import.meta.dirname, '..', 'src', 'cli', 'fixtures', 'real-sdk-har');
const NAME = 'multiple-users-one-device';
const TOKEN = 'idmerge-real-sdk';
const COOKIE = 'har-fixture-secret-cookie';

/** What the browser does for a file dragged in from the desktop: dragover (which the page accepts), then drop. */
async function drop(app: ImportPage, name: string, content: string): Promise<void> {
  await app.page.evaluate(
    ({ name, content }) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type: 'application/json' }));
      for (const type of ['dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
    },
    { name, content },
  );
  await expect(app.preview).toContainText(name);
  await expect(app.preview).toContainText('HAR network log');
  await app.loadButton.click();
  await expect(app.dialog).toBeHidden({ timeout: 60_000 });
  await app.expectResolved('simplified');
}

test('a dropped HAR: report, table, graph, and "Open as scenario" with a link free of token and cookie', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open('');
  const sent = readFileSync(join(HAR_DIR, `${NAME}.sent.ndjson`), 'utf8')
    .trim()
    .split('\n');
  const events = sent.filter((line) => line.startsWith('{"event"')).length;
  await drop(app, `${NAME}.har`, readFileSync(join(HAR_DIR, `${NAME}.har`), 'utf8'));

  await expect(app.rowCount).toHaveText(`${events} rows`);
  await app.clusters.first().click();
  await expect(page.getByTestId('dataset.graph').locator('.react-flow__node').first()).toBeVisible();

  await app.tab(/Import report/).click();
  await expect(page.getByTestId('report.events')).toHaveText(String(events));
  const report = page.getByTestId('har.report');
  await expect(report.getByTestId('har.other')).toContainText('pages: 1');
  await expect(report.getByTestId('har.other')).toContainText('scripts: 1');
  await expect(report.getByTestId('har.libraries')).toContainText('mixpanel-browser 2.83.0');
  // Every entry accounted for (issue #11): entries = data requests + other requests + unreadable.
  await expect(report.getByTestId('har.account')).toContainText(
    /Every entry accounted for: \d+ entries = \d+/,
  );
  await expect(report.getByTestId('har.account')).toContainText('+ 0 unreadable');

  await report.getByRole('button', { name: 'Open as scenario' }).click();
  const scenario = page.getByTestId('har.scenario');
  await expect(scenario).toContainText('1 device,');
  const href = await scenario.getByTestId('har.scenarioLink').getAttribute('href');
  const payload = new URL(href ?? '').searchParams.get('play') ?? '';
  const json = LZString.decompressFromEncodedURIComponent(payload);
  const played = JSON.parse(json) as { steps: { call?: string }[] };
  expect(played.steps.map((step) => step.call)).toEqual(
    expect.arrayContaining(['identify', 'reset', 'track']),
  );
  for (const secret of [TOKEN, COOKIE, 'Cookie', '$current_url'])
    expect(json, `the link holds ${secret}`).not.toContain(secret);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scenario.getByRole('button', { name: 'Download scenario JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${NAME}.scenario.json`);

  // And in place: the editor opens on the inferred calls, as the user's own scenario.
  await scenario.getByRole('button', { name: 'Open in the editor' }).click();
  const editor = page.getByRole('region', { name: 'Scenario editor' });
  await expect(editor).toBeVisible();
  const calls = () =>
    editor
      .getByLabel(/^Call of step \d+$/)
      .evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value));
  await expect.poll(calls).toEqual(played.steps.map((step) => step.call ?? '(raw event)'));
});

test('failed requests are listed and left out until the user includes them', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open('');
  const url = 'https://shop.example/mp/track/?ip=1';
  const view = sdkEvent('Page View', { distinct_id: '$device:d1', $device_id: 'd1', $insert_id: 'v1' });
  const signUp = sdkEvent('Sign Up', {
    distinct_id: 'U1',
    $device_id: 'd1',
    $user_id: 'U1',
    $insert_id: 's1',
  });
  const log = harText('firefox', [
    { url, started: '2026-12-07T00:00:01Z', postData: { mimeType: FORM, text: formBody(view, 'base64') } },
    {
      url,
      started: '2026-12-07T00:00:02Z',
      status: 503,
      postData: { mimeType: FORM, text: formBody(signUp, 'base64') },
    },
    { url, started: '2026-12-07T00:00:03Z', postData: { mimeType: FORM, text: 'data=%%%' } },
  ]);
  await drop(app, 'site.har', log);
  await expect(app.rowCount).toHaveText('1 rows');
  await app.tab(/Import report/).click();
  await expect(page.getByTestId('report.line')).toContainText('entry 3 (POST /mp/track/)');
  await expect(page.getByTestId('har.failed')).toContainText('entry 2: POST /mp/track/, HTTP 503, 1 records');
  // The box follows the worker's answer (it re-resolves with the failed requests), so it ticks once that arrives.
  const include = page.getByLabel(/Include failed requests/);
  await include.click();
  await expect(include).toBeChecked();
  await expect(app.rowCount).toHaveText('2 rows');
});
