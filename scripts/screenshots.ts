// Screenshots of the app for the README: `npm run screenshots` builds, then runs this. The step-through view in
// light and dark at 1280×720, then the Compare view, the scenario editor, an imported file's workspace and a phone.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startPreview } from './browser.ts';

const PORT = Number(process.env['PW_PORT'] ?? 4175);
const OUT_DIR = 'docs/screenshots';
/** Multiple users, one device at its last step: the link D2 ⇒ U2, with events 4 and 5 retroactively updated. */
const VIEW = '/?scenario=multiple-users-one-device&mode=simplified&step=8';
/** The retroactively updated event whose explanation the screenshot shows. */
const SELECTED_ROW = 'table.row.4';
const THEMES = ['light', 'dark'] as const;
/** A stream with the pitfalls `idmerge lint` finds, as a person would import it. */
const IMPORTED_FILE = 'e2e/fixtures/findings.ndjson';

type Shot = (page: Page, url: string) => Promise<void>;

/** The step-through view with a retroactively updated event selected, so the Why panel shows its reasons. */
const stepThrough: Shot = async (page, url) => {
  await page.goto(`${url}${VIEW}`);
  await page.getByRole('button', { name: 'Next step' }).waitFor();
  await page.getByTestId(SELECTED_ROW).click();
};

/** Legacy's Sally story compared across the three modes: users counted, funnel, splits. */
const compare: Shot = async (page, url) => {
  await page.goto(`${url}/?scenario=legacy-sally-phone&mode=simplified&step=9&view=compare`);
  await page.getByTestId('compare.summary').waitFor();
};

/** A copy of a library scenario open in the editor beside its timeline. */
const editor: Shot = async (page, url) => {
  await page.goto(`${url}${VIEW}`);
  await page.getByRole('button', { name: 'Edit a copy', exact: true }).click();
  await page.getByRole('region', { name: 'Scenario editor' }).waitFor();
};

/** An imported file's workspace: clusters, the table, findings. */
const workspace: Shot = async (page, url) => {
  await page.goto(`${url}/?view=import`);
  await page.getByTestId('header.import').click();
  await page.getByTestId('import.fileInput').setInputFiles(IMPORTED_FILE);
  await page.getByTestId('import.load').click();
  await page.getByTestId('dataset.cluster').first().waitFor();
};

async function shoot(
  browser: Browser,
  url: string,
  name: string,
  shot: Shot,
  options: { width: number; height: number; theme?: 'light' | 'dark' } = { width: 1280, height: 720 },
): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.height },
    colorScheme: options.theme ?? 'light',
    reducedMotion: 'reduce',
  });
  await shot(page, url);
  await page.waitForTimeout(400);
  const path = `${OUT_DIR}/${name}.png`;
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  await page.close();
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const preview = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    for (const theme of THEMES)
      await shoot(browser, preview.url, `app-${theme}`, stepThrough, { width: 1280, height: 720, theme });
    await shoot(browser, preview.url, 'compare', compare);
    await shoot(browser, preview.url, 'editor', editor);
    await shoot(browser, preview.url, 'import-workspace', workspace);
    await shoot(browser, preview.url, 'phone', stepThrough, { width: 390, height: 844 });
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
