// The dialog while the worker reads: a progress bar that moves, counts so far, and Cancel.
import { useDataset, useDatasetService } from '../../store/hooks.ts';
import { formatBytes, formatCount } from './format.ts';
import { ProgressBar } from './ProgressBar.tsx';

export function LoadProgress() {
  const progress = useDataset((d) => d.progress);
  const name = useDataset((d) => d.preview?.name ?? 'the file');
  const service = useDatasetService();
  const reading = progress === null || progress.phase === 'reading';
  return (
    <div className="load-progress" data-testid="import.progress">
      <p role="status">{reading ? `Reading ${name}…` : 'Resolving identities and checking for problems…'}</p>
      <ProgressBar label="Import progress" done={progress?.done ?? 0} total={progress?.total ?? 1} />
      <p className="load-progress__counts" data-testid="import.progressCounts">
        {progress === null
          ? 'Starting…'
          : `${formatBytes(progress.done)} of ${formatBytes(progress.total)} · ${formatCount(progress.records)} records · ${formatCount(progress.problems)} rejected`}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" data-testid="import.cancel" onClick={() => service.cancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
