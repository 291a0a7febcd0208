// Reads the behavioural reference (docs/spec/mixpanel-id-merge.md) and DECISIONS.md into the rule catalogue.
// Run by scripts/rules.ts to write src/rules/catalogue.json; a test checks the written file is current.
import { ruleIdsIn } from './ruleIds.ts';
import { readSources } from './sources.ts';
import type { Rule, RuleAssumption, RuleFamily, RuleSource } from './types.ts';

/** Where each open question can be changed: the settings label in the app and the `idmerge` flag (DECISIONS.md). */
export const QUESTION_SETTINGS: Readonly<Record<string, { label: string; flag: string }>> = {
  'Q-1': { label: 'Simplified link order', flag: '--link-order' },
  'Q-2': { label: 'Cluster limit', flag: '--cluster-limit' },
  'Q-3': { label: 'GUID check on $anon_id', flag: '--guid-check' },
  'Q-5': { label: 'Original canonical id', flag: '--canonical' },
  'Q-8': { label: '$device_id already prefixed', flag: '--device-prefix' },
  'Q-12': { label: 'Placeholder id match', flag: '--blocked-match' },
};

const EVIDENCE_START = /^\[(DOC|CODE|STAFF|3P|3P\/official|INF)[^\]]*\]/;
const INLINE_EVIDENCE = / (?=\[(?:DOC|CODE|STAFF|3P|3P\/official|3P\/official help centre)\] )/;

interface RawRule {
  id: string;
  title: string;
  lines: string[];
}

const familyOf = (id: string): RuleFamily => (id.startsWith('SC-') ? 'SC' : (id.split('-')[0] as RuleFamily));

/** Splits the spec into raw rule blocks: `**S-9 (title).**`, `* **Q-5 (title)**` and `#### SC-S1: Title.` */
function rawRules(spec: string): RawRule[] {
  const rules: RawRule[] = [];
  let current: RawRule | undefined;
  for (const line of spec.split('\n')) {
    const rule = /^\*\*([A-Z]+-\d+) \((.*?)\)\.?\*\*\.?\s*(.*)$/.exec(line);
    const question = /^\* \*\*(Q-\d+) \((.*?)\)\.?\*\*\s*(.*)$/.exec(line);
    const scenario = /^#### (SC-[A-Z]+\d+): ([^.]*)\.\s*(.*)$/.exec(line);
    const match = rule ?? question ?? scenario;
    if (match) {
      current = { id: match[1] ?? '', title: match[2] ?? '', lines: [match[3] ?? ''] };
      rules.push(current);
    } else if (/^#{1,4} /.test(line) || line === '---') {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    }
  }
  return rules;
}

/** Statement paragraphs and evidence paragraphs of one block; a scenario's is its title, tables and notes. */
function splitBlock(raw: RawRule): { statement: string; evidence: string } {
  const statement: string[] = [];
  const evidence: string[] = [];
  const lines = raw.lines;
  let blank = false;
  for (const line of lines) {
    const text = line.trimEnd();
    if (text === '') {
      blank = statement.length > 0;
      continue;
    }
    if (blank && !EVIDENCE_START.test(text)) statement.push('');
    blank = false;
    if (EVIDENCE_START.test(text)) {
      evidence.push(text);
      continue;
    }
    const [said, cited] = text.split(INLINE_EVIDENCE, 2);
    statement.push(said ?? '');
    if (cited !== undefined) evidence.push(text.slice((said ?? '').length + 1));
  }
  if (familyOf(raw.id) === 'SC') {
    const body = lines.slice(1).join('\n').trim();
    return {
      statement: `${raw.title}.${body === '' ? '' : '\n\n' + body}`,
      evidence: lines[0]?.trim() ?? '',
    };
  }
  return { statement: statement.join('\n').trim(), evidence: evidence.join(' ').trim() };
}

/** The source keys a text cites, in order of first mention. */
function citedSources(text: string, sources: Map<string, RuleSource>): RuleSource[] {
  const found: { at: number; source: RuleSource }[] = [];
  for (const [key, source] of sources) {
    const at = new RegExp(`(^|[^\\w-])${key.replace(/[-/]/g, '\\$&')}(?![\\w-])`).exec(text)?.index;
    if (at !== undefined) found.push({ at, source });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.source);
}

/** DECISIONS.md's table: question id → its default and alternatives. */
export function readDecisions(decisions: string): Map<string, RuleAssumption> {
  const byQuestion = new Map<string, RuleAssumption>();
  for (const line of decisions.split('\n')) {
    const cells = /^\| (Q-\d+) [^|]*\| (.+?) \| (.+?) \|$/.exec(line);
    if (!cells) continue;
    const id = cells[1] ?? '';
    const setting = QUESTION_SETTINGS[id];
    byQuestion.set(id, {
      assumption: cells[2] ?? '',
      alternatives: cells[3] ?? '',
      ...(setting === undefined ? {} : { setting }),
    });
  }
  return byQuestion;
}

/** The whole catalogue, in the spec's order. */
export function buildCatalogue(spec: string, decisions: string): Rule[] {
  const sources = readSources(spec);
  const settled = readDecisions(decisions);
  const rules = rawRules(spec).map((raw) => {
    const { statement, evidence } = splitBlock(raw);
    const decision = settled.get(raw.id);
    return {
      id: raw.id,
      family: familyOf(raw.id),
      title: raw.title,
      statement,
      evidence,
      sources: citedSources(evidence === '' ? statement : evidence, sources),
      ...(decision === undefined ? {} : { decision }),
    };
  });
  return withBorrowedSources(rules, sources);
}

/** An open question titled "Original: …" is about the page that documents that mode. */
const TOPIC_PAGE: Readonly<Record<string, string>> = {
  Simplified: 'MP-SIMP',
  Original: 'MP-ORIG',
  Legacy: 'MP-LEGACY',
};

/**
 * A rule that cites only other rules (P-13: "[DOC] S-17") points at those rules' pages; an open question with no
 * page of its own (Q-2) at the pages of the rules that raise it (O-15 "see Q-2"); an SDK rule at the SDK source; a question about one mode at that mode's page.
 */
function withBorrowedSources(rules: Rule[], pages: Map<string, RuleSource>): Rule[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const unique = (sources: RuleSource[]) => [
    ...new Map(sources.map((source) => [source.key, source])).values(),
  ];
  const textOf = (rule: Rule) => `${rule.evidence} ${rule.statement}`;
  return rules.map((rule) => {
    if (rule.sources.length > 0) return rule;
    const cited = ruleIdsIn(textOf(rule))
      .filter((id) => id !== rule.id)
      .flatMap((id) => byId.get(id)?.sources ?? []);
    const raisedBy = rules
      .filter((other) => other.id !== rule.id && ruleIdsIn(textOf(other)).includes(rule.id))
      .flatMap((other) => other.sources);
    const sdk = rule.family === 'SDK' ? (byId.get('SDK-1')?.sources ?? []) : [];
    const topic = pages.get(TOPIC_PAGE[rule.title.split(':')[0] ?? ''] ?? '');
    return { ...rule, sources: unique([...cited, ...raisedBy, ...sdk, ...(topic ? [topic] : [])]) };
  });
}
