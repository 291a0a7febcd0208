// Switching mode or an engine option while a file is loaded re-resolves it in the worker, so the answer on screen
// always belongs to the mode in the header.
import { useEffect } from 'react';
import { sameOptions } from '../engine/index.ts';
import type { AppState } from '../store/appStore.ts';
import { useStoreApi } from '../store/hooks.ts';

/** Whether the dataset's answer is for another mode or options than the header's, and no work is under way. */
export function needsResolve(state: AppState): boolean {
  const { summary, status } = state.dataset;
  if (summary === null || status !== 'idle') return false;
  return summary.mode !== state.mode || !sameOptions(summary.options, state.options);
}

export function useDatasetResolve(): void {
  const { store, dataset } = useStoreApi();
  useEffect(() => {
    const check = (state: AppState) => {
      if (needsResolve(state)) void dataset.resolve(state.mode, state.options);
    };
    check(store.getState());
    return store.subscribe(check);
  }, [store, dataset]);
}
