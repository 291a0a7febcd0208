// Screenshots of the app for the README, light and dark at 1280×720: `npm run screenshots` builds, then runs this.
import { mkdir } from 'node:fs/promises';
import { launchChromium, startPreview } from './browser.ts';

const PORT = 4175;
const OUT_DIR = 'docs/screenshots';
/** Multiple users, one device at its last step: the link D2 ⇒ U2, with events 4 and 5 retroactively updated. */
const VIEW = '/?scenario=multiple-users-one-device&mode=simplified&step=8';
/** The retroactively updated event whose explanation the screenshot shows. */
const SELECTED_ROW = 'table.row.4';
const THEMES = ['light', 'dark'] as const;

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const preview = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    for (const theme of THEMES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: theme });
      await page.goto(`${preview.url}${VIEW}`);
      await page.getByRole('button', { name: 'Next step' }).waitFor();
      // Select a retroactively updated event, so the explanation panel shows its reasons too.
      await page.getByTestId(SELECTED_ROW).click();
      await page.waitForTimeout(300);
      const path = `${OUT_DIR}/app-${theme}.png`;
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
      await page.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
