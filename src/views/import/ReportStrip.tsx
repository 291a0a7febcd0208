// One line above the workspace: what was loaded, what was rejected, and the re-resolve in progress, if any.
import { MODE_NAMES } from '../../store/assumptions.ts';
import { useActions, useDataset } from '../../store/hooks.ts';
import { formatCount, plural } from './format.ts';
import { ProgressBar } from './ProgressBar.tsx';

export function ReportStrip() {
  const summary = useDataset((d) => d.summary);
  const resolving = useDataset((d) => d.status === 'resolving');
  const progress = useDataset((d) => d.progress);
  const error = useDataset((d) => (d.dialogOpen ? null : d.error));
  const { showDatasetTab } = useActions();
  if (summary === null) return null;
  const { report } = summary;
  return (
    <div className="report-strip" data-testid="dataset.strip">
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
    </div>
  );
}
