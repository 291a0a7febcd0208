// One line above the workspace: what was loaded, what was rejected, and the re-resolve in progress, if any.
import { useEffect, useRef } from 'react';
import { MODE_NAMES } from '../../store/assumptions.ts';
import { useActions, useDataset } from '../../store/hooks.ts';
import { formatCount, plural } from './format.ts';
import { ProgressBar } from './ProgressBar.tsx';

/** The last load whose summary took the focus: a workspace shown again later does not take it a second time. */
let focusedLoad = 0;

/** After "Load", focus moves to what it produced: this summary of the loaded file (issue #17). */
function useFocusAfterLoad() {
  const loads = useDataset((d) => d.loads);
  const strip = useRef<HTMLElement>(null);
  useEffect(() => {
    if (loads === 0 || loads === focusedLoad) return;
    focusedLoad = loads;
    // After the dialog's own close, which hands the focus back to whatever opened it.
    const timer = window.setTimeout(() => strip.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [loads]);
  return strip;
}

export function ReportStrip() {
  const strip = useFocusAfterLoad();
  const summary = useDataset((d) => d.summary);
  const resolving = useDataset((d) => d.status === 'resolving');
  const progress = useDataset((d) => d.progress);
  const error = useDataset((d) => (d.dialogOpen ? null : d.error));
  const { showDatasetTab } = useActions();
  if (summary === null) return null;
  const { report } = summary;
  return (
    <section
      className="report-strip"
      aria-label="Loaded file"
      tabIndex={-1}
      ref={strip}
      data-testid="dataset.strip"
    >
      <p role="status" data-testid="dataset.summary">
        {resolving
          ? 'Resolving again…'
          : `${MODE_NAMES[summary.mode]}: ${plural(summary.clusters, 'cluster')}, ${plural(summary.findings.length, 'finding')}.`}
      </p>
      <p>
        {plural(report.linesRead, 'line')} read · {plural(report.events, 'event')} loaded
        {report.profileUpdates > 0 ? ` · ${plural(report.profileUpdates, 'profile update')}` : ''} ·{' '}
        <button
          type="button"
          className="ref-button"
          data-testid="dataset.rejected"
          onClick={() => showDatasetTab('report')}
        >
          {formatCount(report.rejected)} rejected
        </button>
      </p>
      {resolving ? (
        <ProgressBar label="Resolving progress" done={progress?.done ?? 0} total={progress?.total ?? 1} />
      ) : null}
      {error === null ? null : (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
