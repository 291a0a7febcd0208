// The header's "Import a file" button.
import { useActions } from '../../store/hooks.ts';

export function ImportButton() {
  const { openImportDialog } = useActions();
  return (
    <button type="button" className="header-button" data-testid="header.import" onClick={openImportDialog}>
      Import a file
    </button>
  );
}
