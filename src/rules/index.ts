// Public entry of the rule catalogue for the CLI, scripts and tests. The app loads catalogue.ts lazily.
export { RULES, ruleById } from './catalogue.ts';
export { examplesOf, type RuleExample } from './examples.ts';
export { RULE_ID, ruleIdsIn, splitRuleIds, type RuleTextPart } from './ruleIds.ts';
export type { Rule, RuleAssumption, RuleFamily, RuleSource } from './types.ts';
