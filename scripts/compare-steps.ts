// Compares the main-thread cost of a step in two builds of the app, in one browser at the same time: the builds'
// pages take turns, a burst of steps each, so both see the same load. On this project's shared 2-core machine single
// runs of measure-steps.ts swing more between runs of one build than between builds; alternating bursts do not.
//   node --import tsx scripts/compare-steps.ts DIST_A DIST_B   (e.g. main built with `vite build --outDir /tmp/a`)
// Env: STEP_ROUNDS (bursts per build, default 10), STEP_GAP_MS (between steps, default 140: a step then carries its
// URL write and what its glide runs meanwhile, as a person stepping at a reading pace would see), SCENARIO, MODE,
// STEP_FROM (the step each page opens at; a burst goes four steps on and back).
// Prints per build the median (and quartiles) of main-thread task, script, style and layout time per step.
import type { CDPSession, Page } from '@playwright/test';
import { launchChromium, startPreview, type Preview } from './browser.ts';
import { minus, percentile, threadTime, type ThreadTime } from './mainThread.ts';

const ROUNDS = Number(process.env['STEP_ROUNDS'] ?? 10);
const GAP_MS = Number(process.env['STEP_GAP_MS'] ?? 140);
const SCENARIO = process.env['SCENARIO'] ?? 'original-cap-through-reset';
const MODE = process.env['MODE'] ?? 'original';
/** By default steps 2→6→2 of the long scenario: every step after its 500-event one, forward and back. */
const FIRST_STEP = Number(process.env['STEP_FROM'] ?? 2);
const BURST = [
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowLeft',
  'ArrowLeft',
  'ArrowLeft',
  'ArrowLeft',
];
const BASE_PORT = Number(process.env['PW_PORT'] ?? 4381);

interface Contender {
  readonly dist: string;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly samples: ThreadTime[];
}

async function open(preview: Preview, dist: string, page: Page): Promise<Contender> {
  await page.goto(`${preview.url}/?scenario=${SCENARIO}&mode=${MODE}&step=${FIRST_STEP}`);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { dist, page, cdp, samples: [] };
}

async function burst(contender: Contender): Promise<void> {
  await contender.page.bringToFront();
  for (const key of BURST) {
    const before = await threadTime(contender.cdp);
    await contender.page.keyboard.press(key);
    await contender.page.waitForTimeout(GAP_MS);
    contender.samples.push(minus(await threadTime(contender.cdp), before));
  }
}

function report({ dist, samples }: Contender): string {
  const figure = (pick: (sample: ThreadTime) => number) => {
    const values = samples.map(pick);
    const [q1, median, q3] = [25, 50, 75].map((p) => percentile(values, p).toFixed(1));
    return `${median} (${q1}–${q3})`;
  };
  return `${dist}: ${samples.length} steps; per step, median (quartiles) ms: task ${figure((s) => s.task)}, script ${figure((s) => s.script)}, style ${figure((s) => s.style)}, layout ${figure((s) => s.layout)}`;
}

async function main(): Promise<void> {
  const dists = process.argv.slice(2);
  if (dists.length !== 2) throw new Error('usage: compare-steps.ts DIST_A DIST_B');
  const previews = await Promise.all(dists.map((dist, i) => startPreview(BASE_PORT + i, dist)));
  const browser = await launchChromium();
  try {
    const contenders: Contender[] = [];
    for (const [i, dist] of dists.entries()) {
      const preview = previews[i];
      if (preview === undefined) throw new Error('no preview');
      contenders.push(
        await open(preview, dist, await browser.newPage({ viewport: { width: 1440, height: 900 } })),
      );
    }
    // Let the lazy views (graph) load and warm before the first burst.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so neither build always follows the other's leftovers.
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) await burst(contender);
    }
    for (const contender of contenders) console.log(report(contender));
  } finally {
    await browser.close();
    for (const preview of previews) preview.stop();
  }
}

await main();
process.exit(0);
