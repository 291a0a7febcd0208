// Compares the first visit's paint in two builds of the app, taking turns page by page so both see the same load:
// for each URL, the time from navigation to the first contentful paint, and to the first frame that shows the
// scenario (its timeline position drawn, then painted: two animation frames after it appears). Each visit is a
// fresh browser context (empty cache), as a first visit is.
//   node --import tsx scripts/compare-first-paint.ts DIST_A DIST_B   (e.g. main built with `vite build --outDir /tmp/a`)
// Env: PAINT_ROUNDS (visits per build and URL, default 15), LATENCY_MS (added to every request through Chromium's
// network emulation, default 0: a served page on a slow link pays a round trip per chunk it waits for),
// DOWNLOAD_KBPS (the link's download speed in kilobytes a second, default unlimited; "Fast 3G" is about 180 with
// LATENCY_MS=150), PW_PORT.
import type { Browser } from '@playwright/test';
import { launchChromium, startPreview, type Preview } from './browser.ts';
import { percentile } from './mainThread.ts';

const ROUNDS = Number(process.env['PAINT_ROUNDS'] ?? 15);
const LATENCY_MS = Number(process.env['LATENCY_MS'] ?? 0);
const DOWNLOAD_KBPS = Number(process.env['DOWNLOAD_KBPS'] ?? -1);
const BASE_PORT = Number(process.env['PW_PORT'] ?? 4381);
/** The default scenario (shipped with the page), and another one named by the URL. */
const URLS = ['/', '/?scenario=returning-user&mode=simplified&step=5'];

interface Visit {
  readonly contentful: number;
  readonly scenario: number;
}

/**
 * Records, in the page, when the timeline position first shows and the frame after it is painted. A string: tsx
 * would wrap a function's inner functions in a helper the page does not have.
 */
const WATCH_SCENARIO_PAINT = `
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="timeline.position"]') === null) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.scenarioPaint = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
`;

async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (LATENCY_MS > 0 || DOWNLOAD_KBPS > 0) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: DOWNLOAD_KBPS > 0 ? DOWNLOAD_KBPS * 1000 : -1,
      uploadThroughput: -1,
    });
  }
  await page.addInitScript(WATCH_SCENARIO_PAINT);
  await page.goto(url);
  await page.waitForFunction(() => 'scenarioPaint' in window);
  const times = await page.evaluate(() => ({
    contentful: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    scenario: (window as unknown as { scenarioPaint: number }).scenarioPaint,
  }));
  await context.close();
  return times;
}

function spread(values: readonly number[]): string {
  const measured = values.filter((value) => Number.isFinite(value));
  const [q1, median, q3] = [25, 50, 75].map((p) => percentile(measured, p).toFixed(0));
  const missing = values.length - measured.length;
  return `${median} ms (${q1}–${q3})${missing > 0 ? `, ${missing} not reported` : ''}`;
}

async function main(): Promise<void> {
  const dists = process.argv.slice(2);
  if (dists.length !== 2) throw new Error('usage: compare-first-paint.ts DIST_A DIST_B');
  const previews: Preview[] = [];
  const browser = await launchChromium();
  try {
    for (const [index, dist] of dists.entries()) previews.push(await startPreview(BASE_PORT + index, dist));
    const visits = new Map<string, Visit[]>();
    for (let round = 0; round < ROUNDS; round++)
      for (const url of URLS)
        for (const [index, preview] of previews.entries()) {
          const key = `${dists[index]} ${url}`;
          visits.set(key, [...(visits.get(key) ?? []), await visit(browser, preview.url + url)]);
        }
    const link = `latency ${LATENCY_MS} ms, download ${DOWNLOAD_KBPS > 0 ? `${DOWNLOAD_KBPS} kB/s` : 'unlimited'}`;
    console.log(`${ROUNDS} first visits per build and URL, ${link}; median (quartiles)`);
    for (const [key, list] of visits)
      console.log(
        `${key}\n  first contentful paint ${spread(list.map((v) => v.contentful))}; scenario painted ${spread(list.map((v) => v.scenario))}`,
      );
  } finally {
    await browser.close();
    for (const preview of previews) preview.stop();
  }
}

await main();
