// The page layout; views do not import each other, so the shell is where they meet.
import { useAppState } from '../store/hooks.ts';
import { IdentityGraph } from '../views/graph/IdentityGraph.tsx';
import { DatasetWorkspace } from '../views/import/DatasetWorkspace.tsx';
import { ImportDialog } from '../views/import/ImportDialog.tsx';
import { Notices } from '../views/notices/Notices.tsx';
import { EventTable } from '../views/table/EventTable.tsx';
import { Timeline } from '../views/timeline/Timeline.tsx';
import { AppHeader } from './AppHeader.tsx';
import { SidePanel } from './SidePanel.tsx';
import { useAppEffects } from './useAppEffects.ts';
import './layout.css';

export function AppShell() {
  useAppEffects();
  const source = useAppState((state) => state.dataset.source);
  return (
    <div className="app" data-source={source}>
      <AppHeader />
      <Notices />
      {source === 'dataset' ? <DatasetWorkspace /> : <ScenarioMain />}
      <ImportDialog />
    </div>
  );
}

function ScenarioMain() {
  return (
    <>
      <Timeline />
      <main className="app-main">
        <section className="app-table" aria-label="Events">
          <EventTable />
        </section>
        <section className="app-graph" aria-label="Identity graph">
          <IdentityGraph />
        </section>
        <aside className="app-side" aria-label="Details">
          <SidePanel />
        </aside>
      </main>
    </>
  );
}
