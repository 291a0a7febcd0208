// Text that cites rules ("links D1 ⇒ U1 (S-6)"): each rule id becomes a badge that opens the rule.
import { Fragment } from 'react';
import { splitRuleIds } from '../../rules/ruleIds.ts';
import { RuleBadge } from './RuleBadge.tsx';

export function RuleText({ text }: { readonly text: string }) {
  return (
    <>
      {splitRuleIds(text).map((part, index) =>
        'rule' in part ? (
          <RuleBadge key={index} rule={part.rule} />
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
