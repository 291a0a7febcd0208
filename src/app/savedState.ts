// What the page reads from browser storage when it opens, checked one key at a time: a value that is damaged, of
// the wrong type or not one the app knows is set aside (or cleared) with a notice naming it, and the page opens
// with that key's default. Keys: idmerge.theme (themePreference.ts), idmerge.myScenarios.v1 (savedScenarios.ts).
// The app reads nothing from sessionStorage.
import type { Theme } from '../store/appStore.ts';
import { readSaved } from '../store/savedScenarios.ts';
import { readThemeSetting } from './themePreference.ts';

export interface SavedState {
  /** The stored theme, when there is a valid one. */
  readonly theme: Theme | undefined;
  /** One per key that was set aside, in words. */
  readonly notices: readonly string[];
}

/**
 * Checks every stored key the app reads. Blocked storage is not a notice here: the editor says so when the user
 * opens it, the one place it matters.
 */
export function readSavedState(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
): SavedState {
  const theme = readThemeSetting(storage);
  const saved = readSaved(storage);
  const notices = [theme.notice, saved.blocked === true ? undefined : saved.notice];
  return { theme: theme.theme, notices: notices.filter((notice) => notice !== undefined) };
}
