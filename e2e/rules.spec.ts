// Rules you can open: every rule id on screen is a button; the dialog says the rule in plain words, links its public
// Mixpanel source and opens a library scenario that shows it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { AppPage, titleOf } from './pages/appPage.ts';

test('a rule id in the step story opens the rule with its source and a scenario that shows it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 8 });
  const badge = page.getByTestId('timeline.note').getByRole('button', { name: 'S-10', exact: true });
  await badge.click();
  const dialog = page.getByRole('dialog', { name: /S-10: one user id per cluster/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('rule.body')).toContainText('Two user ids can never be merged');
  const source = dialog.getByTestId('rule.sources').getByRole('link').first();
  await expect(source).toHaveAttribute('href', /^https:\/\/docs\.mixpanel\.com\//);
  await expect(source).toHaveAttribute('target', '_blank');
  expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(badge).toBeFocused();
});

test('an open question says what the lab assumes and which setting changes it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'original-signup', mode: 'original', step: 0 });
  await app.openTab('Settings');
  await app.panel('Settings').getByRole('button', { name: 'Q-5', exact: true }).click();
  const decision = page.getByTestId('rule.decision');
  await expect(decision).toContainText('larger cluster');
  await expect(decision).toContainText('Original canonical id');
  await expect(decision).toContainText('--canonical');
});

test('"See it in a scenario" opens the scenario at the step whose note cites the rule', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 8 });
  await page.getByTestId('timeline.note').getByRole('button', { name: 'S-6', exact: true }).click();
  await page.getByTestId('rule.examples').getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(/scenario=new-user-signup/);
  await expect(page).toHaveURL(/step=4/);
  await expect(page.getByTestId('timeline.lesson')).toContainText(titleOf('new-user-signup'));
});
