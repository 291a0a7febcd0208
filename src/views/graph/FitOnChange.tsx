// Refits the view when the set of drawn nodes or the pane's size changes: a controlled graph does not refit itself.
import {
  getViewportForBounds,
  useReactFlow,
  useStore,
  type FitViewOptions,
  type Viewport,
} from '@xyflow/react';
import { useEffect } from 'react';
import { inStepBurst } from '../shared/stepBurst.ts';

/** Waits for the new nodes to render and be measured, and lets a burst of steps settle into one refit. */
const SETTLE_MS = 80;

/** Clear of the zoom controls on the right and the attribution at the bottom; edge labels may overhang nodes. */
const FIT: FitViewOptions = {
  padding: { top: '16px', right: '72px', bottom: '24px', left: '32px' },
  maxZoom: 1.25,
  duration: 250,
};
const FIT_NOW: FitViewOptions = { ...FIT, duration: 0 };

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Whether two viewports show the same thing to the eye (under half a pixel of pan, 0.5 % of zoom). */
function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom / b.zoom - 1) < 0.005;
}

export function FitOnChange({ signature }: { signature: string }) {
  const { fitView, getNodes, getNodesBounds, getViewport } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const minZoom = useStore((state) => state.minZoom);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      // A refit that lands where the view already is would still repaint the graph on every frame of its glide.
      const bounds = getNodesBounds(getNodes());
      const target = getViewportForBounds(bounds, width, height, minZoom, FIT.maxZoom ?? 1, FIT.padding ?? 0);
      if (sameViewport(target, getViewport())) return;
      // In a burst of steps the refit jumps: a glide repaints the whole graph on every frame for 250 ms, and the next
      // step would restart it, so its frames would only compete with the steps' own.
      void fitView(prefersReducedMotion() || inStepBurst() ? FIT_NOW : FIT);
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [signature, width, height, minZoom, fitView, getNodes, getNodesBounds, getViewport]);
  return null;
}

export const INITIAL_FIT: FitViewOptions = FIT_NOW;
