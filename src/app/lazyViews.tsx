// The heavy views, loaded when first shown rather than with the page (issue #14: initial JavaScript ≤ 150 kB gzip).
// React Flow and its graph, the imported file's workspace and the import dialog each become their own chunk. A view
// that brings a large library with it (an editor, charts) belongs here too: add one `lazyView` line and render the
// export wherever the eager import used to be. `node scripts/initial-js.mjs` shows what the first visit loads.
import { lazyView, warmLazyViews } from '../views/shared/lazyView.tsx';

export { warmLazyViews };

export const IdentityGraph = lazyView(
  'The identity graph',
  async () => (await import('../views/graph/IdentityGraph.tsx')).IdentityGraph,
);
export const DatasetWorkspace = lazyView(
  "The imported file's workspace",
  async () => (await import('../views/import/DatasetWorkspace.tsx')).DatasetWorkspace,
);
/** Always mounted, closed until a file is chosen, dropped or pasted: it waits for its code without words. */
export const ImportDialog = lazyView(
  'The import dialog',
  async () => (await import('../views/import/ImportDialog.tsx')).ImportDialog,
  { silent: true },
);
/**
 * The Why panel: shown on the first screen, but its explanations (the rule texts, the event and id views) load with
 * it right after the page's own script, in parallel with the graph, so the first visit stays within its budget.
 */
export const ExplainPanel = lazyView(
  'The Why panel',
  async () => (await import('../views/explain/ExplainPanel.tsx')).ExplainPanel,
);
export const DevicesPanel = lazyView(
  'The devices panel',
  async () => (await import('../views/devices/DevicesPanel.tsx')).DevicesPanel,
);
export const ProfilesPanel = lazyView(
  'The profiles panel',
  async () => (await import('../views/profiles/ProfilesPanel.tsx')).ProfilesPanel,
);
export const SettingsPanel = lazyView(
  'The settings',
  async () => (await import('../views/settings/SettingsPanel.tsx')).SettingsPanel,
);
/** The rule dialog's body: mounted by RuleDialogHost once a rule is first opened. */
export const RuleDialog = lazyView(
  'The rule dialog',
  async () => (await import('../views/rules/RuleDialog.tsx')).RuleDialog,
);
export const ExportMenu = lazyView(
  'The export menu',
  async () => (await import('../views/import/ExportMenu.tsx')).ExportMenu,
);
