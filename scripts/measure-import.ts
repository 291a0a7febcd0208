// Times importing big files in the built app, as a person would: choose the file, load it, wait for the summary.
// Reports the time from file chosen to summary shown, and the longest main-thread block (long task) meanwhile.
// The page is watched without making it work: the Load click and the summary are stamped in the page (a capture
// listener, a MutationObserver), and slow frames come from the Long Animation Frames API. Polling each animation
// frame (an rAF loop, Playwright's waits) made Chromium render ~60 frames a second through the whole load, ~1 s of
// main-thread time on a machine whose two cores the two workers already fill, and the load read ~0.5 s longer.
// Run after a build: node --import tsx scripts/measure-import.ts [events…]   (default: 100000 1000000; PW_PORT picks
// the preview port; PREVIEW_DIST serves another build, e.g. main's, for a before/after under the same load). The
// generated files are kept in the system's temp folder (idmerge-measure/), so repeated runs time the same bytes and
// skip writing a quarter gigabyte each time. `npm run measure:browser` builds, then runs this and measure-steps.ts.
// MEASURE_TRACE=<file.json> also records a Chromium trace of the last size's load and switches, with the V8 sampler
// on every thread (the workers included), for finding where an import's time goes.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeStream } from '../bench/generate.ts';
import { launchChromium, startPreview } from './browser.ts';

const PORT = Number(process.env['PW_PORT'] ?? 4177);
const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

interface Figures {
  readonly events: number;
  readonly megabytes: number;
  readonly previewMs: number;
  readonly loadMs: number;
  readonly totalMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** The longest animation frame of 50 ms or more (Long Animation Frames API), 0 when none. */
  readonly longestFrameMs: number;
  readonly longFrames: number;
  /** Re-resolving the loaded file under Original half a second after it shows, from the click to the new summary. */
  readonly switchMs: number;
  readonly switchLongestTaskMs: number;
  /** Switching to Legacy after the worker had as long as the load took to prepare the other modes in the background. */
  readonly settledSwitchMs: number;
  /** Switching back to Simplified, whose resolution the worker keeps. */
  readonly switchBackMs: number;
}

/**
 * Collects long tasks and long animation frames from page start, so nothing during the load is missed; neither asks
 * the page for a frame. A string, not a function: tsx would wrap a function's inner closures in a helper the page
 * does not have.
 */
const WATCH_MAIN_THREAD = `
  (() => {
    const seen = { tasks: [], frames: [], watching: false };
    window.__mainThread = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (seen.watching) seen.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (seen.watching) seen.frames.push(entry.duration);
    }).observe({ type: 'long-animation-frame' });
  })();
`;

interface MainThread {
  readonly tasks: number[];
  readonly frames: number[];
  watching: boolean;
}

/**
 * Arms the page to time the next click until the workspace shows the answer: the summary's text passes `pattern`
 * and the clusters list and the table's first rows are in the page. A capture listener stamps the click and a
 * MutationObserver the rest, so the wait polls nothing and costs the page nothing. Armed before the click; the
 * returned function waits for the time.
 */
