// The link holds the whole view (issue #17): assumptions, SDK version, the selected event or id, the open side
// panel and the table's choices survive a reload, "Copy link" and back/forward; a bad value is a notice.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

test('reload and "Copy link" restore the assumptions, the selection and the open panel', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'original', step: 5 });
  const settings = await app.openTab('Settings');
  await settings.getByTestId('settings.guidCheck').selectOption('off');
  await settings.getByTestId('settings.sdkVersion').selectOption('legacy');
  await app.row(4).click();
  await expect(app.row(4)).toHaveAttribute('aria-selected', 'true');
  await app.openTab('Devices');
  await expect.poll(() => new URL(page.url()).searchParams.get('panel')).toBe('devices');
  const params = new URL(page.url()).searchParams;
  expect(params.get('guid-check')).toBe('off');
  expect(params.get('sdk')).toBe('legacy');
  expect(params.get('event')).not.toBeNull();

  const expectRestored = async (target: AppPage) => {
    await target.expectStep(5, 8);
    await expect(target.mode('Original')).toBeChecked();
    await expect(target.tab('Devices')).toHaveAttribute('aria-selected', 'true');
    await expect(target.row(4)).toHaveAttribute('aria-selected', 'true');
    const restored = await target.openTab('Settings');
    await expect(restored.getByTestId('settings.guidCheck')).toHaveValue('off');
    await expect(restored.getByTestId('settings.sdkVersion')).toHaveValue('legacy');
    await expect(target.notices).toHaveText('');
  };
  await page.reload();
  await expectRestored(app);

  // Settings was opened after the reload: the link now says so, and Copy link copies exactly that.
  await expect.poll(() => new URL(page.url()).searchParams.get('panel')).toBe('settings');
  await page.getByTestId('header.copy').click();
  await expect(page.getByTestId('header.copy.status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  const other = await context.newPage();
  const second = new AppPage(other);
  await other.goto(copied);
  await expect(second.nextStep).toBeVisible();
  await expect(second.tab('Settings')).toHaveAttribute('aria-selected', 'true');
  await expect(second.row(4)).toHaveAttribute('aria-selected', 'true');
  await other.close();
});

test('a selected id is in the link, and back restores the selection before it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 8 });
  await app.row(1).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('event')).not.toBeNull();
  await app.previousStep.click();
  await app.expectStep(7, 8);
  // The step's history entry is written once steps pause (urlWriter.ts): back goes to the entry before it.
  await expect.poll(() => app.view().step).toBe(7);
  await page.goBack();
  await app.expectStep(8, 8);
  await expect(app.row(1)).toHaveAttribute('aria-selected', 'true');
});

test('values the app does not know open the view with a notice for each', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?scenario=returning-user&mode=simplified&step=2&panel=<b>x</b>&cluster-limit=-4&event=abc');
  await app.expectStep(2, 8);
  await expect(app.tab('Why')).toHaveAttribute('aria-selected', 'true');
  await expect(app.notices).toContainText('"<b>x</b>" is not a panel');
  await expect(app.notices).toContainText('cluster-limit="-4" is ignored');
  await expect(app.notices).toContainText('"abc" is not an event number');
});
