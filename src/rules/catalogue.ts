// The rule catalogue: every rule of the behavioural reference, generated into catalogue.json by `npm run rules`.
import catalogue from './catalogue.json' with { type: 'json' };
import type { Rule } from './types.ts';

/** Every rule, in the spec's order (G, S, O, L, SDK, LIM, P, scenarios SC, open questions Q). */
export const RULES: readonly Rule[] = catalogue.rules as readonly Rule[];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, if the catalogue has it. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
