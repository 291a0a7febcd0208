// Times an edit in the scenario editor to the updated table, on a 500-step scenario (#12, aim < 100 ms): the page
// clicks "Add step" and waits, inside the page, for the timeline to say the new step count and the table to show
// the new event. Run after a build: node --import tsx scripts/measure-edit.ts   (PW_PORT picks the preview port)
// With --profile FILE it also records a Chromium CPU profile of the edits into FILE and prints the functions with
// the most self time (build with `npx vite build --minify false` first to read the names).
import { encodeScenarioLink } from '../src/scenarios/link.ts';
import type { Scenario, ScenarioStep } from '../src/scenarios/types.ts';
import { writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';
import { launchChromium, startPreview } from './browser.ts';

const PORT = Number(process.env['PW_PORT'] ?? 4177);
const STEPS = 500;
const EDITS = 15;
const profileAt = process.argv.indexOf('--profile');
const PROFILE_FILE = profileAt < 0 ? undefined : process.argv[profileAt + 1];

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The functions with the most self time in a CPU profile, as "ms  name  file:line" lines. */
function topSelfTime(profile: CpuProfile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (frame === undefined) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

/** The renderer's cumulative main-thread work, in seconds (CDP Performance.getMetrics). */
async function mainThreadWork(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    TaskDuration: value('TaskDuration'),
    ScriptDuration: value('ScriptDuration'),
    LayoutDuration: value('LayoutDuration'),
    RecalcStyleDuration: value('RecalcStyleDuration'),
  };
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

async function stopProfile(cdp: CDPSession): Promise<void> {
  if (PROFILE_FILE === undefined) return;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  writeFileSync(PROFILE_FILE, JSON.stringify(profile));
  console.log(`CPU profile: ${PROFILE_FILE}; most self time:`);
  for (const line of topSelfTime(profile, 30)) console.log(line);
}

/** 500 steps on three devices: page views, logins, logouts, so every mode has links to follow. */
function bigScenario(): Scenario {
  const steps: ScenarioStep[] = [];
  for (let i = 0; i < STEPS; i++) {
    const device = ['A', 'B', 'C'][i % 3] ?? 'A';
    const call = i % 10 === 3 ? 'identify' : i % 10 === 7 ? 'reset' : 'track';
    const args = call === 'identify' ? [`user-${i % 40}`] : call === 'track' ? ['Page View'] : [];
    steps.push(args.length === 0 ? { device, call } : { device, call, args });
  }
  return {
    id: 'five-hundred-steps',
    title: 'Five hundred steps',
    modes: ['simplified', 'original', 'legacy'],
    devices: [
      { id: 'A', label: 'Laptop', kind: 'web' },
      { id: 'B', label: 'Phone', kind: 'ios' },
      { id: 'C', label: 'Tablet', kind: 'android' },
    ],
    steps,
  };
}

/** In the page: click Add step, resolve when the position reads the new count; returns milliseconds. */
const TIME_ONE_EDIT = `(async (expected) => {
  const position = document.querySelector('[data-testid="timeline.position"]');
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add step');
  const start = performance.now();
  button.click();
  await new Promise((resolve) => {
    const check = () => (position.textContent.includes('of ' + expected) ? resolve() : requestAnimationFrame(check));
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - start;
})`;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

async function main(): Promise<void> {
  const preview = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scenario = bigScenario();
    const payload = encodeScenarioLink(scenario);
    // The user's own draft (as after a reload): the link opens straight into the editor.
    const entry = JSON.stringify([{ key: 'bench', title: scenario.title, payload, savedAt: 0 }]);
    await page.addInitScript(`localStorage.setItem('idmerge.myScenarios.v1', ${JSON.stringify(entry)})`);
    await page.goto(`http://localhost:${PORT}/?play=${payload}&mode=simplified&step=${STEPS}`);
    await page.getByRole('button', { name: 'Add step', exact: true }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await mainThreadWork(cdp);
    if (PROFILE_FILE !== undefined) await startProfile(cdp);
    const samples: number[] = [];
    for (let i = 1; i <= EDITS; i++) {
      samples.push(await page.evaluate<number>(`${TIME_ONE_EDIT}(${STEPS + i})`));
    }
    const after = await mainThreadWork(cdp);
    await stopProfile(cdp);
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`payload: ${payload.length} characters for ${STEPS} steps`);
    console.log(
      `edit → updated table (Add step, ${STEPS}→${STEPS + EDITS} steps, ${EDITS} edits): median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
    );
    const perEdit = (key: keyof typeof after) => (((after[key] - before[key]) * 1000) / EDITS).toFixed(1);
    // Less sensitive to a loaded machine than the wall clock above (the renderer's own accounting of its tasks).
    console.log(
      `main-thread work per edit: ${perEdit('TaskDuration')} ms (script ${perEdit('ScriptDuration')}, layout ${perEdit('LayoutDuration')}, style ${perEdit('RecalcStyleDuration')})`,
    );
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
