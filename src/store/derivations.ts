// One memoized chain of derivations per store: played scenario → resolution → step model → table rows.
import { findScenario, LIBRARY } from '../scenarios/library/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import type { AppState } from './appStore.ts';
import {
  eventRows,
  playScenarioMemo,
  resolvePlayed,
  stepModel,
  type EventRow,
  type StepModel,
} from './derive.ts';
import { memoizeLast } from './memo.ts';

export interface Derivations {
  readonly scenario: (state: AppState) => Scenario;
  readonly model: (state: AppState) => StepModel;
  readonly rows: (state: AppState) => readonly EventRow[];
}

/** The scenario a state names; the first library scenario if the id is unknown (the URL reader reports that). */
export function scenarioOf(scenarioId: string): Scenario {
  const scenario = findScenario(scenarioId) ?? LIBRARY[0];
  if (scenario === undefined) throw new Error('the scenario library is empty');
  return scenario;
}

export function createDerivations(): Derivations {
  const played = memoizeLast(playScenarioMemo);
  const resolution = memoizeLast(resolvePlayed);
  const model = memoizeLast(stepModel);
  const rows = memoizeLast(eventRows);
  const scenario = (state: AppState) => scenarioOf(state.scenarioId);
  const modelOf = (state: AppState) => {
    const playedScenario = played(scenario(state), state.sdkVersion);
    return model(playedScenario, resolution(playedScenario, state.mode, state.options), state.cursor);
  };
  return { scenario, model: modelOf, rows: (state) => rows(modelOf(state)) };
}
