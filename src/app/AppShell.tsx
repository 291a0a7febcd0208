// The page layout; views do not import each other, so the shell is where they meet.
import { IdentityGraph } from '../views/graph/IdentityGraph.tsx';
import { EventTable } from '../views/table/EventTable.tsx';
import { Timeline } from '../views/timeline/Timeline.tsx';
import './layout.css';

export function AppShell() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>ID Merge Lab</h1>
      </header>
      <Timeline />
      <main className="app-main">
        <section className="app-table" aria-label="Events">
          <EventTable />
        </section>
        <section className="app-graph" aria-label="Identity graph">
          <IdentityGraph />
        </section>
      </main>
    </div>
  );
}
