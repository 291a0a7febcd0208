// The editor's document: the scenario and its source text, with undo/redo (zundo) shared by the form and the source
// view. A form edit sets both; a source edit sets the text, and the scenario only when the text is a valid one, so
// a broken text shows its problems while the app keeps the last good scenario.
import { temporal } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../../scenarios/types.ts';
import { parseScenarioText, type ParsedScenario } from '../../scenarios/validate.ts';

export interface DocumentState {
  /** The last valid scenario. */
  readonly scenario: Scenario;
  /** The source text; equals the scenario's pretty JSON after a form edit. */
  readonly text: string;
}

type Temporal = StoreApi<{
  undo: () => void;
  redo: () => void;
  pastStates: unknown[];
  futureStates: unknown[];
}>;
export type ScenarioDocument = StoreApi<DocumentState> & { readonly temporal: Temporal };

/** The source text of a scenario: two-space JSON, the form `idmerge simulate` reads. */
export function sourceOf(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** How many versions undo keeps. */
export const UNDO_LIMIT = 200;

export function createDocument(scenario: Scenario): ScenarioDocument {
  return createStore<DocumentState>()(
    temporal(() => ({ scenario, text: sourceOf(scenario) }), {
      limit: UNDO_LIMIT,
      equality: (a, b) => a.text === b.text && a.scenario === b.scenario,
    }),
  );
}

/** Applies a form operation. */
export function editScenario(document: ScenarioDocument, change: (scenario: Scenario) => Scenario): void {
  const scenario = change(document.getState().scenario);
  if (scenario === document.getState().scenario) return;
  document.setState({ scenario, text: sourceOf(scenario) });
}

/** Replaces the whole scenario (a new start point): one undoable step. */
export function replaceScenario(document: ScenarioDocument, scenario: Scenario): void {
  document.setState({ scenario, text: sourceOf(scenario) });
}

/** Applies a source edit; returns the parse so the caller can show its problems. */
export function editText(document: ScenarioDocument, text: string): ParsedScenario {
  const parsed = parseScenarioText(text);
  if (text === document.getState().text) return parsed;
  document.setState(parsed.ok ? { text, scenario: parsed.scenario } : { text });
  return parsed;
}
