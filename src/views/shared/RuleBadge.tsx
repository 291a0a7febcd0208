// A rule id of the behavioural spec (S-6, O-7, SDK-8, Q-5) as a small badge.
import './shared.css';

export function RuleBadge({ rule }: { readonly rule: string }) {
  return (
    <span className="rule-badge" data-testid="rule-badge" title={`Rule ${rule} of the ID Merge spec`}>
      {rule}
    </span>
  );
}
