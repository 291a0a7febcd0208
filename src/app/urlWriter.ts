// Writes the URL off the step's critical path and at a bounded rate: pushState is slow-ish, and Chromium throttles
// (with a console warning) a page that calls it more than about 200 times in 10 seconds, as a held arrow key would.
export type HistoryMethod = 'push' | 'replace';

/**
 * A write waits until requests pause this long, so a burst of steps (a held key, quick presses) writes once, when it
 * settles: a history write cost 2.5–13 ms of the main thread per step on the 500-event scenario (Chromium's
 * same-document navigation, traced under a load average of 6–10), and it lands after the frames that show the step.
 * Writes are at least this far apart, well under Chromium's limit of about 200 in 10 seconds.
 */
export const WRITE_QUIET_MS = 120;
/** The longest a change waits when requests never pause (fast playback): the URL still follows every second. */
export const MAX_WRITE_WAIT_MS = 1000;

export interface UrlWriter {
  /** Asks for the current view to be written; requests until the pause merge, and a push wins over a replace. */
  request(method: HistoryMethod): void;
  /** Writes anything pending now. */
  flush(): void;
  /** Drops anything pending: after back/forward, the URL already names the view. */
  discard(): void;
}

export interface UrlWriterDeps {
  /** The query string of the view to write, read at write time so the latest state wins. */
  readonly search: () => string;
  readonly write: (search: string, method: HistoryMethod) => void;
  readonly now: () => number;
  readonly schedule: (run: () => void, delayMs: number) => () => void;
}

export function createUrlWriter(deps: UrlWriterDeps): UrlWriter {
  let pending: HistoryMethod | undefined;
  let cancel: (() => void) | undefined;
  /** When the oldest unwritten request came. */
  let firstPending = 0;
  const flush = () => {
    cancel?.();
    cancel = undefined;
    if (pending === undefined) return;
    const method = pending;
    pending = undefined;
    deps.write(deps.search(), method);
  };
  return {
    request(method) {
      const now = deps.now();
      if (pending === undefined) firstPending = now;
      pending = pending === 'push' ? 'push' : method;
      // Each request moves the write to the end of the pause it waits for, up to the longest wait.
      cancel?.();
      const due = Math.min(now + WRITE_QUIET_MS, firstPending + MAX_WRITE_WAIT_MS);
      cancel = deps.schedule(flush, Math.max(0, due - now));
    },
    flush,
    discard() {
      cancel?.();
      cancel = undefined;
      pending = undefined;
    },
  };
}
