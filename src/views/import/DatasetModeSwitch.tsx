// The mode switch over an imported file: each mode re-resolves it in the worker, so the answers can be compared.
import { useId } from 'react';
import { MODES } from '../../engine/index.ts';
import { MODE_NAMES } from '../../store/assumptions.ts';
import { useActions, useAppState, useDataset } from '../../store/hooks.ts';

export function DatasetModeSwitch() {
  const mode = useAppState((state) => state.mode);
  const busy = useDataset((d) => d.status !== 'idle');
  const { setMode } = useActions();
  const name = useId();
  return (
    <div
      className="mode-switch"
      role="radiogroup"
      aria-label="Mode"
      aria-busy={busy}
      data-testid="header.mode"
    >
      {MODES.map((option) => (
        <span key={option} className="mode-option">
          <label>
            <input
              type="radio"
              name={name}
              value={option}
              checked={mode === option}
              data-testid={`header.mode.${option}`}
              onChange={() => setMode(option)}
            />
            {MODE_NAMES[option]}
          </label>
        </span>
      ))}
    </div>
  );
}
