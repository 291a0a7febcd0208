// Light or dark: a toggle button that says which theme it turns on.
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
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark<span className="visually-hidden"> theme</span>
    </button>
  );
}
