// Phones and small screens (#17): no sideways page scroll, the mode switch in view, the rest of the header behind
// Menu, and table, graph and details stacked — at 390×844, 768×1024 and the desktop size.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';
import { fixture } from './pages/importPage.ts';

const SIZES = [
  { width: 390, height: 844, narrow: true },
  { width: 768, height: 1024, narrow: true },
  { width: 1280, height: 720, narrow: false },
] as const;

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the page fits, the mode switch shows and every part is reachable`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const app = new AppPage(page);
    await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 8 });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0], 'no sideways scroll').toBeLessThanOrEqual(widths[1] ?? 0);
    await expect(app.mode('Legacy')).toBeInViewport();
    const importButton = page.getByRole('button', { name: 'Import a file' });
    const menu = page.getByRole('button', { name: 'Menu' });
    if (size.narrow) {
      await expect(importButton).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
    } else {
      await expect(menu).toBeHidden();
    }
    await expect(importButton).toBeVisible();
    for (const part of [page.getByTestId('graph'), app.tab('Why'), app.row(5)]) {
      await part.scrollIntoViewIfNeeded();
      await expect(part).toBeInViewport();
    }
    await app.mode('Legacy').check();
    await expect(page.getByTestId('timeline.mismatch')).toContainText('Written for Simplified');
  });
}

/** The page is no wider than the window: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: AppPage['page'], where: string): Promise<void> {
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll, `${where}: no sideways scroll`).toBeLessThanOrEqual(inner ?? 0);
}

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the import workspace fits, and its controls are reachable', async ({ page }) => {
    await page.goto('/?view=import');
    await expectNoSidewaysScroll(page, 'empty workspace');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByTestId('header.import').click();
    await page.getByTestId('import.fileInput').setInputFiles(fixture('stream.ndjson'));
    await expect(page.getByTestId('import.load')).toBeInViewport();
    await expectNoSidewaysScroll(page, 'import dialog');
    await page.getByTestId('import.load').click();
    await expect(page.getByTestId('dataset.summary')).toHaveText(/^Simplified: /);
    await expectNoSidewaysScroll(page, 'loaded workspace');
    for (const part of [
      page.getByTestId('dataset.search'),
      page.getByTestId('dataset.cluster').first(),
      page.getByRole('textbox', { name: 'Go to event' }),
      page.getByTestId('dataset.row.0'),
      page.getByRole('tab', { name: /Findings/ }),
    ]) {
      await part.scrollIntoViewIfNeeded();
      await expect(part).toBeInViewport();
    }
    await page.getByTestId('dataset.cluster').first().click();
    const graph = page.getByTestId('dataset.graph');
    await graph.scrollIntoViewIfNeeded();
    await expect(graph).toBeInViewport();
    await expectNoSidewaysScroll(page, 'identity selected');
  });

  test('the scenario editor fits, above the timeline, table and graph', async ({ page }) => {
    const app = new AppPage(page);
    await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 2 });
    await page.getByRole('button', { name: 'Edit a copy', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Scenario editor' });
    await expect(editor).toBeVisible();
    await expectNoSidewaysScroll(page, 'editor open');
    await expect(editor.getByRole('tab').first()).toBeInViewport();
    for (const part of [app.previousStep, app.row(1), page.getByTestId('graph')]) {
      await part.scrollIntoViewIfNeeded();
      await expect(part).toBeInViewport();
    }
    // The timeline still answers under the editor.
    const before = await app.position.textContent();
    await app.previousStep.click();
    await expect(app.position).not.toHaveText(before ?? '');
  });
});
