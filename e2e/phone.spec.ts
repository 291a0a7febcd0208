// Phones and small screens (#17): no sideways page scroll, the mode switch in view, the rest of the header behind
// Menu, and table, graph and details stacked — at 390×844, 768×1024 and the desktop size.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

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
