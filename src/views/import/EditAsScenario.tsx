// "Edit as scenario": the selected identity's events (and those sharing an id with them) as raw steps in the
// scenario editor, the bridge from debugging a real cluster to explaining it (issue #12).
import { useState } from 'react';
import { useDatasetService } from '../../store/hooks.ts';

export function EditAsScenario({ id }: { readonly id: string }) {
  const service = useDatasetService();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    try {
      await service.editIdentity(id);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void open()}>
        Edit as scenario
      </button>
      {error === null ? null : (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
