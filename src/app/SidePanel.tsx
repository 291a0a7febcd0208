// The side area: "Why", "Devices", "Profiles" and "Settings" as tabs, composed here so the views stay apart.
import type { SidePanel as PanelKey } from '../store/appStore.ts';
import { useActions, useAppState } from '../store/hooks.ts';
import { Tabs, type TabSpec } from '../views/shared/Tabs.tsx';
// Each tab's view loads on its own, Why at once and the others when first opened (or when the page is idle):
// initial JavaScript ≤ 150 kB (#14).
import { DevicesPanel, ExplainPanel, ProfilesPanel, SettingsPanel } from './lazyViews.tsx';

/** The panel's element id, so the header's Settings button can point at it. */
export const sidePanelId = (key: PanelKey) => `side-panel-${key}`;

const TABS: readonly TabSpec<PanelKey>[] = [
  { key: 'why', label: 'Why', content: <ExplainPanel /> },
  { key: 'devices', label: 'Devices', content: <DevicesPanel /> },
  { key: 'profiles', label: 'Profiles', content: <ProfilesPanel /> },
  { key: 'settings', label: 'Settings', content: <SettingsPanel /> },
];

export function SidePanel() {
  const selected = useAppState((state) => state.sidePanel);
  const { showSidePanel } = useActions();
  return (
    <Tabs label="Details" tabs={TABS} selected={selected} onSelect={showSidePanel} panelId={sidePanelId} />
  );
}
