// A view (or a view's rarely shown part) loaded when first shown rather than with the page (issue #14: initial
// JavaScript ≤ 150 kB gzip). app/lazyViews.tsx lists the app's; a view may make its own part lazy the same way.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/** Loaders of every lazy view, each run at most once (see warmLazyViews). */
const loaders: Array<() => Promise<unknown>> = [];

/** How a lazy view waits for its code. */
export interface LazyViewOptions {
  /**
   * Show nothing until it arrives: for a view that draws nothing until opened (a closed dialog), whose "is loading"
   * words would otherwise stand on the page for a moment at every first visit.
   */
  readonly silent?: boolean;
}

/**
 * A view whose code loads on first render, or earlier when the page is idle (warmLazyViews); until it arrives its
 * place says, in words, which view is loading (unless `silent`).
 */
export function lazyView<Props extends object>(
  name: string,
  load: () => Promise<ComponentType<Props>>,
  options: LazyViewOptions = {},
): ComponentType<Props> {
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  // A chunk that failed to arrive (offline, a deploy that renamed it) is asked for again next time, not forever failed.
  const once = () =>
    (loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  loaders.push(once);
  const View = lazy(once);
  function LazyView(props: Props): ReactNode {
    return (
      <Suspense
        fallback={
          options.silent === true ? null : (
            <p className="view-loading" aria-busy="true">
              {name} is loading…
            </p>
          )
        }
      >
        <View {...props} />
      </Suspense>
    );
  }
  LazyView.displayName = `Lazy(${name})`;
  return LazyView;
}

/** Adds a load (a view's data, say) to what warmLazyViews runs when the page is idle, after the views before it. */
export function warmWhenIdle(load: () => Promise<unknown>): void {
  loaders.push(load);
}

/**
 * Fetches and evaluates every lazy view's code once the first screen is up and the page is idle, one view per idle
 * period: the first visit's download stays small, and evaluating a big chunk (React Flow) never lands in the
 * middle of what the user is doing (a file import measures its main thread, issue #14).
 */
export function warmLazyViews(): void {
  const pending = [...loaders];
  const next = () => {
    const load = pending.shift();
    if (load === undefined) return;
    // Warming is best effort: a chunk that fails now is loaded (or its error shown) when the view is first shown.
    load().then(
      () => whenIdle(next),
      () => whenIdle(next),
    );
  };
  whenIdle(next);
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
