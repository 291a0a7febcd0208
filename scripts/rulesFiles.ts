// What `npm run rules` writes, computed from the files in docs/spec (Node only: scripts and tests).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LIBRARY } from '../src/scenarios/library/index.ts';
import { buildCatalogue } from '../src/rules/parseSpec.ts';
import { renderRulesDoc } from '../src/rules/rulesDoc.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Each generated file's path (relative to ROOT, the project root) and the text it must hold. */
export function expectedFiles(): [string, string][] {
  const spec = readFileSync(`${ROOT}docs/spec/mixpanel-id-merge.md`, 'utf8');
  const decisions = readFileSync(`${ROOT}docs/spec/DECISIONS.md`, 'utf8');
  const rules = buildCatalogue(spec, decisions);
  return [
    [`src/rules/catalogue.json`, JSON.stringify({ rules }, null, 2) + '\n'],
    [`docs/rules.md`, renderRulesDoc(rules, LIBRARY)],
  ];
}
