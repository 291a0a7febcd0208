// The workspace before any file is loaded (e.g. opened from ?view=import): how to bring one in.
import { useActions } from '../../store/hooks.ts';
import './workspace.css';

export function EmptyWorkspace() {
  const { openImportDialog, showSource } = useActions();
  return (
    <main className="dataset-empty" data-testid="dataset.empty">
      <h2>Debug a real event stream</h2>
      <p>
        Import a Mixpanel export, an import payload, a CSV or Segment messages to see every cluster, what went
        wrong with its identities, and how each mode would count them. Drop a file anywhere on the page, paste
        events, or choose a file. It is read in this tab; nothing leaves the machine.
      </p>
      <p data-testid="dataset.notKept">
        The file is never kept: a reload or a shared link opens this page empty, with the mode and the
        assumptions the link holds. Import the file again to see it.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button--primary" onClick={openImportDialog}>
          Import a file
        </button>
        <button type="button" className="button" onClick={() => showSource('scenario')}>
          Back to the scenarios
        </button>
      </div>
    </main>
  );
}
