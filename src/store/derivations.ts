// One memoized chain of derivations per store: played scenario → resolution → step model → table rows.
import { FIRST_SCENARIO, libraryEntry, shelvedScenario } from '../scenarios/library/shelf.ts';
import type { EventLabel } from '../engine/index.ts';
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
import { eventLabelFor, explainSelection, type Explanation } from './explanation.ts';
import { highlightFor, type Highlight } from './highlight.ts';
import { showsIdentityEvents } from './identityEvents.ts';
import { createRowKeeper } from './keepRows.ts';
import { memoizeLast } from './memo.ts';
import { narrate, type Narrative } from './narrative.ts';

export interface Derivations {
  readonly scenario: (state: AppState) => Scenario;
  readonly model: (state: AppState) => StepModel;
  readonly rows: (state: AppState) => readonly EventRow[];
  /** What the selection lights up in the table and the graph. */
  readonly highlight: (state: AppState) => Highlight;
  /** What the explanation panel says about the selection; null when nothing is selected. */
  readonly explanation: (state: AppState) => Explanation | null;
  /** How events are named ("#3"): by the number the table shows them under. */
  readonly eventLabel: (state: AppState) => EventLabel;
  /** The current step's story in the mode shown (#17). */
  readonly narrative: (state: AppState) => Narrative;
}

/**
 * The scenario a state names; the first library scenario if the id is unknown (the URL reader reports that). A
 * library scenario's body loads before the store names it (openLibraryScenario, scenarioReadyFor), so one that
 * has not is a bug, said as such rather than shown as another scenario.
 */
export function scenarioOf(scenarioId: string): Scenario {
  const scenario = shelvedScenario(scenarioId);
  if (scenario !== undefined) return scenario;
  if (libraryEntry(scenarioId) === undefined) return FIRST_SCENARIO;
  throw new Error(`scenario "${scenarioId}" is named before its body has loaded`);
}

export function createDerivations(): Derivations {
  const played = memoizeLast(playScenarioMemo);
  const resolution = memoizeLast(resolvePlayed);
  const model = memoizeLast(stepModel);
  // A step rewrites a few rows of hundreds: the others stay the objects the views already projected and drew.
  const keepRows = createRowKeeper();
  const rows = memoizeLast((stepAt: StepModel, showIdentityEvents: boolean) =>
    keepRows(eventRows(stepAt, showIdentityEvents)),
  );
  const scenario = (state: AppState) => state.custom?.scenario ?? scenarioOf(state.scenarioId);
  const modelOf = (state: AppState) => {
    const playedScenario = played(scenario(state), state.sdkVersion);
    return model(playedScenario, resolution(playedScenario, state.mode, state.options), state.cursor);
  };
  const rowsOf = (state: AppState) =>
    rows(modelOf(state), showsIdentityEvents(state.identityEvents, scenario(state).view?.identityEvents));
  const highlight = memoizeLast(highlightFor);
  const explanation = memoizeLast(explainSelection);
  const eventLabel = memoizeLast(eventLabelFor);
  // The mode the scenario was written for, resolved too, so a story told in another mode can say what differs.
  const writtenResolution = memoizeLast(resolvePlayed);
  const writtenModel = memoizeLast(stepModel);
  const writtenModelOf = (state: AppState) => {
    const chosen = scenario(state);
    const writtenMode = chosen.modes[0];
    if (writtenMode === undefined || chosen.modes.includes(state.mode)) return undefined;
    const playedScenario = played(chosen, state.sdkVersion);
    return writtenModel(
      playedScenario,
      writtenResolution(playedScenario, writtenMode, state.options),
      state.cursor,
    );
  };
  const narrative = memoizeLast(narrate);
  return {
    scenario,
    model: modelOf,
    rows: rowsOf,
    highlight: (state) => highlight(modelOf(state), rowsOf(state), state.selection),
    explanation: (state) => explanation(modelOf(state), rowsOf(state), state.selection),
    eventLabel: (state) => eventLabel(rowsOf(state)),
    narrative: (state) => narrative(scenario(state), modelOf(state), writtenModelOf(state), rowsOf(state)),
  };
}
