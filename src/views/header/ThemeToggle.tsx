// Light or dark: a toggle button that says which theme it turns on, and whether that theme is on.
import { useActions, useAppState } from '../../store/hooks.ts';

export function ThemeToggle() {
  const theme = useAppState((state) => state.theme);
  const { setTheme } = useActions();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={dark}
      data-testid="header.theme"
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      {/* Says what the button means in visible words (#17): the theme it turns on, and whether it is on. */}
      <span aria-hidden="true">☾</span> Dark theme: {dark ? 'on' : 'off'}
    </button>
  );
}
