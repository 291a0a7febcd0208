// A hostile file imported in a real Chromium (issue #11): markup and script in event names, ids and property
// values, __proto__/constructor keys, huge numbers, deep nesting. Nothing runs, nothing is polluted (in the page
// or its workers), every string shows as text, and the exported SVG graph is text-only. The fixture fails the test
// on any console error or page error.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fixture, ImportPage } from './pages/importPage.ts';

/** The hostile strings of e2e/fixtures/hostile.ndjson. */
const EVENT_MARKUP = '<img src=x onerror="window.__xss=1">';
const USER_MARKUP = '<svg onload=alert(1)>';
const DEVICE_MARKUP = '<script>x</script>';

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** No script ran, no prototype gained a property, no element came from the file — in the page and its workers. */
async function expectNothingLetIn(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  expect(
    await page.evaluate(() => ({
      xss: (window as { __xss?: unknown }).__xss,
      polluted: ({} as Record<string, unknown>)['polluted'],
      prototypeKeys: Object.keys(Object.prototype),
      injected: document.querySelectorAll(
        'img[src="x"], svg[onload], script:not([src]), [onerror], [onmouseover]',
      ).length,
    })),
  ).toEqual({ xss: undefined, polluted: undefined, prototypeKeys: [], injected: 0 });
  expect(page.workers().length).toBeGreaterThan(0);
  for (const worker of page.workers())
    expect(
      await worker.evaluate(() => [
        ({} as Record<string, unknown>)['polluted'],
        Object.keys(Object.prototype),
      ]),
    ).toEqual([undefined, []]);
}

async function textOf(download: Download): Promise<string> {
  return readFileSync((await download.path()) ?? '', 'utf8');
}

test('a hostile file loads as text: no dialog, no script, no pollution, the deep line named', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('hostile.ndjson'));
  // 9 lines: 8 load (ids __proto__, constructor and toString are ordinary ids), line 9 nests 1 500 deep.
  await expect(app.rowCount).toHaveText('8 rows');
  await expect(page.getByRole('cell', { name: EVENT_MARKUP, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'constructor', exact: true }).first()).toBeVisible();
  await expect(app.clusters.filter({ hasText: '__proto__' })).toHaveCount(1);
  await page.getByTestId('dataset.rejected').click();
  await expect(page.getByTestId('report.line')).toHaveCount(1);
  await expect(page.getByTestId('report.line')).toHaveAttribute('data-line', '9');
  await expect(page.getByTestId('report.line')).toContainText('nested more than 1000 levels deep');
  await expectNothingLetIn(page, dialogs);
});

test('graph labels and the exported SVG are text only, the hostile ids escaped', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('hostile.ndjson'));
  await app.clusters.filter({ hasText: USER_MARKUP }).click();
  await expect(page.getByTestId('identity.canonical')).toHaveText(USER_MARKUP);
  const graph = page.getByTestId('dataset.graph');
  await expect(graph.locator('.react-flow__node', { hasText: DEVICE_MARKUP })).toHaveCount(1);
  // The labels are text nodes: the markup is in textContent, never in the element tree.
  expect(
    await graph.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.textContent)),
  ).toEqual(
    expect.arrayContaining([expect.stringContaining(USER_MARKUP), expect.stringContaining(DEVICE_MARKUP)]),
  );
  await expect(graph.locator('script, svg[onload], foreignObject')).toHaveCount(0);

  const svg = await textOf(await app.download('graph-svg'));
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<foreignObject/i);
  expect(svg).not.toContain(USER_MARKUP);
  expect(svg).not.toContain(DEVICE_MARKUP);
  expect(svg).toContain('&#60;svg onload=alert(1)&#62;');
  expect(svg).toContain('&#60;script&#62;x&#60;/script&#62;');
  // Well-formed, and the browser reads the hostile ids back as plain text.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      elements: [...new Set([...doc.querySelectorAll('*')].map((element) => element.localName))].sort(),
      texts: [...doc.querySelectorAll('text, title')].map((element) => element.textContent),
      attributes: [
        ...new Set([...doc.querySelectorAll('*')].flatMap((element) => element.getAttributeNames())),
      ],
      ids: [...doc.querySelectorAll('g')].map((element) => element.getAttribute('data-id')),
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.elements).toEqual(['g', 'line', 'rect', 'svg', 'text', 'title']);
  expect(parsed.attributes.filter((name) => /^on/i.test(name))).toEqual([]);
  expect(parsed.texts).toContain(USER_MARKUP);
  expect(parsed.texts).toContain(`Identity neighbourhood of ${USER_MARKUP}`);
  expect(parsed.ids).toContain(`$device:${DEVICE_MARKUP}`);
  await expectNothingLetIn(page, dialogs);
});

test('exports keep hostile strings as data', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const app = new ImportPage(page);
  await app.open();
  await app.load(fixture('hostile.ndjson'));
  const ndjson = await textOf(await app.download('resolved-ndjson'));
  const events = ndjson
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; properties: Record<string, unknown> });
  expect(events.map((event) => event.event)).toContain(EVENT_MARKUP);
  expect(events.some((event) => Object.hasOwn(event.properties, '__proto__'))).toBe(true);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  // The NDJSON export is for programs: values exactly as read. The CSV download is for spreadsheets: formula-like
  // text gets a leading apostrophe (DECISIONS.md, "CSV formula cells").
  const first = events.find((event) => event.properties['at'] !== undefined);
  expect(first?.properties).toMatchObject({ formula: '=HYPERLINK("http://x","go")', at: '@SUM(A1)' });
  const csv = await textOf(await app.download('resolved-csv'));
  expect(csv).toContain(USER_MARKUP);
  expect(csv).toContain(`"'=HYPERLINK(""http://x"",""go"")"`);
  expect(csv).toMatch(/,'@SUM\(A1\)(,|\r\n)/);
  expect(csv).not.toMatch(/(^|,)[=@]/m);
  await expectNothingLetIn(page, dialogs);
});

test('the import report accounts for every line exactly as idmerge resolve --report json does', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open();
  for (const name of ['hostile.ndjson', 'malformed.ndjson', 'stream.csv']) {
    const cli = spawnSync(
      process.execPath,
      ['bin/idmerge.mjs', 'resolve', '--report', 'json', fixture(name)],
      {
        encoding: 'utf8',
      },
    );
    const json = cli.stderr.split('\n').find((text) => text.startsWith('{')) ?? '{}';
    const account = JSON.parse(json) as Record<string, number> & {
      unreadableByReason: Array<{ label: string; count: number; lines: number[] }>;
    };
    await app.load(fixture(name));
    await page.getByTestId('dataset.rejected').click();
    for (const key of ['linesRead', 'loaded', 'rejected', 'unreadable', 'blankLines', 'otherLines'])
      await expect(page.getByTestId(`report.account.${key}`), `${name}: ${key}`).toHaveText(
        String(account[key]),
      );
    for (const group of account.unreadableByReason)
      await expect(page.getByTestId('report.unreadableByReason')).toContainText(
        `${group.label}: ${group.count} (${group.lines.length === 1 ? 'line' : 'lines'} ${group.lines.join(', ')})`,
      );
  }
});
