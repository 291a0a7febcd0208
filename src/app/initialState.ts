// The state a page opens in: the view its URL names, and the theme stored or preferred.
import type { AppState } from '../store/appStore.ts';
import { initialStateFor } from '../store/locate.ts';
import { initialTheme, readStoredTheme, systemPrefersDark } from './themePreference.ts';

export function initialStateFromPage(): Partial<AppState> {
  const theme = initialTheme(readStoredTheme(), systemPrefersDark());
  return initialStateFor(window.location.search, { theme });
}
