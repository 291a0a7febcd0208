// Rule ids as they appear in text ("S-9", "SC-S5", "Q-12"): one pattern for the app, the CLI and the docs.

/** Matches one rule id of the behavioural reference. */
export const RULE_ID = /\b(?:SC-(?:SDK|[SOL])\d+|(?:G|S|O|L|SDK|LIM|P|Q)-\d+)\b/g;

/** Rule ids a text mentions, in order. */
export function ruleIdsIn(text: string): string[] {
  return [...text.matchAll(RULE_ID)].map((match) => match[0]);
}

/** A text cut into plain runs and rule ids, so a view can turn each id into a button. */
export type RuleTextPart = { readonly text: string } | { readonly rule: string };

export function splitRuleIds(text: string): RuleTextPart[] {
  const parts: RuleTextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(RULE_ID)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ rule: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
