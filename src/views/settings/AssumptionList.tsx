// The assumptions in force, in the engine's words; the ones the user changed are marked.
import { assumptionsInForce } from '../../store/assumptions.ts';
import { useAppState } from '../../store/hooks.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { RuleText } from '../shared/RuleText.tsx';

export function AssumptionList() {
  const options = useAppState((state) => state.options);
  return (
    <ul className="assumptions" data-testid="settings.assumptions">
      {assumptionsInForce(options).map((assumption) => (
        <li key={assumption.question} data-changed={assumption.changed}>
          <RuleBadge rule={assumption.question} />
          <RuleText text={assumption.text} />
          {assumption.changed ? <strong className="assumption-changed"> (changed)</strong> : null}
        </li>
      ))}
    </ul>
  );
}
