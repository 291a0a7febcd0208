// The keyboard: ←, →, Home, End and Space step from anywhere; every control is reachable by Tab with a visible focus.
import { expect, test } from './fixtures.ts';
import { AppPage } from './pages/appPage.ts';

test('arrows, Home, End and Space step the timeline', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 0 });
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await app.expectStep(2, 8);
  await page.keyboard.press('ArrowLeft');
  await app.expectStep(1, 8);
  await page.keyboard.press('End');
  await app.expectStep(8, 8);
  await page.keyboard.press('Home');
  await app.expectStep(0, 8);
  await page.keyboard.press(' ');
  await expect(app.playPause).toHaveAccessibleName('Pause');
  await page.keyboard.press(' ');
  await expect(app.playPause).toHaveAccessibleName('Play');
});

test('typing in the scenario search does not step', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 3 });
  await app.scenarioBox.focus();
  await page.keyboard.type('ab');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await app.expectStep(3, 8);
  await page.keyboard.press('Escape');
});

test('the scrubber steps with its own keys', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 3 });
  await app.scrubber.focus();
  await page.keyboard.press('ArrowRight');
  await app.expectStep(4, 8);
  await expect(app.scrubber).toHaveAttribute('aria-valuetext', 'Step 4 of 8');
});

test('the details tabs move with the arrow keys', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 3 });
  await app.tab('Why').focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.tab('Devices')).toBeFocused();
  await expect(app.tab('Devices')).toHaveAttribute('aria-selected', 'true');
  await app.expectStep(3, 8);
  await page.keyboard.press('End');
  await expect(app.tab('Settings')).toHaveAttribute('aria-selected', 'true');
});

/** Names of the header and timeline controls a keyboard user must reach, in tab order. */
const CONTROLS_IN_ORDER = [
  'Scenario',
  'Simplified',
  'Settings',
  'Dark theme',
  'Copy link',
  'First step',
  'Previous step',
  'Play',
  'Next step',
  'Last step',
  'Speed',
  'Step',
];

test('Tab reaches every control in order, each with a visible focus', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 3 });
  const reached: string[] = [];
  for (let i = 0; i < 60 && reached.length < CONTROLS_IN_ORDER.length; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (element === null) return null;
      const labels = (element as HTMLInputElement).labels;
      const name =
        element.getAttribute('aria-label') ?? (labels?.[0]?.textContent ?? element.textContent ?? '').trim();
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const segment = element.closest('.mode-option');
      const segmentOutlined = segment !== null && getComputedStyle(segment).outlineStyle !== 'none';
      return { name, visible: outlined || segmentOutlined };
    });
    if (focused === null) continue;
    const expected = CONTROLS_IN_ORDER[reached.length];
    if (expected !== undefined && focused.name.includes(expected)) {
      expect(focused.visible, `focus on "${focused.name}" is visible`).toBe(true);
      reached.push(expected);
    }
  }
  expect(reached).toEqual(CONTROLS_IN_ORDER);
});

test('Tab reaches the table, the graph and the details tabs', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'returning-user', mode: 'simplified', step: 3 });
  const regions = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const region = await page.evaluate(
      () =>
        document.activeElement
          ?.closest('section[aria-label], aside[aria-label]')
          ?.getAttribute('aria-label') ?? '',
    );
    if (region !== '') regions.add(region);
  }
  expect([...regions]).toEqual(expect.arrayContaining(['Events', 'Identity graph', 'Details']));
});
