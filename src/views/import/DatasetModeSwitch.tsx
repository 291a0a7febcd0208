// The mode switch over an imported file: each mode re-resolves it in the worker, so the answers can be compared.
import { useActions, useAppState, useDataset } from '../../store/hooks.ts';
import { ModeRadioGroup } from '../shared/ModeRadioGroup.tsx';

export function DatasetModeSwitch() {
  const mode = useAppState((state) => state.mode);
  const busy = useDataset((d) => d.status !== 'idle');
  const { setMode } = useActions();
  return <ModeRadioGroup mode={mode} onChange={setMode} busy={busy} />;
}
