// Which history entry a state change makes: back and forward should walk through what the user did, not every tick.
import type { AppState } from '../store/appStore.ts';

type Located = Pick<AppState, 'scenarioId' | 'mode' | 'cursor' | 'playing'>;

/** A new entry for a new scenario, mode or step; a replacement for steps taken while playing; none otherwise. */
export function historyMethodFor(state: Located, previous: Located): 'push' | 'replace' | 'none' {
  const scenarioOrMode = state.scenarioId !== previous.scenarioId || state.mode !== previous.mode;
  if (scenarioOrMode) return 'push';
  if (state.cursor === previous.cursor) return 'none';
  return state.playing ? 'replace' : 'push';
}
