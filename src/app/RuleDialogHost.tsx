// Mounts the rule dialog once a rule badge is first pressed, so its code is not part of the first page load (#14);
// after that it stays mounted and opens and closes itself.
import { useState } from 'react';
import { useRuleDialog } from '../views/shared/ruleDialogState.ts';
import { RuleDialog } from './lazyViews.tsx';

export function RuleDialogHost() {
  const wanted = useRuleDialog((state) => state.rule !== null);
  const [mounted, setMounted] = useState(false);
  if (wanted && !mounted) setMounted(true);
  return mounted ? <RuleDialog /> : null;
}
