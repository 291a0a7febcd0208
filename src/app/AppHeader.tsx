// The header: title, scenario picker, mode switch and the assumptions line on the left; settings, theme and link on the right.
import { AssumptionsBadge } from '../views/header/AssumptionsBadge.tsx';
import { CopyLinkButton } from '../views/header/CopyLinkButton.tsx';
import { ModeSwitch } from '../views/header/ModeSwitch.tsx';
import { SettingsButton } from '../views/header/SettingsButton.tsx';
import { ThemeToggle } from '../views/header/ThemeToggle.tsx';
import { ScenarioPicker } from '../views/picker/ScenarioPicker.tsx';
import { sidePanelId } from './SidePanel.tsx';

export function AppHeader() {
  return (
    <header className="app-header">
      <h1>ID Merge Lab</h1>
      <ScenarioPicker />
      <ModeSwitch />
      <AssumptionsBadge />
      <div className="app-header-end">
        <SettingsButton controls={sidePanelId('settings')} />
        <ThemeToggle />
        <CopyLinkButton />
      </div>
    </header>
  );
}
