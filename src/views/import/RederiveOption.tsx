// G-6: a Mixpanel export's distinct_id is already the answer; offer to replay from the ids the SDK sent instead.
import { useId } from 'react';
import { useActions, useDataset } from '../../store/hooks.ts';

export function RederiveOption({ note }: { readonly note: string }) {
  const rederive = useDataset((d) => d.rederive);
  const { setRederive } = useActions();
  const hint = useId();
  return (
    <div className="rederive" data-testid="import.rederive">
      <p className="rederive__note">
        <span className="rule-badge">G-6</span> This file {note.replace(/^this /, '')}
      </p>
      <label className="rederive__choice">
        <input
          type="checkbox"
          checked={rederive}
          aria-describedby={hint}
          data-testid="import.rederiveBox"
          onChange={(event) => setRederive(event.target.checked)}
        />
        Re-derive identity from $device_id / $user_id
      </label>
      <p id={hint} className="import-hint">
        An export shows each event under the id it resolved to when it was exported, so replaying that
        distinct_id only repeats Mixpanel&apos;s answer. Re-deriving drops it wherever $device_id or $user_id
        was sent, so the lab works out the merges itself (Simplified). Original and Legacy read only
        distinct_id (O-1) and always get the file as it is.
      </p>
    </div>
  );
}
