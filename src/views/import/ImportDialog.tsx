// The import dialog: choose, drop or paste a file, look at its preview, load it with a progress bar and Cancel.
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { useActions, useDataset, useDatasetService } from '../../store/hooks.ts';
import { ChooseFile } from './ChooseFile.tsx';
import { FilePreviewView } from './FilePreviewView.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import './importDialog.css';

export function ImportDialog() {
  const open = useDataset((d) => d.dialogOpen);
  const loading = useDataset((d) => d.status === 'loading');
  const hasPreview = useDataset((d) => d.preview !== null);
  const error = useDataset((d) => d.error);
  const { closeImportDialog } = useActions();
  const service = useDatasetService();
  const dialog = useModal(open);
  // Escape cancels a load in progress rather than hiding it; otherwise it closes the dialog.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    if (loading) service.cancel();
    else closeImportDialog();
  };
  // `close` comes as a task of its own after dialog.close(): when a drop or paste opened the dialog again in
  // between (a busy machine, CI), that late event must not close the new preview. Only a dialog still closed is.
  const onClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (!event.currentTarget.open) closeImportDialog();
  };
  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-dialog-title"
      data-testid="import.dialog"
      onCancel={onCancel}
      onClose={onClose}
    >
      <div className="import-dialog__head">
        <h2 id="import-dialog-title">Import a file</h2>
        <button
          type="button"
          className="import-dialog__close"
          aria-label="Close"
          disabled={loading}
          onClick={closeImportDialog}
        >
          ×
        </button>
      </div>
      {error === null ? null : (
        <p className="import-error" role="alert" data-testid="import.error">
          {error}
        </p>
      )}
      {loading ? <LoadProgress /> : hasPreview ? <FilePreviewView /> : <ChooseFile />}
    </dialog>
  );
}

/** Opens the <dialog> as a modal while `open` (focus moves in, the page behind is inert) and closes it after. */
function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
