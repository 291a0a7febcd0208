// Times each step in the built app: steps through scenarios with the keyboard and reports the 'idmerge:step' measures.
// Also reports the longest main-thread task (long task, > 50 ms) seen while stepping.
// Run after a build: node --import tsx scripts/measure-steps.ts   (PW_PORT picks the preview port)
import type { Page } from '@playwright/test';
import { launchChromium, startPreview } from './browser.ts';

const PORT = Number(process.env['PW_PORT'] ?? 4176);
/** The long scenario (≈500 events in one step) and a short seed flow, each stepped there and back. */
const SCENARIOS = [
  { id: 'original-cap-through-reset', mode: 'original' },
  { id: 'new-user-signup', mode: 'simplified' },
] as const;
/** Rounds of stepping through every step forward, then back, so each scenario gives enough samples. */
const ROUNDS = 5;

/** A string, not a function: tsx would wrap a function's closures in a helper the page does not have. */
const WATCH_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
`;

interface Figures {
  readonly scenario: string;
  readonly samples: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  /** The longest main-thread task while stepping (0 when none passed 50 ms). */
  readonly longestTask: number;
  /** Median per transition ("2→3"), to show which steps cost the most. */
  readonly byTransition: ReadonlyMap<string, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function stepThrough(page: Page, steps: number): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of ['ArrowRight', 'ArrowLeft'] as const) {
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press(key);
        // Wait for the measure of this step, so steps never overlap.
        await page.waitForFunction(
          (count) => performance.getEntriesByName('idmerge:step', 'measure').length >= count,
          round * 2 * steps + (key === 'ArrowRight' ? 0 : steps) + i + 1,
        );
      }
    }
  }
}

async function measure(page: Page, baseUrl: string, id: string, mode: string): Promise<Figures> {
  await page.goto(`${baseUrl}/?scenario=${id}&mode=${mode}&step=0`);
  const position = page.getByTestId('timeline.position');
  const text = (await position.textContent()) ?? '';
  const steps = Number(/of (\d+)/.exec(text)?.[1] ?? 0);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.evaluate(() => performance.clearMeasures('idmerge:step'));
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  await stepThrough(page, steps);
  const longestTask = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
  );
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('idmerge:step', 'measure').map((entry) => entry.duration),
  );
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    scenario: id,
    samples: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    longestTask,
    byTransition: mediansByTransition(durations, steps),
  };
}

/** Steps go 0→1 … (steps-1)→steps, then back down, ROUNDS times: label each sample with its transition. */
function mediansByTransition(durations: readonly number[], steps: number): Map<string, number> {
  const samples = new Map<string, number[]>();
  durations.forEach((duration, index) => {
    const within = index % (2 * steps);
    const label =
      within < steps ? `${within}→${within + 1}` : `${2 * steps - within}→${2 * steps - within - 1}`;
    samples.set(label, [...(samples.get(label) ?? []), duration]);
  });
  return new Map(
    [...samples].map(([label, values]) => [
      label,
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      ),
    ]),
  );
}

async function main(): Promise<void> {
  const preview = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript({ content: WATCH_LONG_TASKS });
    for (const { id, mode } of SCENARIOS) {
      const figures = await measure(page, preview.url, id, mode);
      const ms = (value: number) => `${value.toFixed(1)} ms`;
      console.log(
        `${figures.scenario}: ${figures.samples} steps, median ${ms(figures.median)}, p95 ${ms(figures.p95)}, max ${ms(figures.max)}, longest main-thread task ${ms(figures.longestTask)}`,
      );
      const transitions = [...figures.byTransition].map(([label, median]) => `${label} ${ms(median)}`);
      console.log(`  median by step: ${transitions.join(', ')}`);
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
