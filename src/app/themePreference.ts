// The theme a page starts in: a stored choice if it is valid, else the system's preference.
import type { Theme } from '../store/appStore.ts';

export const THEME_STORAGE_KEY = 'idmerge.theme';

/** Reads a stored theme, ignoring anything that is not exactly "light" or "dark". */
export function parseStoredTheme(value: string | null | undefined): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The starting theme: the stored one, else dark when the system prefers it. */
export function initialTheme(stored: string | null | undefined, prefersDark: boolean): Theme {
  return parseStoredTheme(stored) ?? (prefersDark ? 'dark' : 'light');
}

/** Storage can throw (privacy modes, quotas): a failed read means "no stored choice". */
export function readStoredTheme(): string | null {
  try {
    return window.localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
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
