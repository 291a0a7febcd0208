// Times the Compare view on a big imported file in the built app: load the file, open Compare, wait for the
// summary per mode (the worker resolves every mode once, with src/compare), then the funnel and the splits.
// Run after a build: node --import tsx scripts/measure-compare.ts [events]   (default 1000000; reuses bench/out)
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SHAPE, writeStream } from '../bench/generate.ts';
import { launchChromium, startPreview } from './browser.ts';

const PORT = 4178;
const events = Number(process.argv[2] ?? DEFAULT_SHAPE.events);

async function main(): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'bench', 'out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `events-${events}-seed42.ndjson`);
  if (!existsSync(path))
    await writeStream(path, {
      events,
      users: Math.round(events / 10),
      devices: Math.round(events / 5),
      seed: 42,
    });
  const preview = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${preview.url}/?view=import`);
    await page.getByTestId('header.import').click();
    await page.getByTestId('import.fileInput').setInputFiles(path);
    await page.getByTestId('import.load').click();
    const started = performance.now();
    await page.getByTestId('dataset.cluster').first().waitFor({ timeout: 600_000 });
    const loaded = performance.now();
    await page.getByTestId('header.compare').click();
    await page.getByTestId('compare.summary').waitFor({ timeout: 600_000 });
    const compared = performance.now();
    await page.getByTestId('compare.row').first().waitFor({ timeout: 600_000 });
    await page.getByRole('tab', { name: 'Analytics impact' }).click();
    await page.getByTestId('compare.funnel').waitFor({ timeout: 600_000 });
    const funnel = performance.now();
    const users = await page
      .getByTestId('compare.summary.users')
      .locator('td')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value')));
    console.table([
      {
        events: events.toLocaleString('en-US'),
        'load → workspace (s)': ((loaded - started) / 1000).toFixed(1),
        'Compare click → summary per mode (s)': ((compared - loaded) / 1000).toFixed(1),
        'funnel tab → funnel per mode (s)': ((funnel - compared) / 1000).toFixed(1),
        'users (simplified, original, legacy)': users.join(', '),
      },
    ]);
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
