// Accessibility: axe finds no serious or critical violation, light and dark, at several steps and with every panel open.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { AppPage, type SideTab } from './pages/appPage.ts';

const VIEWS = [
  { scenario: 'multiple-users-one-device', mode: 'simplified', step: 0 },
  { scenario: 'multiple-users-one-device', mode: 'simplified', step: 3 },
  { scenario: 'original-anon-already-identified', mode: 'original', step: 4 },
  { scenario: 'original-profile-conflict', mode: 'original', step: 3 },
] as const;
// axe measures colours as they settle: a graph node pulsing after a step is mid-animation, so motion is reduced here.
test.use({ reducedMotion: 'reduce' });

const TABS: readonly SideTab[] = ['Why', 'Devices', 'Profiles', 'Settings'];

async function seriousViolations(page: AppPage['page']): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const view of VIEWS) {
      test(`${view.scenario} step ${view.step}, every tab`, async ({ page }) => {
        const app = new AppPage(page);
        await app.open(view);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        if (view.step > 0) await app.row(1).click();
        for (const tab of TABS) {
          await app.openTab(tab);
          expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
        }
      });
    }

    test('the scenario list open', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.scenarioBox.click();
      await expect(page.getByRole('listbox')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
