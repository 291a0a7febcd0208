// The rule dialog: any rule badge opens it with the rule in plain words, its public source and a scenario showing it.
import { useEffect, useRef, useState } from 'react';
import { fetchLibrary } from '../../scenarios/library/shelf.ts';
import { examplesOf, type RuleExample } from '../../rules/examples.ts';
import type { Rule } from '../../rules/types.ts';
import type { LibraryScenario } from '../../scenarios/types.ts';
import { useActions } from '../../store/hooks.ts';
import { openLibraryScenario } from '../../store/openScenario.ts';
import { closeRule, useRuleDialog } from '../shared/ruleDialogState.ts';
import { RuleStatement } from './RuleStatement.tsx';
import './rules.css';

interface Catalogue {
  readonly lookup: (id: string) => Rule | undefined;
  /** The library, whose scenarios show the rules. */
  readonly library: readonly LibraryScenario[];
}

/** The catalogue and the library's bodies are loaded on first use, so they are not part of the first page load. */
function useCatalogue(wanted: boolean): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    if (!wanted || catalogue !== null) return;
    let live = true;
    void Promise.all([import('../../rules/catalogue.ts'), fetchLibrary()]).then(([module, library]) => {
      if (live) setCatalogue({ lookup: module.ruleById, library });
    });
    return () => {
      live = false;
    };
  }, [wanted, catalogue]);
  return catalogue;
}

export function RuleDialog() {
  const ruleId = useRuleDialog((state) => state.rule);
  const catalogue = useCatalogue(ruleId !== null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (ruleId !== null && !dialog.open) dialog.showModal();
    if (ruleId === null && dialog.open) dialog.close();
  }, [ruleId]);
  const rule = ruleId === null ? undefined : catalogue?.lookup(ruleId);
  return (
    <dialog
      ref={ref}
      className="rule-dialog"
      aria-labelledby="rule-dialog-title"
      data-testid="rule.dialog"
      onClose={closeRule}
    >
      <div className="rule-dialog__head">
        <h2 id="rule-dialog-title" data-testid="rule.title">
          {ruleId === null ? 'Rule' : rule ? `${rule.id}: ${rule.title}` : `Rule ${ruleId}`}
        </h2>
        <button type="button" className="rule-dialog__close" aria-label="Close" onClick={closeRule}>
          ×
        </button>
      </div>
      {ruleId === null ? null : catalogue === null ? (
        <p>Loading the rule…</p>
      ) : rule === undefined ? (
        <p>{ruleId} is not in the rule catalogue.</p>
      ) : (
        <RuleBody rule={rule} library={catalogue.library} />
      )}
    </dialog>
  );
}

function RuleBody({ rule, library }: { rule: Rule; library: readonly LibraryScenario[] }) {
  const examples = examplesOf(rule.id, library).slice(0, 3);
  return (
    <div className="rule-dialog__body" data-testid="rule.body">
      <RuleStatement text={rule.statement} />
      {rule.decision ? (
        <div className="rule-decision" data-testid="rule.decision">
          <p>
            <strong>The lab assumes:</strong> {rule.decision.assumption}
          </p>
          <p>
            <strong>Alternatives:</strong> {rule.decision.alternatives}
          </p>
          {rule.decision.setting ? (
            <p>
              <strong>Change it:</strong> “{rule.decision.setting.label}” in Settings, or{' '}
              <code>{rule.decision.setting.flag}</code> on the command line.
            </p>
          ) : null}
        </div>
      ) : null}
      <h3 className="panel-heading">Source</h3>
      <ul className="rule-sources" data-testid="rule.sources">
        {rule.sources.map((source) => (
          <li key={source.key}>
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              {source.key}
            </a>{' '}
            <span className="rule-url">{source.url.replace(/^https:\/\//, '')}</span>
          </li>
        ))}
      </ul>
      <h3 className="panel-heading">See it in a scenario</h3>
      {examples.length === 0 ? (
        <p className="panel-empty">No library scenario shows this rule yet.</p>
      ) : (
        <ul className="rule-examples" data-testid="rule.examples">
          {examples.map((example) => (
            <li key={example.scenarioId}>
              <ExampleButton example={example} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ExampleButton({ example }: { example: RuleExample }) {
  const actions = useActions();
  const open = () => {
    actions.showSource('scenario');
    openLibraryScenario(actions, example.scenarioId, { mode: example.mode, step: example.step });
    closeRule();
  };
  return (
    <button type="button" className="link-button" onClick={open}>
      {example.title}
      {example.step === undefined ? '' : `, step ${example.step}`}
    </button>
  );
}
