// The state a page opens in: the view its URL names (scenarios or the dataset workspace), and the theme. Every
// parameter and stored value is read through a checking reader: what was ignored becomes a notice, never an error.
import { INITIAL_STATE, type AppState } from '../store/appStore.ts';
import { initialStateFor } from '../store/locate.ts';
import { readView } from '../store/viewParam.ts';
import { readEmbedParam } from '../store/custom.ts';
import { browserStorage } from '../store/savedScenarios.ts';
import { readSavedState, type SavedState } from './savedState.ts';
import { initialTheme, systemPrefersDark } from './themePreference.ts';

/** Storage is checked once per page: a damaged key is set aside then, so a second read would not name it. */
let savedAtOpen: SavedState | undefined;

/** Everything but the location (scenario, mode, step): theme, view, embed, and notices about them. */
export function pageSettings(search: string = window.location.search): Partial<AppState> {
  const saved = (savedAtOpen ??= readSavedState(browserStorage()));
  const view = readView(search);
  const embed = readEmbedParam(search);
  return {
    theme: initialTheme(saved.theme, systemPrefersDark()),
    compareOpen: view.compare,
    embed: embed.embed,
    dataset: { ...INITIAL_STATE.dataset, source: view.source },
    notices: [...saved.notices, ...view.notices, ...embed.notices],
  };
}

export function initialStateFromPage(): Partial<AppState> {
  return initialStateFor(window.location.search, pageSettings());
}
