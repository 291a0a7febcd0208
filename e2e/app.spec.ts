// The app as a learner meets it: every scenario in every mode, the seed flows step by step, the picker, theme and link.
import { LIBRARY } from '../src/scenarios/library/index.ts';
import { expect, test } from './fixtures.ts';
import { AppPage, type ModeName } from './pages/appPage.ts';

const MODES: readonly ModeName[] = ['simplified', 'original', 'legacy'];

test.describe('every library scenario plays to its last step', () => {
  for (const scenario of LIBRARY) {
    for (const mode of MODES) {
      test(`${scenario.id} under ${mode}`, async ({ page }) => {
        const app = new AppPage(page);
        const steps = scenario.steps.length;
        await app.open({ scenario: scenario.id, mode, step: steps });
        await app.expectStep(steps, steps);
        await expect(app.scenarioBox).toHaveValue(scenario.title);
        await expect(app.mode(new RegExp(`^${mode}`, 'i'))).toBeChecked();
        await expect(app.notices).toBeEmpty();
      });
    }
  }
});

test('new-user-signup: the link appears and earlier events are retroactively updated', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 0 });
  await expect(app.description).toContainText('Nothing has happened yet');
  await app.nextStep.click();
  await expect(app.row(1)).toBeVisible();
  await expect(app.resolvedCell(1)).toContainText('$device:D1');
  await app.lastStep.click();
  await expect(app.tablePanel).toContainText('Links D1 ⇒ U1');
  await expect(app.resolvedCell(1)).toContainText('U1');
});

test('the picker finds a scenario by typing and opens it from the keyboard', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.scenarioBox.focus();
  await page.keyboard.type('returning');
  await expect(page.getByRole('option', { name: /Returning user/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.view().scenario).toBe('returning-user');
  await app.expectStep(0, 8);
});

test('the picker groups scenarios by lesson and shows each lesson', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.scenarioBox.click();
  await expect(page.getByRole('group', { name: 'Original guardrails' })).toBeVisible();
  await expect(page.getByTestId('picker.option.new-user-signup')).toContainText(
    LIBRARY[0]?.lesson.slice(0, 30) ?? '',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
});

test('a step shows what happened, the note and the SDK remark', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 4 });
  await expect(app.description).toHaveText('Device A · reset()');
  await expect(page.getByTestId('timeline.note')).toContainText('U1 logs out');
  await expect(page.getByTestId('timeline.callnote')).toContainText('reset() sends nothing');
  await expect(page.getByTestId('timeline.lesson')).toContainText('Multiple users, one device');
});

test('the devices panel shows each device persisted ids, and "not started" before the first step', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'multiple-users-one-device', mode: 'simplified', step: 0 });
  const panel = await app.openTab('Devices');
  await expect(panel.getByTestId('devices.device.A')).toContainText('not started');
  await app.nextStep.click();
  await app.nextStep.click();
  await expect(panel.getByTestId('devices.device.A')).toContainText('$user_id');
  await expect(panel.getByTestId('devices.device.A')).toContainText('U1');
  await expect(panel.getByTestId('devices.device.A')).toContainText('D1');
});

test('the profiles panel shows a profile stranded on a device id', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'anonymous-profile-stranded', mode: 'simplified', step: 5 });
  const panel = await app.openTab('Profiles');
  await expect(panel.getByTestId('profile.status').first()).toHaveText(/stranded behind U1/);
});

test('the profiles panel shows a profile hidden by a merge on Original', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'original-profile-conflict', mode: 'original', step: 3 });
  const panel = await app.openTab('Profiles');
  await expect(panel.getByText(/hidden behind .* by event #\d/)).toBeVisible();
});

test('the theme toggle switches to dark and is remembered', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a corrupt stored theme is ignored and the system preference wins', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => window.localStorage.setItem('idmerge.theme', '{"oops'));
  const app = new AppPage(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('Copy link copies the URL and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 2 });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('header.copy.status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('Copy link says where the link is when the clipboard is unavailable', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('header.copy.status')).toContainText('address bar');
});

test('settings change an option, the header says which assumption is in force, and reset restores it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'original-cap-through-reset', mode: 'original', step: 6 });
  await expect(page.getByTestId('header.assumptions')).toHaveCount(0);
  const panel = await app.openTab('Settings');
  await panel.getByLabel(/Cluster limit/).fill('10');
  await expect(panel.getByTestId('settings.assumptions')).toContainText('exceed 10 ids');
  await expect(page.getByTestId('header.assumptions')).toContainText('Q-2');
  await panel.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(panel.getByTestId('settings.assumptions')).toContainText('exceed 500 ids');
  await expect(page.getByTestId('header.assumptions')).toHaveCount(0);
});

test('play advances to the last step and stops', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 2 });
  await page.getByLabel('Speed').selectOption('4');
  await app.playPause.click();
  await expect(app.playPause).toHaveAccessibleName('Pause');
  await app.expectStep(4, 4);
  await expect(app.playPause).toHaveAccessibleName('Play');
});

test('the SDK version setting replays the scenario with the older SDK', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'original-signup', mode: 'original', step: 1 });
  await expect(app.resolvedCell(1)).toContainText('$device:D1');
  const panel = await app.openTab('Settings');
  await panel.getByLabel(/SDK version/).selectOption('legacy');
  await expect(app.resolvedCell(1)).not.toContainText('$device:');
  await expect(page.getByTestId('header.assumptions')).toContainText('SDK version legacy');
  await app.expectStep(1, 4);
});
