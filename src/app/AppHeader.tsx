// The header: title, scenario picker (or the dataset's name), mode switch and the assumptions line on the left;
// import, export, settings, theme and link on the right.
import { useId, useState, type ReactNode } from 'react';
import { useAppState } from '../store/hooks.ts';
import { CompareButton } from '../views/compare/CompareButton.tsx';
import { AssumptionsBadge } from '../views/header/AssumptionsBadge.tsx';
import { CopyLinkButton } from '../views/header/CopyLinkButton.tsx';
import { ModeSwitch } from '../views/header/ModeSwitch.tsx';
import { SettingsButton } from '../views/header/SettingsButton.tsx';
import { ThemeToggle } from '../views/header/ThemeToggle.tsx';
import { DatasetModeSwitch } from '../views/import/DatasetModeSwitch.tsx';
import { DatasetTitle } from '../views/import/DatasetTitle.tsx';
import { ImportButton } from '../views/import/ImportButton.tsx';
import { SourceSwitch } from '../views/import/SourceSwitch.tsx';
import { ScenarioPicker } from '../views/picker/ScenarioPicker.tsx';
import { ExportMenu } from './lazyViews.tsx';
import { EditCopyButton } from '../views/editor/EditCopyButton.tsx';
import { sidePanelId } from './SidePanel.tsx';

/**
 * The header's right end. On a narrow screen (layout.css) it folds behind a Menu button, so the title and the mode
 * switch stay in view at 390 px; on a wide one the button is hidden and everything shows.
 */
function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="header-button header-menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        ☰ Menu
      </button>
      <div className="app-header-end" id={id} data-open={open}>
        {children}
      </div>
    </>
  );
}

export function AppHeader() {
  const source = useAppState((state) => state.dataset.source);
  const loaded = useAppState((state) => state.dataset.summary !== null);
  if (source === 'dataset')
    return (
      <header className="app-header">
        <h1>ID Merge Lab</h1>
        <DatasetTitle />
        <DatasetModeSwitch />
        <HeaderMenu>
          <ImportButton />
          {loaded ? <ExportMenu /> : null}
          {loaded ? <CompareButton /> : null}
          <SourceSwitch />
          <ThemeToggle />
          <CopyLinkButton />
        </HeaderMenu>
      </header>
    );
  return (
    <header className="app-header">
      <h1>ID Merge Lab</h1>
      <ScenarioPicker />
      <EditCopyButton />
      <ModeSwitch />
      <HeaderMenu>
        <AssumptionsBadge />
        <ImportButton />
        <CompareButton />
        <SourceSwitch />
        <SettingsButton controls={sidePanelId('settings')} />
        <ThemeToggle />
        <CopyLinkButton />
      </HeaderMenu>
    </header>
  );
}
