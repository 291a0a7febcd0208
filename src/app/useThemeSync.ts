// Applies the store's theme to the document, and remembers a theme the user picks.
import { useEffect, useLayoutEffect } from 'react';
import { useAppState, useStoreApi } from '../store/hooks.ts';
import { storeTheme } from './themePreference.ts';

export function useThemeSync(): void {
  const theme = useAppState((state) => state.theme);
  const { store } = useStoreApi();
  // Before paint, so a dark page never flashes light.
  useLayoutEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  // Only a change is stored: a theme inferred from the system should keep following the system next time.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.theme !== previous.theme) storeTheme(state.theme);
      }),
    [store],
  );
}
