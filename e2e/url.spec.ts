// The URL holds the view: it opens exactly that view, follows every change, walks back and forward, and repairs bad input.
import { expect, test } from './fixtures.ts';
import { AppPage, titleOf } from './pages/appPage.ts';

test('a URL opens exactly that view, and the view changes the URL', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'original', step: 5 });
  await app.expectStep(5, 8);
  await expect(app.scenarioBox).toHaveValue(titleOf('returning-user'));
  await expect(app.mode('Original')).toBeChecked();
  await app.nextStep.click();
  await expect.poll(() => app.view()).toEqual({ scenario: 'returning-user', mode: 'original', step: 6 });
  await app.mode('Simplified').check();
  await expect.poll(() => app.view()).toEqual({ scenario: 'returning-user', mode: 'simplified', step: 6 });
  // The same URL in a fresh page shows the same view.
  const copy = await page.context().newPage();
  const other = new AppPage(copy);
  await copy.goto(page.url());
  await other.expectStep(6, 8);
  await expect(other.mode('Simplified')).toBeChecked();
  await copy.close();
});

test('opening "/" shows the default scenario and writes it into the URL', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect.poll(() => app.view()).toEqual({ scenario: 'new-user-signup', mode: 'simplified', step: 0 });
});

test('back and forward walk through steps, modes and scenarios', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 0 });
  // Each action waits for its URL, as a person would before pressing Back: the URL is written just after the paint.
  const urlShows = (view: object) => expect.poll(() => app.view()).toEqual(view);
  await app.nextStep.click();
  await urlShows({ scenario: 'new-user-signup', mode: 'simplified', step: 1 });
  await app.nextStep.click();
  await urlShows({ scenario: 'new-user-signup', mode: 'simplified', step: 2 });
  await app.mode('Original').check();
  await urlShows({ scenario: 'new-user-signup', mode: 'original', step: 2 });
  await app.pickScenario('returning-user');
  await urlShows({ scenario: 'returning-user', mode: 'simplified', step: 0 });

  await page.goBack();
  await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
  await expect(app.mode('Original')).toBeChecked();
  await app.expectStep(2, 4);
  await page.goBack();
  await expect(app.mode('Simplified')).toBeChecked();
  await page.goBack();
  await app.expectStep(1, 4);
  await page.goForward();
  await app.expectStep(2, 4);
  await page.goForward();
  await expect(app.mode('Original')).toBeChecked();
  await page.goForward();
  await expect(app.scenarioBox).toHaveValue(titleOf('returning-user'));
});

test('a step beyond the end opens the last step, with a notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?scenario=returning-user&mode=simplified&step=999');
  await app.expectStep(8, 8);
  await expect(app.notices).toContainText('showing step 8');
  await expect.poll(() => app.view().step).toBe(8);
});

test('an unknown scenario opens the default one, with a notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?scenario=nope&mode=original&step=2');
  await expect(app.notices).toContainText('There is no scenario "nope"');
  await expect(app.scenarioBox).toHaveValue(titleOf('new-user-signup'));
  await expect.poll(() => app.view().scenario).toBe('new-user-signup');
});

test('an unknown mode opens the scenario mode, with a notice that can be dismissed', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?scenario=original-signup&mode=bogus&step=1');
  await expect(app.notices).toContainText('"bogus" is not a mode');
  await expect(app.mode('Original')).toBeChecked();
  await page.getByRole('button', { name: /Dismiss notice/ }).click();
  await expect(app.notices).toBeEmpty();
});

test('a step that is not a number opens the start', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?scenario=returning-user&mode=simplified&step=abc');
  await app.expectStep(0, 8);
  await expect(app.notices).toContainText('"abc" is not a step number');
});

test('playing replaces the history entry instead of adding one per step', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'new-user-signup', mode: 'simplified', step: 0 });
  await app.nextStep.click();
  await expect.poll(() => app.view().step).toBe(1);
  const before = await page.evaluate(() => history.length);
  await page.getByLabel('Speed').selectOption('4');
  await app.playPause.click();
  await app.expectStep(4, 4);
  await expect.poll(() => app.view().step).toBe(4);
  expect(await page.evaluate(() => history.length)).toBe(before);
});
