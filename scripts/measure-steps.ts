// Times each step in the built app: steps through scenarios with the keyboard, as a person would, and reports per step
//   to paint    the 'idmerge:step' measure (src/views/shared/stepTiming.ts): from the store's cursor change (inside
//               the keydown) to a task queued from the next animation frame, i.e. until the frame that shows the step
//               in the table, timeline and story is painted. It includes waiting for that frame (vsync, 16.7 ms at
//               60 Hz), so a step that costs nothing still reads up to ~17 ms: compare with the short scenario's
//               figure (the floor).
//   graph       the 'idmerge:step-graph' measure: the same, until the frame after the graph drew the step (it renders
//               the step in a deferred render of its own, just after the rest). Builds without it report none.
//   main thread the renderer main thread's CPU time for the step, from Chromium's own counters (CDP
//               Performance.getMetrics in thread time, TaskDuration delta between just before the key press and the
//               painted frame, the graph's when the build measures it): the keydown, React's render and commit, style, layout, paint recording, effects, and
//               whatever an earlier step left running (a glide, a CSS animation, a timer). Thread time, not wall time,
//               so other processes on the same cores do not inflate it. Split into script (ScriptDuration), style
//               (RecalcStyleDuration) and layout (LayoutDuration); the rest is paint, compositing and the browser's own
//               work. The short scenario's figure is the floor this harness adds (its CDP calls and polling).
//   keydown     the Event Timing API's entry for the key press: processing (processingEnd − processingStart: the
//               handlers plus React's synchronous render and commit of the step) and duration (from the key to the
//               next paint, rounded by Chromium to 8 ms). Chromium reports only keydowns of 16 ms or more; steps that
//               report none were faster than that.
//   long tasks  the longest main-thread task (Long Tasks API, > 50 ms) while stepping; 0 when none. That is wall
//               time: under load, a preempted task reads long. So one more pass (every step there and back) runs
//               under a Chromium trace, which gives each task's CPU time (scripts/stepTrace.ts).
// Run after a build: node --import tsx scripts/measure-steps.ts   (PW_PORT picks the preview port; PREVIEW_DIST serves
// another build, e.g. main's built with `vite build --outDir /tmp/main-dist`, for a before/after under the same load)
import type { CDPSession, Page } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { launchChromium, startPreview } from './browser.ts';
import { minus, percentile, threadTime, type ThreadTime } from './mainThread.ts';
import { traceTasks, type TracedTasks } from './stepTrace.ts';
import { GRAPH_STEP_MEASURE, STEP_MEASURE } from '../src/views/shared/stepTiming.ts';

const PORT = Number(process.env['PW_PORT'] ?? 4176);
/** The long scenario (≈500 events in one step) and a short seed flow, each stepped there and back. */
const SCENARIOS = [
  { id: 'original-cap-through-reset', mode: 'original' },
  { id: 'new-user-signup', mode: 'simplified' },
] as const;
/** Rounds of stepping through every step forward, then back, so each scenario gives enough samples. */
const ROUNDS = Number(process.env['STEP_ROUNDS'] ?? 5);

/** A string, not a function: tsx would wrap a function's closures in a helper the page does not have. */
const WATCH_PAGE = `
  window.__longTasks = [];
  window.__keydowns = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'keydown') continue;
      window.__keydowns.push({ processing: entry.processingEnd - entry.processingStart, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16 });
`;

/**
 * Resolves once the page holds `count` step measures, and as many graph measures when `graph` (polled on animation
 * frames, in the page).
 */
const WAIT_FOR_MEASURES = `(count, graph) => new Promise((resolve) => {
  const seen = (name) => performance.getEntriesByName(name, 'measure').length >= count;
  const check = () => seen(${JSON.stringify(STEP_MEASURE)}) && (!graph || seen(${JSON.stringify(GRAPH_STEP_MEASURE)}))
    ? resolve(undefined) : requestAnimationFrame(check);
  check();
})`;

