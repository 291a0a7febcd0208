// Test support: the store's rows for a library scenario at a step, played and resolved as the app does.
import type { Mode } from '../../../engine/index.ts';
import { findScenario } from '../../../scenarios/library/index.ts';
import { eventRows, playScenarioMemo, resolvePlayed, stepModel } from '../../../store/derive.ts';

export function playedRows(scenarioId: string, cursor = Infinity, mode?: Mode) {
  const scenario = findScenario(scenarioId);
  if (scenario === undefined) throw new Error(`no library scenario "${scenarioId}"`);
  const played = playScenarioMemo(scenario, undefined);
  const chosen = mode ?? scenario.modes[0] ?? 'simplified';
  const model = stepModel(played, resolvePlayed(played, chosen, {}), Math.min(cursor, played.steps.length));
  return { model, rows: eventRows(model), played, mode: chosen };
}
