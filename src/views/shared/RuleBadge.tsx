// A rule id of the behavioural spec (S-6, O-7, SDK-8, Q-5) as a small button that opens the rule.
import { openRule } from './ruleDialogState.ts';
import './shared.css';

export function RuleBadge({ rule }: { readonly rule: string }) {
  return (
    <button
      type="button"
      className="rule-badge"
      data-testid="rule-badge"
      aria-haspopup="dialog"
      title={`Open rule ${rule}: what it says and where Mixpanel documents it`}
      onClick={(event) => {
        event.stopPropagation();
        openRule(rule);
      }}
    >
      {rule}
    </button>
  );
}
