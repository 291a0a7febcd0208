// The app opens on the first seed flow and steps forward.
import { expect, test } from './fixtures.ts';

test('opens new-user-signup and steps to the link', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'ID Merge Lab' })).toBeVisible();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByRole('table')).toContainText('Links D1 ⇒ U1');
});
