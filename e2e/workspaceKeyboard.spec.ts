// The keyboard in the import workspace (issue #17): focus moves to what the dialog produced, a skip link reaches
// the table, ↑ ↓ move through the clusters (one Tab stop), Enter in the search opens the only match, and axe
// finds nothing at all (the "region" finding included).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';
import { fixture, ImportPage } from './pages/importPage.ts';

test.use({ reducedMotion: 'reduce' });

async function pasteAndLoad(app: ImportPage): Promise<void> {
  await app.open();
  await app.importButton.click();
  await app.page.getByTestId('import.pasteText').fill(readFileSync(fixture('stream.ndjson'), 'utf8'));
  await app.page.getByRole('button', { name: 'Preview pasted text' }).click();
  // Focus moves to the preview the button produced, not to <body>.
  await expect(app.preview).toBeFocused();
  await app.loadButton.click();
  await app.expectResolved('simplified');
  // … and after Load, to the summary of what was loaded.
  await expect(app.page.getByRole('region', { name: 'Loaded file' })).toBeFocused();
}

test('focus follows the dialog: the preview after "Preview pasted text", the summary after "Load"', async ({
  page,
}) => {
  await pasteAndLoad(new ImportPage(page));
});

test('the skip link is the first Tab stop and lands in the table, here and on the scenarios', async ({
  page,
}) => {
  const app = new ImportPage(page);
  await pasteAndLoad(app);
  const skip = page.getByRole('link', { name: 'Skip to the event table' });
  await expect(skip).not.toBeInViewport();
  await skip.focus();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const table = page.getByRole('region', { name: 'Imported events' });
  await expect(table.locator(':focus')).toHaveCount(1);
  expect(page.url()).not.toContain('#');

  // On a fresh page it is the first Tab stop.
  const scenarios = new AppPage(page);
  await scenarios.open({ scenario: 'new-user-signup', mode: 'simplified', step: 4 });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(scenarios.tablePanel.locator('tbody tr:focus')).toHaveCount(1);
});

test('the cluster list is one Tab stop; arrow keys, Home and End move through it', async ({ page }) => {
  const app = new ImportPage(page);
  await pasteAndLoad(app);
  const clusters = app.clusters;
  await expect(clusters).toHaveCount(4);
  await expect(clusters.nth(0)).toHaveAttribute('tabindex', '0');
  await expect(clusters.nth(1)).toHaveAttribute('tabindex', '-1');
  await clusters.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(clusters.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(clusters.nth(3)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(clusters.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('identity.canonical')).toBeVisible();
  // One Tab leaves the list: the next stop is outside it.
  await clusters.nth(1).focus();
  await page.keyboard.press('Tab');
  expect(await page.getByTestId('dataset.clusters').locator(':focus').count()).toBe(0);
});

test('Enter in the id search opens the only match', async ({ page }) => {
  const app = new ImportPage(page);
  await pasteAndLoad(app);
  const search = page.getByTestId('dataset.search');
  await search.fill('bob');
  await search.press('Enter');
  await expect(page.getByTestId('identity.canonical')).toHaveText('bob');
  // Several matches: Enter opens none of them, and the results take ↑ ↓.
  await search.fill('a');
  await search.press('Enter');
  await expect(page.getByTestId('identity.canonical')).toHaveText('bob');
  const results = page.getByTestId('dataset.searchResults').getByRole('button');
  await expect(results.first()).toHaveAttribute('tabindex', '0');
  await results.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
});

test('axe finds no violation of any impact in the workspace, "region" included', async ({ page }) => {
  const app = new ImportPage(page);
  await pasteAndLoad(app);
  await app.clusters.first().click();
  for (const tab of [/Findings/, /Identity/, /Import report/]) {
    await app.tab(tab).click();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${String(tab)}: ${v.id} (${v.impact ?? ''})`)).toEqual([]);
  }
});
