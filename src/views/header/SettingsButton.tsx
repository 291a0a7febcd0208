// Opens the settings tab of the side area, where the options and the assumptions in force are.
import { useActions, useAppState } from '../../store/hooks.ts';

export function SettingsButton({ controls }: { readonly controls: string }) {
  const open = useAppState((state) => state.sidePanel === 'settings');
  const { showSidePanel } = useActions();
  return (
    <button
      type="button"
      className="header-button"
      aria-controls={controls}
      aria-expanded={open}
      data-testid="header.settings"
      onClick={() => {
        showSidePanel(open ? 'why' : 'settings');
        // Take a keyboard user to the panel just opened, once it is rendered.
        if (!open) requestAnimationFrame(() => document.getElementById(controls)?.focus());
      }}
    >
      <span aria-hidden="true">⚙</span> Settings
    </button>
  );
}
