// Searching the scenario library for the picker: every word must match the title, lesson, id, group or rules.
import { SCENARIO_GROUPS, type Scenario, type ScenarioGroup } from '../scenarios/types.ts';

/** What the search reads of a scenario: a library entry, with its lesson once its body has loaded. */
export type Searchable = Pick<Scenario, 'id' | 'title' | 'lesson' | 'group' | 'rules'>;

export interface ScenarioGroupMatch<S extends Searchable = Searchable> {
  readonly group: ScenarioGroup;
  readonly scenarios: readonly S[];
}

function haystack(scenario: Searchable): string {
  return [scenario.title, scenario.lesson, scenario.id, scenario.group, ...(scenario.rules ?? [])]
    .join(' ')
    .toLowerCase();
}

/** The scenarios matching `query`, grouped in picker order; empty groups are left out. */
export function searchScenarios<S extends Searchable>(
  scenarios: readonly S[],
  query: string,
): ScenarioGroupMatch<S>[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = scenarios.filter((scenario) => {
    const text = haystack(scenario);
    return words.every((word) => text.includes(word));
  });
  return SCENARIO_GROUPS.map((group) => ({
    group,
    scenarios: matches.filter((scenario) => scenario.group === group),
  })).filter((match) => match.scenarios.length > 0);
}
