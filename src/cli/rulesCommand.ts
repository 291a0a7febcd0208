// `idmerge rules [ID…]`: a rule in plain words with its public source, from the same catalogue the app opens.
import { RULES, ruleById, ruleIdsIn, type Rule } from '../rules/index.ts';
import type { CliStreams } from './io.ts';
import { parseFlags, UsageError } from './options.ts';

export const RULES_USAGE = `Usage: idmerge rules [ID…]

Prints each rule named (S-9, O-7, Q-5, SC-S3 …) in plain words, with the public page it comes from and, for an
open question, the assumption the lab makes and the flag that changes it. With no ID, lists every rule's id
and title. The same text is in docs/rules.md and behind every rule badge in the app.`;

/** One rule as text: id and title, statement, assumption and setting, sources. */
export function formatRule(rule: Rule): string {
  const lines = [`${rule.id}: ${rule.title}`, '', rule.statement.replace(/\*\*|`/g, ''), ''];
  if (rule.decision) {
    lines.push(`Assumption: ${rule.decision.assumption.replace(/`/g, '')}`);
    if (rule.decision.setting)
      lines.push(`Change it: ${rule.decision.setting.flag} (app: "${rule.decision.setting.label}")`);
    lines.push('');
  }
  lines.push(...rule.sources.map((source) => `Source: ${source.key} ${source.url}`));
  return lines.join('\n');
}

/** One line per rule a text cites, for the end of a report: "S-9 first link wins: https://…". */
export function citedRulesFooter(text: string): string {
  const ids = [...new Set(ruleIdsIn(text))];
  const lines = ids.flatMap((id) => {
    const rule = ruleById(id);
    return rule ? [`  ${id} ${rule.title}: ${rule.sources[0]?.url ?? ''}`] : [];
  });
  return lines.length === 0 ? '' : `Rules cited (idmerge rules ID for the full text):\n${lines.join('\n')}`;
}

/** Runs `idmerge rules [ID…]`; returns the exit code. */
export function runRules(argv: string[], streams: CliStreams): Promise<number> {
  const { values, positionals: ids } = parseFlags(argv, {
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    streams.stdout.write(RULES_USAGE + '\n');
    return Promise.resolve(0);
  }
  if (ids.length === 0) {
    streams.stdout.write(RULES.map((rule) => `${rule.id}\t${rule.title}`).join('\n') + '\n');
    return Promise.resolve(0);
  }
  const unknown = ids.filter((id) => ruleById(id) === undefined);
  if (unknown.length > 0) throw new UsageError(`no rule ${unknown.join(', ')} (idmerge rules lists them)`);
  const text = ids.map((id) => formatRule(ruleById(id) as Rule)).join('\n\n---\n\n');
  streams.stdout.write(text + '\n');
  return Promise.resolve(0);
}
