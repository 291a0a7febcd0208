// The page layout; views do not import each other, so the shell is where they meet.
import { lazy, Suspense } from 'react';
import { useAppState } from '../store/hooks.ts';
import { Notices } from '../views/notices/Notices.tsx';
import { RuleDialogHost } from './RuleDialogHost.tsx';
import { EventTable } from '../views/table/EventTable.tsx';
import { Timeline } from '../views/timeline/Timeline.tsx';
import { AppHeader } from './AppHeader.tsx';
import { DatasetWorkspace, IdentityGraph, ImportDialog } from './lazyViews.tsx';
import { SidePanel } from './SidePanel.tsx';
import { EVENT_TABLE_ID, SkipLink } from './SkipLink.tsx';
import { useAppEffects } from './useAppEffects.ts';
import { ViewBoundary } from './ViewBoundary.tsx';
import './layout.css';

/** The Compare view is its own chunk: most visits never open it (issue #13, and the initial-bundle budget of #14). */
const CompareView = lazy(() => import('../views/compare/CompareView.tsx'));
/** The editor and its language support load only when opened (they are most of zod and CodeMirror). */
const ScenarioEditor = lazy(() => import('../views/editor/ScenarioEditor.tsx'));

export function AppShell() {
  useAppEffects();
  const source = useAppState((state) => state.dataset.source);
  const resetKey = useAppState((state) => `${state.scenarioId}|${state.mode}|${state.cursor}|${source}`);
  const comparing = useAppState((state) => state.compareOpen);
  const embed = useAppState((state) => state.embed);
  const editorOpen = useAppState((state) => state.editorOpen);
  if (embed)
    return (
      <div className="app app-embed" data-source="scenarios">
        <Notices />
        <ScenarioMain resetKey={resetKey} embed />
      </div>
    );
  return (
    <div className="app" data-source={source}>
      <SkipLink />
      <AppHeader />
      <Notices />
      {comparing ? (
        <ViewBoundary name="The Compare view" resetKey={resetKey}>
          <Suspense fallback={<p className="compare-loading">Loading the Compare view…</p>}>
            <CompareView />
          </Suspense>
        </ViewBoundary>
      ) : source === 'dataset' ? (
        <ViewBoundary name="The imported file's workspace" resetKey={resetKey}>
          <DatasetWorkspace />
        </ViewBoundary>
      ) : editorOpen ? (
        <div className="app-editing">
          <section className="app-editor" aria-label="Scenario editor">
            <ViewBoundary name="The scenario editor" resetKey="editor">
              <Suspense fallback={<p role="status">Loading the editor…</p>}>
                <ScenarioEditor />
              </Suspense>
            </ViewBoundary>
          </section>
          <div className="app-editing-body">
            <ScenarioMain resetKey={resetKey} />
          </div>
        </div>
      ) : (
        <ScenarioMain resetKey={resetKey} />
      )}
      <ImportDialog />
      <RuleDialogHost />
    </div>
  );
}

/** Each region has its own boundary: a failing graph leaves the table, timeline and panels working. */
function ScenarioMain({ resetKey, embed = false }: { resetKey: string; embed?: boolean }) {
  return (
    <>
      <Timeline />
      <main className="app-main">
        <section className="app-table" aria-label="Events" id={EVENT_TABLE_ID} tabIndex={-1}>
          <ViewBoundary name="The event table" resetKey={resetKey}>
            <EventTable />
          </ViewBoundary>
        </section>
        <section className="app-graph" aria-label="Identity graph">
          <ViewBoundary name="The identity graph" resetKey={resetKey}>
            <IdentityGraph />
          </ViewBoundary>
        </section>
        {embed ? null : (
          <aside className="app-side" aria-label="Details">
            <ViewBoundary name="The details panel" resetKey={resetKey}>
              <SidePanel />
            </ViewBoundary>
          </aside>
        )}
      </main>
    </>
  );
}