/** Whether the build measures the graph's step: it does after its first step, within a second. */
const MEASURES_GRAPH = `() => new Promise((resolve) => {
  const deadline = performance.now() + 1000;
  const check = () => performance.getEntriesByName(${JSON.stringify(GRAPH_STEP_MEASURE)}, 'measure').length > 0
    ? resolve(true) : performance.now() > deadline ? resolve(false) : requestAnimationFrame(check);
  check();
})`;

interface StepSample {
  readonly label: string;
  readonly toPaint: number;
  /** Until the graph showed the step; NaN for a build without the graph's measure. */
  readonly graph: number;
  readonly work: ThreadTime;
}

interface Figures {
  readonly scenario: string;
  readonly steps: readonly StepSample[];
  /** The longest main-thread task while stepping (0 when none passed 50 ms). */
  readonly longestTask: number;
  /** Event Timing entries of 16 ms or more for the key presses. */
  readonly slowKeydowns: readonly { processing: number; duration: number }[];
  /** Median main-thread CPU time of the harness's own calls around a key that does nothing. */
  readonly harness: number;
  /** The longest task of a traced pass, by CPU time. */
  readonly traced: TracedTasks;
}

/** Steps go 0→1 … (steps-1)→steps, then back down, ROUNDS times; each sample is labelled with its transition. */
async function stepThrough(
  page: Page,
  cdp: CDPSession,
  steps: number,
  rounds = ROUNDS,
): Promise<StepSample[]> {
  const samples: StepSample[] = [];
  let measured = await page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').length,
    STEP_MEASURE,
  );
  let graph: boolean | undefined;
  for (let round = 0; round < rounds; round++) {
    for (const key of ['ArrowRight', 'ArrowLeft'] as const) {
      for (let i = 0; i < steps; i++) {
        const from = key === 'ArrowRight' ? i : steps - i;
        const to = key === 'ArrowRight' ? i + 1 : steps - i - 1;
        const before = await threadTime(cdp);
        await page.keyboard.press(key);
        // Wait for the measures of this step (taken once its frames are painted), so steps never overlap.
        measured++;
        graph ??= Boolean(await page.evaluate(`(${MEASURES_GRAPH})()`));
        await page.evaluate(`(${WAIT_FOR_MEASURES})(${measured}, ${graph})`);
        const after = await threadTime(cdp);
        const [toPaint, graphShown] = await page.evaluate(
          ({ index, names }) =>
            names.map((name) => performance.getEntriesByName(name, 'measure')[index]?.duration ?? Number.NaN),
          { index: measured - 1, names: [STEP_MEASURE, GRAPH_STEP_MEASURE] },
        );
        samples.push({
          label: `${from}→${to}`,
          toPaint: toPaint ?? Number.NaN,
          graph: graphShown ?? Number.NaN,
          work: minus(after, before),
        });
      }
    }
  }
  return samples;
}

/**
 * The main-thread CPU time this harness itself costs per step: the same CDP calls and polling around a key that does
 * nothing (Shift), on the same page. Subtract it from "main thread per step" for the app's own share.
 */
async function harnessCost(page: Page, cdp: CDPSession): Promise<number> {
  const costs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const before = await threadTime(cdp);
    await page.keyboard.press('Shift');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const after = await threadTime(cdp);
    await page.evaluate((name) => performance.getEntriesByName(name, 'measure').length, STEP_MEASURE);
    costs.push(after.task - before.task);
  }
  return percentile(costs, 50);
}

