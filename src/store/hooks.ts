// The named hooks views use to read state and reach actions; no view touches the store directly.
import { useContext } from 'react';
import type { EventLabel } from '../engine/index.ts';
import { useStore } from 'zustand';
import type { Scenario } from '../scenarios/types.ts';
import type { AppActions, AppState } from './appStore.ts';
import type { DatasetState } from './dataset.ts';
import type { DatasetService } from './datasetService.ts';
import type { EventRow, StepModel } from './derive.ts';
import type { Highlight } from './highlight.ts';
import type { Narrative } from './narrative.ts';
import { StoreContext, type StoreBundle } from './StoreProvider.tsx';

function useBundle(): StoreBundle {
  const bundle = useContext(StoreContext);
  if (bundle === null) throw new Error('hooks from src/store need a <StoreProvider> above them');
  return bundle;
}

/** A slice of the sources of truth. */
export function useAppState<T>(select: (state: AppState) => T): T {
  return useStore(useBundle().store, select);
}

/** The actions; a stable object, safe in effect dependencies. */
export function useActions(): AppActions {
  return useBundle().actions;
}

export function useScenario(): Scenario {
  const { store, derive } = useBundle();
  return useStore(store, derive.scenario);
}

/** The played scenario, its resolution and everything about the current step. */
export function useStepModel(): StepModel {
  const { store, derive } = useBundle();
  return useStore(store, derive.model);
}

/** The event table's rows at the current step. */
export function useEventRows(): readonly EventRow[] {
  const { store, derive } = useBundle();
  return useStore(store, derive.rows);
}

/** The ids (graph nodes) and records (table rows) the selection lights up, so table and graph agree. */
export function useHighlight(): Highlight {
  const { store, derive } = useBundle();
  return useStore(store, derive.highlight);
}

/** The current step's story, in the mode shown. */
export function useNarrative(): Narrative {
  const { store, derive } = useBundle();
  return useStore(store, derive.narrative);
}

/** A slice of the imported dataset's state. */
export function useDataset<T>(select: (dataset: DatasetState) => T): T {
  return useStore(useBundle().store, (state) => select(state.dataset));
}

/** Loads, re-resolves and asks the import worker; a stable object. */
export function useDatasetService(): DatasetService {
  return useBundle().dataset;
}

/** The store itself, for the app shell's URL and keyboard wiring only. */
export function useStoreApi(): StoreBundle {
  return useBundle();
}

/** Names events by the number the table shows them under ("#3"), for labels in other views. */
export function useEventLabel(): EventLabel {
  const { store, derive } = useBundle();
  return useStore(store, derive.eventLabel);
}
