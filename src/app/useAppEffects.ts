// Everything the page does around the views: URL, theme, keys, playback, timing, the scenario guard, and the
// imported dataset's re-resolves and drops.
import { useDatasetResolve } from './useDatasetResolve.ts';
import { useFileDrop } from './useFileDrop.ts';
import { usePlayback } from './usePlayback.ts';
import { useKeyboardStepping } from './useKeyboardStepping.ts';
import { useScenarioGuard } from './useScenarioGuard.ts';
import { useSelectionShowsWhy } from './useSelectionShowsWhy.ts';
import { useStepBurst } from './useStepBurst.ts';
import { useStepTiming } from './useStepTiming.ts';
import { useThemeSync } from './useThemeSync.ts';
import { useUrlSync } from './useUrlSync.ts';

export function useAppEffects(): void {
  // The guard subscribes first, so it repairs a state before the others react to it.
  useScenarioGuard();
  useUrlSync();
  useThemeSync();
  useKeyboardStepping();
  usePlayback();
  useStepBurst();
  useStepTiming();
  useSelectionShowsWhy();
  useDatasetResolve();
  useFileDrop();
}
