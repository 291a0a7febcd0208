// Whether identity events ($identify, $create_alias, $merge) are rows: the user's choice, else the scenario's.
import type { Scenario } from '../scenarios/types.ts';
import type { AppState } from './appStore.ts';

type ScenarioChoice = NonNullable<Scenario['view']>['identityEvents'];

/** identity events are shown by default; the seed flows hide them to match Mixpanel's guide row for row. */
export function showsIdentityEvents(
  choice: AppState['identityEvents'],
  scenarioChoice: ScenarioChoice,
): boolean {
  const resolved = choice === 'scenario' ? (scenarioChoice ?? 'shown') : choice;
  return resolved === 'shown';
}
