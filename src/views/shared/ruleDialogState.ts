// Which rule the rule dialog shows: any rule badge opens it, the dialog in the shell reads it.
import { create } from 'zustand';

interface RuleDialogState {
  /** The rule id shown, or null when the dialog is closed. */
  readonly rule: string | null;
}

/** One small store for the page: a rule badge anywhere opens the one dialog. */
export const useRuleDialog = create<RuleDialogState>(() => ({ rule: null }));

export function openRule(rule: string): void {
  useRuleDialog.setState({ rule });
}

export function closeRule(): void {
  useRuleDialog.setState({ rule: null });
}
