// Refits the view when the set of drawn nodes or the pane's size changes: a controlled graph does not refit itself.
import { useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';
import { useEffect } from 'react';

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

export function FitOnChange({ signature }: { signature: string }) {
  const { fitView } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      void fitView(prefersReducedMotion() ? FIT_NOW : FIT);
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [signature, width, height, fitView]);
  return null;
}

export const INITIAL_FIT: FitViewOptions = FIT_NOW;
