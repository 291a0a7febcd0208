// Which keys step the timeline, and when a key belongs to the control that has focus instead.
export type StepKeyAction = 'back' | 'forward' | 'first' | 'last' | 'toggle-play';

const KEY_ACTIONS: Readonly<Record<string, StepKeyAction>> = {
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  Home: 'first',
  End: 'last',
  ' ': 'toggle-play',
};

/** Controls that use these keys themselves: typing, choosing, sliding, moving between tabs or radios. */
const OWNS_ARROWS =
  'input, select, textarea, [contenteditable="true"], [role="slider"], [role="tab"], [role="radio"], [role="option"], [role="listbox"], [role="combobox"], [role="grid"], [role="tree"], [data-own-keys]';
/** Controls that Space activates. */
const OWNS_SPACE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]';

/** The step action for a key press, or undefined when the key is not a step key or the focus owns it. */
export function stepActionFor(
  key: string,
  modifiers: { readonly altKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean },
  target: { closest(selector: string): unknown } | null,
): StepKeyAction | undefined {
  const action = KEY_ACTIONS[key];
  if (action === undefined || modifiers.altKey || modifiers.ctrlKey || modifiers.metaKey) return undefined;
  if (target !== null && target.closest(OWNS_ARROWS) !== null) return undefined;
  if (action === 'toggle-play' && target !== null && target.closest(OWNS_SPACE) !== null) return undefined;
  return action;
}