async function measure(
  browser: Browser,
  page: Page,
  cdp: CDPSession,
  baseUrl: string,
  id: string,
  mode: string,
): Promise<Figures> {
  await page.goto(`${baseUrl}/?scenario=${id}&mode=${mode}&step=0`);
  const position = page.getByTestId('timeline.position');
  const text = (await position.textContent()) ?? '';
  const steps = Number(/of (\d+)/.exec(text)?.[1] ?? 0);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  // Let the lazy views (graph) load and warm before the first step.
  await page.waitForTimeout(1500);
  await page.evaluate(
    (names) => {
      for (const name of names) performance.clearMeasures(name);
      const seen = window as unknown as { __longTasks: number[]; __keydowns: unknown[] };
      seen.__longTasks.length = 0;
      seen.__keydowns.length = 0;
    },
    [STEP_MEASURE, GRAPH_STEP_MEASURE],
  );
  const samples = await stepThrough(page, cdp, steps);
  // Event Timing entries are delivered after the paint: give the last one a moment.
  await page.waitForTimeout(200);
  const seen = await page.evaluate(() => {
    const found = window as unknown as {
      __longTasks: number[];
      __keydowns: { processing: number; duration: number }[];
    };
    return { longestTask: Math.max(0, ...found.__longTasks), keydowns: found.__keydowns };
  });
  const harness = await harnessCost(page, cdp);
  const traced = await traceTasks(browser, page, async () => {
    await stepThrough(page, cdp, steps, 1);
  });
  return {
    scenario: id,
    steps: samples,
    longestTask: seen.longestTask,
    slowKeydowns: seen.keydowns,
    harness,
    traced,
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function spread(values: readonly number[]): string {
  return `median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;
}

function report(figures: Figures): void {
  const { steps } = figures;
  const of = (pick: (sample: StepSample) => number) => steps.map(pick);
  const work = of((sample) => sample.work.task);
  const rest = of((s) => s.work.task - s.work.script - s.work.style - s.work.layout);
  console.log(`${figures.scenario}: ${steps.length} steps`);
  console.log(`  to paint (key → painted frame, incl. waiting for vsync): ${spread(of((s) => s.toPaint))}`);
  const graph = of((s) => s.graph).filter((value) => !Number.isNaN(value));
  if (graph.length > 0)
    console.log(`  graph shows the step (key → painted frame with the graph): ${spread(graph)}`);
  console.log(`  main thread per step (CPU time, CDP TaskDuration):         ${spread(work)}`);
  console.log(
    `    of which this harness's own calls, at most (median, a key that does nothing): ${ms(figures.harness)}`,
  );
  console.log(
    `    of which script ${ms(
      percentile(
        of((s) => s.work.script),
        50,
      ),
    )}, style ${ms(
      percentile(
        of((s) => s.work.style),
        50,
      ),
    )}, ` +
      `layout ${ms(
        percentile(
          of((s) => s.work.layout),
          50,
        ),
      )}, other (paint, compositing, browser) ${ms(percentile(rest, 50))} (medians)`,
  );
  const slow = figures.slowKeydowns;
  console.log(
    `  keydowns of 16 ms or more (Event Timing): ${slow.length} of ${steps.length}` +
      (slow.length > 0
        ? `; their processing ${spread(slow.map((k) => k.processing))}; key → next paint ${spread(slow.map((k) => k.duration))}`
        : ''),
  );
  console.log(`  longest main-thread task (> 50 ms; 0 = none): ${ms(figures.longestTask)}`);
  const { traced } = figures;
  console.log(
    `  longest main-thread task of a traced pass, by CPU time: ${ms(traced.cpu)} (wall ${ms(traced.wall)}); ` +
      `tasks over 50 ms of CPU: ${traced.over50}`,
  );
  const labels = [...new Set(steps.map((s) => s.label))];
  const byStep = labels.map((label) => {
    const these = steps.filter((s) => s.label === label);
    const paint = percentile(
      these.map((s) => s.toPaint),
      50,
    );
    const busy = percentile(
      these.map((s) => s.work.task),
      50,
    );
    return `${label} ${paint.toFixed(1)}/${busy.toFixed(1)}`;
  });
  console.log(`  median by step (to paint / main thread, ms): ${byStep.join(', ')}`);
}

async function main(): Promise<void> {
  const preview = await startPreview(PORT, process.env['PREVIEW_DIST']);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript({ content: WATCH_PAGE });
    const cdp = await page.context().newCDPSession(page);
    // Thread time (CPU time of the main thread), not wall time: other processes taking the cores do not count.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    for (const { id, mode } of SCENARIOS) report(await measure(browser, page, cdp, preview.url, id, mode));
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
