// The theme a page starts in: a stored choice if it is valid, else the system's preference.
import type { Theme } from '../store/appStore.ts';
import { quoteInput } from '../store/quote.ts';

export const THEME_STORAGE_KEY = 'idmerge.theme';

/** Reads a stored theme, ignoring anything that is not exactly "light" or "dark". */
export function parseStoredTheme(value: string | null | undefined): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The starting theme: the stored one, else dark when the system prefers it. */
export function initialTheme(stored: string | null | undefined, prefersDark: boolean): Theme {
  return parseStoredTheme(stored) ?? (prefersDark ? 'dark' : 'light');
}

/** The stored theme, or undefined; a value that is not a theme is removed, with a notice naming it. */
export interface ThemeSetting {
  readonly theme: Theme | undefined;
  readonly notice?: string;
}

/** Storage can throw (privacy modes, quotas): a failed read means "no stored choice". */
export function readThemeSetting(storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined): ThemeSetting {
  let value: string | null;
  try {
    value = storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    return { theme: undefined };
  }
  if (value === null) return { theme: undefined };
  const theme = parseStoredTheme(value);
  if (theme !== undefined) return { theme };
  try {
    storage?.removeItem(THEME_STORAGE_KEY);
  } catch {
    // Blocked: it is ignored again next time, with the same notice.
  }
  return {
    theme: undefined,
    notice: `The saved theme ${quoteInput(value)} is not light or dark; it was cleared and the system's theme is used.`,
  };
}

export function storeTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not persisting is fine: the theme still applies for this page.
  }
}

export function systemPrefersDark(): boolean {
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}
