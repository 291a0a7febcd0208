// The header: title, scenario picker (or the dataset's name), mode switch and the assumptions line on the left;
// import, export, settings, theme and link on the right.
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
import { sidePanelId } from './SidePanel.tsx';

export function AppHeader() {
  const source = useAppState((state) => state.dataset.source);
  const loaded = useAppState((state) => state.dataset.summary !== null);
  if (source === 'dataset')
    return (
      <header className="app-header">
        <h1>ID Merge Lab</h1>
        <DatasetTitle />
        <DatasetModeSwitch />
        <div className="app-header-end">
          <ImportButton />
          {loaded ? <ExportMenu /> : null}
          {loaded ? <CompareButton /> : null}
          <SourceSwitch />
          <ThemeToggle />
          <CopyLinkButton />
        </div>
      </header>
    );
  return (
    <header className="app-header">
      <h1>ID Merge Lab</h1>
      <ScenarioPicker />
      <ModeSwitch />
      <AssumptionsBadge />
      <div className="app-header-end">
        <ImportButton />
        <CompareButton />
        <SourceSwitch />
        <SettingsButton controls={sidePanelId('settings')} />
        <ThemeToggle />
        <CopyLinkButton />
      </div>
    </header>
  );
}
