// Which library scenario shows a rule: the scenarios that list it, then those whose step notes cite it.
import type { Scenario } from '../scenarios/types.ts';
import { ruleIdsIn } from './ruleIds.ts';

/** A scenario that shows a rule, and the first step (1-based) whose note cites it, when one does. */
export interface RuleExample {
  readonly scenarioId: string;
  readonly title: string;
  readonly mode: Scenario['modes'][number];
  readonly step?: number;
}

function noteStep(scenario: Scenario, ruleId: string): number | undefined {
  const index = scenario.steps.findIndex((step) => ruleIdsIn(step.note ?? '').includes(ruleId));
  return index < 0 ? undefined : index + 1;
}

/** Library scenarios that show `ruleId`, best first: listed in `rules` with a note citing it, listed, cited. */
export function examplesOf(ruleId: string, library: readonly Scenario[]): RuleExample[] {
  const ranked = library.flatMap((scenario) => {
    const listed = scenario.rules?.includes(ruleId) ?? false;
    const step = noteStep(scenario, ruleId);
    const lessonCites = ruleIdsIn(scenario.lesson ?? '').includes(ruleId);
    if (!listed && step === undefined && !lessonCites) return [];
    const rank = (listed ? 0 : 2) + (step === undefined ? 1 : 0);
    const example: RuleExample = {
      scenarioId: scenario.id,
      title: scenario.title,
      mode: scenario.modes[0] ?? 'simplified',
      ...(step === undefined ? {} : { step }),
    };
    return [{ rank, example }];
  });
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.example);
}
