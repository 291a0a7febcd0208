// The renderer main thread's CPU time, read from Chromium's own counters: shared by the step measuring scripts.
import type { CDPSession } from '@playwright/test';

/** Chromium's main-thread counters, in ms (thread time: other processes on the same cores do not inflate it). */
export interface ThreadTime {
  readonly task: number;
  readonly script: number;
  readonly style: number;
  readonly layout: number;
}

/** The counters now; the page's CDP session must have `Performance.enable`d with `timeDomain: 'threadTicks'`. */
export async function threadTime(cdp: CDPSession): Promise<ThreadTime> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => 1000 * (metrics.find((metric) => metric.name === name)?.value ?? 0);
  return {
    task: value('TaskDuration'),
    script: value('ScriptDuration'),
    style: value('RecalcStyleDuration'),
    layout: value('LayoutDuration'),
  };
}

/** What was spent between two readings. */
export function minus(after: ThreadTime, before: ThreadTime): ThreadTime {
  return {
    task: after.task - before.task,
    script: after.script - before.script,
    style: after.style - before.style,
    layout: after.layout - before.layout,
  };
}

/** The p-th percentile (nearest rank) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
