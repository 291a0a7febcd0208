// The dataset workspace: clusters and search, the events table, the neighbourhood graph and the side tabs. The
// table's region has the id the page's skip link targets (app/SkipLink.tsx: views do not import the shell).
import { useActions, useDataset } from '../../store/hooks.ts';
import { Tabs, type TabSpec } from '../shared/Tabs.tsx';
import type { DatasetTab } from '../../store/dataset.ts';
import { ClustersPanel } from './ClustersPanel.tsx';
import { DatasetTable } from './DatasetTable.tsx';
import { EmptyWorkspace } from './EmptyWorkspace.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { IdentityPanel } from './IdentityPanel.tsx';
import { NeighbourhoodGraph } from './NeighbourhoodGraph.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { ReportStrip } from './ReportStrip.tsx';
import './panels.css';
import './workspace.css';

const panelId = (key: DatasetTab) => `dataset-panel-${key}`;

export function DatasetWorkspace() {
  const loaded = useDataset((d) => d.summary !== null);
  if (!loaded) return <EmptyWorkspace />;
  return (
    <div className="dataset-workspace" data-testid="dataset.workspace">
      <ReportStrip />
      <main className="dataset-main">
        <section className="dataset-area dataset-area--clusters" aria-label="Clusters">
          <ClustersPanel />
        </section>
        <section
          className="dataset-area dataset-area--table"
          aria-label="Imported events"
          id="event-table"
          tabIndex={-1}
        >
          <DatasetTable />
        </section>
        <section className="dataset-area dataset-area--graph" aria-label="Identity neighbourhood">
          <NeighbourhoodGraph />
        </section>
        <aside className="dataset-area dataset-area--side" aria-label="Findings and details">
          <SideTabs />
        </aside>
      </main>
    </div>
  );
}

function SideTabs() {
  const tab = useDataset((d) => d.tab);
  const findings = useDataset((d) => d.summary?.findings.length ?? 0);
  const rejected = useDataset((d) => d.summary?.report.rejected ?? 0);
  const { showDatasetTab } = useActions();
  const tabs: readonly TabSpec<DatasetTab>[] = [
    { key: 'findings', label: `Findings (${findings})`, content: <FindingsPanel /> },
    { key: 'identity', label: 'Identity', content: <IdentityPanel /> },
    {
      key: 'report',
      label: rejected > 0 ? `Import report (${rejected} rejected)` : 'Import report',
      content: <ReportPanel />,
    },
  ];
  return (
    <Tabs label="Dataset details" tabs={tabs} selected={tab} onSelect={showDatasetTab} panelId={panelId} />
  );
}
