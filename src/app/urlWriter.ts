// Writes the URL off the step's critical path and at a bounded rate: pushState is slow-ish, and Chromium throttles
// (with a console warning) a page that calls it more than about 200 times in 10 seconds, as a held arrow key would.
export type HistoryMethod = 'push' | 'replace';

/** The least time between two history writes. */
export const MIN_WRITE_INTERVAL_MS = 60;
/** How long a write waits, so it lands after the frame that shows the step rather than before it. */
export const WRITE_DELAY_MS = 40;

export interface UrlWriter {
  /** Asks for the current view to be written; writes within one interval merge, and a push wins over a replace. */
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
  let lastWrite = Number.NEGATIVE_INFINITY;
  const flush = () => {
    cancel?.();
    cancel = undefined;
    if (pending === undefined) return;
    const method = pending;
    pending = undefined;
    lastWrite = deps.now();
    deps.write(deps.search(), method);
  };
  return {
    request(method) {
      pending = pending === 'push' ? 'push' : method;
      if (cancel !== undefined) return;
      const wait = Math.max(WRITE_DELAY_MS, lastWrite + MIN_WRITE_INTERVAL_MS - deps.now());
      cancel = deps.schedule(flush, wait);
    },
    flush,
    discard() {
      cancel?.();
      cancel = undefined;
      pending = undefined;
    },
  };
}
