// The page layout; views do not import each other, so the shell is where they meet.
import { lazy, Suspense, type ReactNode } from 'react';
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
  return (
    <>
      <ShellViews />
      <AppEffects />
    </>
  );
}

/** The page's effects, in a leaf of their own: their subscriptions (the step, for one) re-render nothing else. */
function AppEffects() {
  useAppEffects();
  return null;
}

/** What the user is looking at: a view that failed gets another try when it changes. */
function useShownKey(): string {
  return useAppState((state) => `${state.scenarioId}|${state.mode}|${state.cursor}|${state.dataset.source}`);
}

/** A ViewBoundary that reads the shown view's key itself, so the shell around it does not re-render on every step. */
function ShownViewBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ViewBoundary name={name} resetKey={useShownKey()}>
      {children}
    </ViewBoundary>
  );
}

function ShellViews() {
  const source = useAppState((state) => state.dataset.source);
  const comparing = useAppState((state) => state.compareOpen);
  const embed = useAppState((state) => state.embed);
  const editorOpen = useAppState((state) => state.editorOpen);
  if (embed)
    return (
      <div className="app app-embed" data-source="scenarios">
        <Notices />
        <ScenarioMain embed />
      </div>
    );
  return (
    <div className="app" data-source={source}>
      <SkipLink />
      <AppHeader />
      <Notices />
      {comparing ? (
        <ShownViewBoundary name="The Compare view">
          <Suspense fallback={<p className="compare-loading">Loading the Compare view…</p>}>
            <CompareView />
          </Suspense>
        </ShownViewBoundary>
      ) : source === 'dataset' ? (
        <ShownViewBoundary name="The imported file's workspace">
          <DatasetWorkspace />
        </ShownViewBoundary>
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
            <ScenarioMain />
          </div>
        </div>
      ) : (
        <ScenarioMain />
      )}
      <ImportDialog />
      <RuleDialogHost />
    </div>
  );
}

/** Each region has its own boundary: a failing graph leaves the table, timeline and panels working. */
function ScenarioMain({ embed = false }: { embed?: boolean }) {
  return (
    <>
      <Timeline />
      <main className="app-main">
        <section className="app-table" aria-label="Events" id={EVENT_TABLE_ID} tabIndex={-1}>
          <ShownViewBoundary name="The event table">
            <EventTable />
          </ShownViewBoundary>
        </section>
        <section className="app-graph" aria-label="Identity graph">
          <ShownViewBoundary name="The identity graph">
            <IdentityGraph />
          </ShownViewBoundary>
        </section>
        {embed ? null : (
          <aside className="app-side" aria-label="Details">
            <ShownViewBoundary name="The details panel">
              <SidePanel />
            </ShownViewBoundary>
          </aside>
        )}
      </main>
    </>
  );
}
