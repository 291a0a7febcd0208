// What the URL reader needs to know about the scenario library: ids, step counts and default modes.
import { LIBRARY } from '../scenarios/library/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import type { LocationCatalogue } from './urlState.ts';

/** A catalogue over `scenarios`; the first one is the default. */
export function catalogueOf(scenarios: readonly Scenario[]): LocationCatalogue {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const first = scenarios[0];
  if (first === undefined) throw new Error('the scenario library is empty');
  return {
    defaultScenarioId: first.id,
    stepCount: (id) => byId.get(id)?.steps.length,
    defaultMode: (id) => byId.get(id)?.modes[0] ?? 'simplified',
  };
}

/** The built-in library's catalogue. */
export const LIBRARY_CATALOGUE: LocationCatalogue = catalogueOf(LIBRARY);
