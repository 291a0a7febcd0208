// Teaching touches (issue #17): the Why panel follows the newest event while stepping unless a selection is
// pinned; a rewritten cell shows its old value; the Why panel names ids by the table's aliases; codes wrap whole.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

test('while stepping, Why follows the newest event until a row is pinned, and again after "Follow"', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 1 });
  const why = app.panel('Why');
  const title = why.locator('.explain-title');
  await expect(why.getByTestId('explain.following')).toBeVisible();
  await expect(title).toHaveText('Event #1: Page View');
  await app.nextStep.click();
  await expect(title).toContainText('Event #2');
  await app.row(1).click();
  await app.nextStep.click();
  await app.expectStep(3, 4);
  await expect(title).toContainText('Event #1');
  await expect(why.getByTestId('explain.following')).toHaveCount(0);
  await why.getByTestId('explain.follow').click();
  await expect(why.getByTestId('explain.following')).toBeVisible();
  const newest = await page.locator('[data-testid^="table.row."]').last().getAttribute('data-testid');
  await expect(title).toContainText(`Event #${newest?.replace('table.row.', '')}`);
});

test('a retroactively rewritten cell shows its old value before the new one', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 4 });
  const cell = app.resolvedCell(1).locator('.cell-was');
  await expect(cell).toHaveAttribute('data-was', '$device:D1');
  await expect(cell).toHaveAttribute('title', 'Was $device:D1; rewritten by this step');
  await expect(app.resolvedCell(1)).toHaveText('U1');
  // Chromium draws the old value from data-was: "$device:D1 →" then "U1".
  const drawn = await cell.evaluate((node) => getComputedStyle(node, '::before').content);
  expect(drawn).toBe('"$device:D1 →"');
});

test('the Why panel names a refused device by its alias, and its code wraps only between words', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'shared-device-without-reset', mode: 'simplified', step: 99 });
  const rows = page.locator('[data-testid^="table.row."]');
  const count = await rows.count();
  let picked = false;
  for (let i = 0; i < count && !picked; i++) {
    await rows.nth(i).click();
    picked = (await app.panel('Why').getByTestId('explain.failure').count()) > 0;
  }
  expect(picked).toBe(true);
  const failure = app.panel('Why').getByTestId('explain.failure');
  await expect(failure).toContainText('$device:D');
  await expect(failure).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(await failure.locator('.wrappable-code wbr').count()).toBeGreaterThan(0);
});

test('errAnonDistinctIdAssignedAlready wraps at a hump in a narrow Why panel', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AppPage(page);
  await app.open({ scenario: 'original-anon-already-identified', mode: 'original', step: 4 });
  await app.row(3).click();
  const code = app.panel('Why').getByTestId('explain.failure').locator('.wrappable-code');
  await expect(code).toHaveText('errAnonDistinctIdAssignedAlready');
  // No part of the code is cut across two lines: each part's text lies in one line box.
  const split = await code.evaluate((node) =>
    Array.from(node.childNodes)
      .filter((child) => child.nodeType === Node.TEXT_NODE)
      .filter((child) => {
        const range = document.createRange();
        range.selectNodeContents(child);
        return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size > 1;
      })
      .map((child) => child.textContent),
  );
  expect(split).toEqual([]);
});
