// The longest main-thread task of a traced pass, in CPU time as well as wall time. The Long Tasks API reports wall
// time only: on a machine whose cores other processes share, a task the scheduler preempts reads long without being
// long, so "no task over 50 ms" cannot be judged from it under load. Chromium's trace gives each task's thread time.
import type { Browser, Page } from '@playwright/test';

/** The renderer main thread's longest task of a pass, by CPU time. */
export interface TracedTasks {
  /** Its thread (CPU) time, ms. */
  readonly cpu: number;
  /** Its wall time, ms (includes any time it was preempted). */
  readonly wall: number;
  /** Tasks of more than 50 ms of CPU time. */
  readonly over50: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Runs `pass` under a Chromium trace (task and timeline categories) and reads its main thread's tasks. */
export async function traceTasks(
  browser: Browser,
  page: Page,
  pass: () => Promise<void>,
): Promise<TracedTasks> {
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await pass();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const main = traceEvents.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const tasks = traceEvents.filter(
    (event) =>
      event.pid === main?.pid &&
      event.tid === main.tid &&
      event.ph === 'X' &&
      (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask'),
  );
  const cpu = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;
  const longest = tasks.reduce<TraceEvent | undefined>(
    (best, event) => (best === undefined || cpu(event) > cpu(best) ? event : best),
    undefined,
  );
  return {
    cpu: longest === undefined ? 0 : cpu(longest),
    wall: (longest?.dur ?? 0) / 1000,
    over50: tasks.filter((event) => cpu(event) > 50).length,
  };
}
