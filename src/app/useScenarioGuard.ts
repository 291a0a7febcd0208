// A scenario the simulator refuses to play (e.g. under another SDK version) falls back to the default, with a notice.
import { useEffect } from 'react';
import { LIBRARY_CATALOGUE } from '../store/catalogue.ts';
import { useStoreApi } from '../store/hooks.ts';
import { playProblem } from '../store/playable.ts';

export function useScenarioGuard(): void {
  const { store, actions } = useStoreApi();
  useEffect(
    () =>
      // Runs inside the action that changed scenario or SDK version, before React renders the broken state.
      store.subscribe((state, previous) => {
        if (state.scenarioId === previous.scenarioId && state.sdkVersion === previous.sdkVersion) return;
        const problem = playProblem(state.scenarioId, state.sdkVersion);
        if (problem === undefined) return;
        const scenarioId = LIBRARY_CATALOGUE.defaultScenarioId;
        actions.setSdkVersion(undefined);
        actions.selectScenario(scenarioId, LIBRARY_CATALOGUE.stepCount(scenarioId) ?? 0);
        actions.addNotice(`${problem} Showing "${scenarioId}" instead.`);
      }),
    [store, actions],
  );
}
