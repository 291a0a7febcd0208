// Gives each app (and each test) its own store and derivation cache; views reach them only through hooks.ts.
import { createContext, useState, type ReactNode } from 'react';
import { createAppStore, INITIAL_STATE, type AppActions, type AppState, type AppStore } from './appStore.ts';
import type { DatasetService } from './datasetService.ts';
import { createLazyDatasetService } from './lazyDatasetService.ts';
import { FIRST_SCENARIO } from '../scenarios/library/shelf.ts';
import { LIBRARY_CATALOGUE } from './catalogue.ts';
import { createDerivations, type Derivations } from './derivations.ts';

export interface StoreBundle {
  readonly store: AppStore;
  readonly derive: Derivations;
  /** The store's actions, taken once: zustand keeps action functions stable, so this object is too. */
  readonly actions: AppActions;
  /** The imported dataset's worker, started on first use. */
  readonly dataset: DatasetService;
}

export function createStoreBundle(initial: Partial<AppState> = {}): StoreBundle {
  const scenarioId = initial.scenarioId ?? INITIAL_STATE.scenarioId;
  const store = createAppStore({
    stepCount: LIBRARY_CATALOGUE.stepCount(scenarioId) ?? FIRST_SCENARIO.steps.length,
    ...initial,
  });
  return {
    store,
    derive: createDerivations(),
    actions: store.getState(),
    dataset: createLazyDatasetService(store),
  };
}

export const StoreContext = createContext<StoreBundle | null>(null);

export function StoreProvider({ initial, children }: { initial?: Partial<AppState>; children: ReactNode }) {
  const [bundle] = useState(() => createStoreBundle(initial));
  return <StoreContext.Provider value={bundle}>{children}</StoreContext.Provider>;
}
