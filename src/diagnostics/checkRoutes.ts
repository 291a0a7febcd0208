// Which checks see which events: each check's scope, sorted once, so a record calls only the checks it concerns.
import type { Check, CheckScope, Observation } from './check.ts';
import type { RecordObservation } from './observation.ts';

/** The checks of one run grouped by scope (issue #14: most events concern half of them). */
export class CheckRoutes {
  private readonly byScope: Record<CheckScope, Check[]> = {
    'every-event': [],
    rejected: [],
    'non-attributable': [],
    'identity-event': [],
    refused: [],
    linking: [],
  };

  constructor(checks: readonly Check[]) {
    for (const check of checks) this.byScope[check.scope ?? 'every-event'].push(check);
  }

  /** Calls observe() of every check whose scope takes the observed record. */
  observe(observation: RecordObservation): void {
    const scopes = this.byScope;
    observeAll(scopes['every-event'], observation);
    const { status } = observation.outcome;
    if (status === 'rejected') observeAll(scopes.rejected, observation);
    else if (status === 'non-attributable') observeAll(scopes['non-attributable'], observation);
    if (observation.facts.isIdentityEvent) observeAll(scopes['identity-event'], observation);
    if (observation.refused) observeAll(scopes.refused, observation);
    if (observation.linking) observeAll(scopes.linking, observation);
  }
}

function observeAll(checks: readonly Check[], observation: Observation): void {
  for (const check of checks) check.observe(observation);
}
