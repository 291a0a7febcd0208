// Switching the mode re-resolves the same stream: the difference between the systems is one click.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

test('anonymous activity is handed over on Simplified but not on Original', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'anonymous-activity-handed-over', mode: 'simplified', step: 4 });
  await expect(app.resolvedCell(1)).toContainText('bob');
  await app.mode('Original').check();
  await expect(app.resolvedCell(1)).toContainText('$device:D1');
  await expect(app.resolvedCell(1)).not.toContainText('bob');
  await app.expectStep(4, 4);
  await app.mode('Legacy').check();
  await expect(app.resolvedCell(1)).toContainText('$device:D1');
  await expect(app.resolvedCell(4)).toContainText('bob');
});

test('Legacy is not retroactive where Original is', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'legacy-not-retroactive', mode: 'original', step: 3 });
  await expect(app.resolvedCell(3)).toContainText('U1');
  await app.mode('Legacy').check();
  await expect(app.resolvedCell(3)).toContainText('12345');
});

test('a mode the scenario is not written for is marked and explained', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 4 });
  await expect(page.getByTestId('timeline.mismatch')).toHaveCount(0);
  await expect(app.mode('Original')).toHaveAccessibleDescription('not written for this mode');
  await app.mode('Original').check();
  // The story is Original's own; one line says what Simplified, the mode it was written for, does instead.
  await expect(page.getByTestId('timeline.note')).toHaveCount(0);
  await expect(page.getByTestId('timeline.story')).toContainText('Event #3, sent as U1, resolves to');
  await expect(page.getByTestId('timeline.mismatch')).toContainText(
    'Written for Simplified, where event #3 links D1 ⇒ U1 (S-6)',
  );
  await expect(page.getByTestId('header.assumptions')).toContainText('Written for Simplified');
});