async function armClickToSummary(page: Page, pattern: string): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    const matches = () => new RegExp(${JSON.stringify(pattern)}).test(
      document.querySelector('[data-testid="dataset.summary"]')?.textContent ?? '') &&
      document.querySelector('[data-testid="dataset.cluster"]') !== null &&
      document.querySelector('[data-testid="dataset.table"] tbody tr') !== null;
    const stamp = { clicked: 0 };
    stamp.shown = new Promise((resolve) => {
      const clicked = () => { if (stamp.clicked === 0) stamp.clicked = performance.now(); };
      document.addEventListener('click', clicked, { capture: true });
      new MutationObserver((_, observer) => {
        if (stamp.clicked === 0 || !matches()) return;
        observer.disconnect();
        document.removeEventListener('click', clicked, { capture: true });
        resolve(performance.now() - stamp.clicked);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    window.__clickToSummary = stamp;
  })()`);
  return () => withTimeout(page.evaluate<number>('window.__clickToSummary.shown'), WAIT_MS, pattern);
}

/** The longest a load or a switch is waited for before the run fails (page.evaluate itself never times out). */
const WAIT_MS = 300_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no summary matching ${what} after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Starts or reads the page's main-thread watch. */
async function watchedSoFar(page: Page, restart: boolean): Promise<{ tasks: number[]; frames: number[] }> {
  return page.evaluate((again) => {
    const seen = (window as unknown as { __mainThread: MainThread }).__mainThread;
    const so = { tasks: [...seen.tasks], frames: [...seen.frames] };
    if (again) {
      seen.tasks.length = 0;
      seen.frames.length = 0;
      seen.watching = true;
    }
    return so;
  }, restart);
}

async function measure(page: Page, url: string, path: string, events: number): Promise<Figures> {
  await page.goto(`${url}/?view=import`);
  await page.getByTestId('header.import').click();
  await watchedSoFar(page, true);
  const chosen = performance.now();
  await page.getByTestId('import.fileInput').setInputFiles(path);
  await page.getByTestId('import.load').waitFor();
  const previewed = performance.now();
  const loaded = await armClickToSummary(page, '^Simplified: [\\d,]+ clusters');
  await page.getByTestId('import.load').click();
  const loadMs = await loaded();
  // Let the workspace's first pages of rows arrive and render before reading the long tasks.
  await page.waitForTimeout(500);
  const main = await watchedSoFar(page, true);
  const switched = await switchMode(page, 'original');
  await page.waitForTimeout(loadMs);
  const settled = await switchMode(page, 'legacy');
  const back = await switchMode(page, 'simplified');
  return {
    switchMs: switched.switchMs,
    switchLongestTaskMs: Math.max(switched.longestTaskMs, settled.longestTaskMs, back.longestTaskMs),
    settledSwitchMs: settled.switchMs,
    switchBackMs: back.switchMs,
    events,
    megabytes: statSync(path).size / 2 ** 20,
    previewMs: previewed - chosen,
    loadMs,
    totalMs: previewed - chosen + loadMs,
    longestTaskMs: Math.max(0, ...main.tasks),
    longTasks: main.tasks.length,
    longestFrameMs: Math.max(0, ...main.frames),
    longFrames: main.frames.length,
  };
}

const MODE_NAMES = { simplified: 'Simplified', original: 'Original', legacy: 'Legacy' } as const;

/** Switches the header to `mode` and times the worker's answer, watching the main thread again. */
async function switchMode(
  page: Page,
  mode: keyof typeof MODE_NAMES,
): Promise<{ switchMs: number; longestTaskMs: number }> {
  await watchedSoFar(page, true);
  const shown = await armClickToSummary(page, `^${MODE_NAMES[mode]}: [\\d,]+ clusters`);
  await page.getByTestId(`header.mode.${mode}`).check();
  const switchMs = await shown();
  const { tasks } = await watchedSoFar(page, false);
  return { switchMs, longestTaskMs: Math.max(0, ...tasks) };
}

/** The seeded stream of `events` events in `dir`, written once (under another name first, so a cut run leaves none). */
async function streamFile(dir: string, events: number): Promise<string> {
  const path = join(dir, `events-${events}-seed42.ndjson`);
  if (existsSync(path)) return path;
  const shape = { events, users: Math.round(events / 10), devices: Math.round(events / 5), seed: 42 };
  await writeStream(`${path}.part`, shape);
  renameSync(`${path}.part`, path);
  return path;
}

/** Tasks per thread with their CPU time, and the V8 sampler's stacks (every thread: the workers are the point). */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

async function main(): Promise<void> {
  const sizes = SIZES.length > 0 ? SIZES : [100_000, 1_000_000];
  const dir = join(tmpdir(), 'idmerge-measure');
  mkdirSync(dir, { recursive: true });
  const preview = await startPreview(PORT, process.env['PREVIEW_DIST']);
  const browser = await launchChromium();
  const results: Figures[] = [];
  try {
    for (const events of sizes) {
      const path = await streamFile(dir, events);
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await page.addInitScript({ content: WATCH_MAIN_THREAD });
      const trace = process.env['MEASURE_TRACE'];
      if (trace !== undefined) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      results.push(await measure(page, preview.url, path, events));
      if (trace !== undefined) writeFileSync(trace, await browser.stopTracing());
      await page.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  console.table(
    results.map((r) => ({
      events: r.events.toLocaleString('en-US'),
      'file (MB)': r.megabytes.toFixed(0),
      'chosen → preview (s)': (r.previewMs / 1000).toFixed(2),
      'load → summary (s)': (r.loadMs / 1000).toFixed(2),
      'chosen → summary (s)': (r.totalMs / 1000).toFixed(2),
      'longest long task (ms)': r.longestTaskMs.toFixed(0),
      'long tasks': r.longTasks,
      'longest animation frame ≥ 50 ms (ms)': r.longestFrameMs.toFixed(0),
      'long frames': r.longFrames,
      'switch to Original at once (s)': (r.switchMs / 1000).toFixed(2),
      'switch to Legacy, settled (s)': (r.settledSwitchMs / 1000).toFixed(3),
      'switch back to Simplified (s)': (r.switchBackMs / 1000).toFixed(3),
      'longest long task, switches (ms)': r.switchLongestTaskMs.toFixed(0),
    })),
  );
}

await main();
