// A 100,000-event file (generated here, ~25 MB): the progress bar moves, the page keeps painting and answering
// while the worker reads, Cancel stops the load, and the virtualized table reaches the last row.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStream } from '../bench/generate.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ImportPage } from './pages/importPage.ts';

const EVENTS = 100_000;
let dir = '';
let bigFile = '';
/** The 100k file eight times over (~200 MB): a load that is still reading when Cancel is clicked, even on a fast machine. */
let longFile = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idmerge-large-'));
  bigFile = join(dir, 'events-100k.ndjson');
  await writeStream(bigFile, { events: EVENTS, users: EVENTS / 10, devices: EVENTS / 5, seed: 7 });
  longFile = join(dir, 'events-800k.ndjson');
  const bytes = readFileSync(bigFile);
  for (let copy = 0; copy < 8; copy++) appendFileSync(longFile, bytes);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A 100k-event load takes seconds, and several of them on a busy machine: every test here gets two minutes.
test.describe.configure({ timeout: 120_000 });

/** The import view opened, with the 100k file chosen and its preview shown. */
async function withBigFileChosen(page: Page): Promise<ImportPage> {
  const app = new ImportPage(page);
  await app.open();
  await app.choose(bigFile);
  return app;
}

/**
 * Watches the page from inside: every value the progress bar shows and the frames painted while it is on screen.
 * A string, so no bundler helper leaks into the page.
 */
const WATCH = `
  window.__watch = { values: [], framesWhileLoading: 0 };
  (() => {
    const bar = () => document.querySelector('[role="progressbar"][aria-label="Import progress"]');
    const frame = () => {
      if (bar() !== null) window.__watch.framesWhileLoading++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver(() => {
      const value = bar()?.getAttribute('aria-valuenow');
      if (value != null && window.__watch.values.at(-1) !== value) window.__watch.values.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  })();
`;

interface Watched {
  readonly values: string[];
  readonly framesWhileLoading: number;
}

test('a 100k-event file loads with a moving progress bar while the page stays responsive', async ({
  page,
}) => {
  const app = await withBigFileChosen(page);
  await page.evaluate(WATCH);
  await app.loadButton.click();
  await expect(app.progressBar).toBeVisible();
  // The page answers while the worker reads (how fast is the measuring script's to say, not a test's).
  await expect(page.evaluate(() => document.title)).resolves.toBe(await page.title());
  await expect(app.dialog).toBeHidden({ timeout: 60_000 });
  await app.expectResolved('simplified');
  const watched = await page.evaluate(() => (window as unknown as { __watch: Watched }).__watch);
  const percents = watched.values.map(Number);
  expect(
    percents.some((p) => p > 0 && p < 100),
    `progress values ${percents.join(', ')}`,
  ).toBe(true);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  // Frames kept being painted while the bar was up. How long the main thread was blocked is a speed figure:
  // `npm run measure:browser` reports it (issue #14), a timed assertion here would only flake on a busy machine.
  expect(watched.framesWhileLoading).toBeGreaterThan(5);
  await expect(page.getByTestId('report.events')).toHaveCount(0);
  await expect(page.getByTestId('dataset.rejected')).toHaveText('0 rejected');
  await expect(app.rowCount).toHaveText(`${EVENTS.toLocaleString('en-US')} rows`);
});

test('Cancel stops the load and keeps the previous state; loading again completes', async ({ page }) => {
  const app = new ImportPage(page);
  await app.open();
  // A Cancel that reaches the worker after the file has been read comes too late to stop it; the 100k file
  // is read in well under a second on a quiet machine, so the cancelled load is eight times longer.
  await app.choose(longFile);
  await app.loadButton.click();
  await expect(app.progressBar).toBeVisible();
  await app.cancelButton.click();
  await expect(app.preview).toBeVisible();
  await expect(app.workspace).toHaveCount(0);
  await expect(page.getByTestId('dataset.empty')).toBeAttached();
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await app.choose(bigFile);
  await app.loadButton.click();
  await expect(app.dialog).toBeHidden({ timeout: 60_000 });
  await app.expectResolved('simplified');
});

test('a Cancel clicked at once, while the import worker is still starting, stops the load too', async ({
  page,
}) => {
  const app = await withBigFileChosen(page);
  // Load and Cancel in one task: the worker (started by this first load) gets the Cancel while it is still loading
  // its code or detecting the format, before the reader has been asked for anything.
  await page.evaluate(async () => {
    const button = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    button('import.load')?.click();
    for (let tries = 0; tries < 100 && button('import.cancel') === null; tries++) await Promise.resolve();
    const cancel = button('import.cancel');
    if (cancel === null) throw new Error('Cancel was not shown right after Load');
    cancel.click();
  });
  await expect(app.preview).toBeVisible();
  await expect(app.workspace).toHaveCount(0);
  await expect(page.getByTestId('dataset.empty')).toBeAttached();
});

test('the virtualized table pages in rows to the last one, and the clusters list is sorted by size', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await app.open();
  await app.load(bigFile);
  expect(await page.locator('[data-testid^="dataset.row."]').count()).toBeLessThan(200);
  // A scroll window holds 50,000 rows; the second one ends with the last row.
  await page.getByRole('button', { name: 'Next 50,000' }).click();
  await page
    .getByTestId('dataset.tableScroll')
    .evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const last = app.row(EVENTS - 1);
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', String(EVENTS + 1));
  const counts = (await app.clusterList()).map((text) =>
    Number(/(\d[\d,]*) events?/.exec(text)?.[1]?.replace(/,/g, '')),
  );
  expect(counts.length).toBeGreaterThan(10);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await app.clusters.first().click();
  await expect(page.getByTestId('dataset.graph').locator('.react-flow__node').first()).toBeVisible();
  expect(await page.getByTestId('dataset.graph').locator('.react-flow__node').count()).toBeLessThanOrEqual(
    150,
  );
});
