// The rule catalogue: generated files are current, every rule names a public page, and every rule id the lab
// shows anywhere (scenario notes and rule lists, findings, engine explanations) can be opened.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_CATALOGUE } from '../diagnostics/catalogue.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import { RULES, examplesOf, ruleById, ruleIdsIn } from './index.ts';
import { expectedFiles, ROOT } from '../../scripts/rulesFiles.ts';

describe('the rule catalogue', () => {
  it.each(expectedFiles())('%s is what `npm run rules` writes from docs/spec', (path, text) => {
    expect(readFileSync(ROOT + path, 'utf8'), 'run `npm run rules`').toBe(text);
  });

  it('holds every numbered rule, open question and scenario of the spec, once', () => {
    const spec = readFileSync(new URL('../../docs/spec/mixpanel-id-merge.md', import.meta.url), 'utf8');
    const headed = [...spec.matchAll(/^(?:\*\*|\* \*\*|#### )((?:SC-)?[A-Z]+-?[A-Z]*\d+)[ :]/gm)].map(
      (m) => m[1],
    );
    expect(RULES.map((rule) => rule.id)).toEqual(headed);
    expect(new Set(headed).size).toBe(headed.length);
  });

  it('gives each rule a plain statement and at least one public https page', () => {
    for (const rule of RULES) {
      expect(rule.statement.length, rule.id).toBeGreaterThan(10);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const source of rule.sources) expect(source.url, rule.id).toMatch(/^https:\/\/[\w.-]+\//);
    }
  });

  it('says, for each open question DECISIONS.md settles with an option, where to change it (Q-1, Q-2, Q-3, Q-5, Q-8, Q-12)', () => {
    const settable = RULES.filter((rule) => rule.decision?.setting !== undefined).map((rule) => rule.id);
    expect(settable).toEqual(['Q-1', 'Q-2', 'Q-3', 'Q-5', 'Q-8', 'Q-12']);
    expect(ruleById('Q-5')?.decision?.assumption).toMatch(/larger cluster/);
  });

  it('can open every rule id a library scenario cites, and every one shows in some scenario', () => {
    const cited = LIBRARY.flatMap((scenario) => [
      ...(scenario.rules ?? []),
      ...ruleIdsIn(scenario.lesson),
      ...scenario.steps.flatMap((step) => ruleIdsIn(step.note ?? '')),
    ]);
    for (const id of new Set(cited)) {
      expect(ruleById(id), id).toBeDefined();
      expect(examplesOf(id, LIBRARY).length, id).toBeGreaterThan(0);
    }
  });

  it('can open every rule id a finding cites', () => {
    for (const entry of FINDING_CATALOGUE) {
      const rules = typeof entry.rule === 'string' ? [entry.rule] : Object.values(entry.rule);
      for (const id of rules.flatMap(ruleIdsIn)) expect(ruleById(id), `${entry.id}: ${id}`).toBeDefined();
    }
  });

  it('can open every rule id the engine source cites in its explanations', () => {
    const sources = ['explain.ts', 'failures.ts', 'options.ts'].map((file) =>
      readFileSync(new URL(`../engine/${file}`, import.meta.url), 'utf8'),
    );
    for (const id of new Set(sources.flatMap(ruleIdsIn))) expect(ruleById(id), id).toBeDefined();
  });
});

describe('the README', () => {
  it('links only files the project holds', () => {
    const readme = readFileSync(ROOT + 'README.md', 'utf8');
    const local = [...readme.matchAll(/\]\(([^)#]+)\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(local).toContain('docs/rules.md');
    for (const target of local) expect(existsSync(ROOT + target), target).toBe(true);
  });
});
