// The state a page opens in: the view its URL names (scenarios or the dataset workspace), and the theme.
import { INITIAL_STATE, type AppState } from '../store/appStore.ts';
import { initialStateFor } from '../store/locate.ts';
import { readCompare, readSource } from '../store/viewParam.ts';
import { readEmbed } from '../store/custom.ts';
import { initialTheme, readStoredTheme, systemPrefersDark } from './themePreference.ts';

export function initialStateFromPage(): Partial<AppState> {
  const theme = initialTheme(readStoredTheme(), systemPrefersDark());
  const source = readSource(window.location.search);
  const compareOpen = readCompare(window.location.search);
  const embed = readEmbed(window.location.search);
  return initialStateFor(window.location.search, {
    theme,
    compareOpen,
    embed,
    dataset: { ...INITIAL_STATE.dataset, source },
  });
}
