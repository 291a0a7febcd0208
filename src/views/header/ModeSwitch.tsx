// The mode switch: the same stream re-resolved as Simplified, Original or Legacy, one click apart.
import { useId } from 'react';
import { MODES } from '../../engine/index.ts';
import { MODE_NAMES } from '../../store/assumptions.ts';
import { useActions, useAppState, useScenario } from '../../store/hooks.ts';

export function ModeSwitch() {
  const mode = useAppState((state) => state.mode);
  const scenario = useScenario();
  const { setMode } = useActions();
  const name = useId();
  const someNotWritten = MODES.some((option) => !scenario.modes.includes(option));
  return (
    <>
      <div className="mode-switch" role="radiogroup" aria-label="Mode" data-testid="header.mode">
        {MODES.map((option) => {
          const written = scenario.modes.includes(option);
          const hintId = `${name}-${option}-hint`;
          return (
            <span
              key={option}
              className="mode-option"
              data-written={written}
              title={written ? undefined : 'Not written for this mode'}
            >
              <label>
                <input
                  type="radio"
                  name={name}
                  value={option}
                  checked={mode === option}
                  aria-describedby={written ? undefined : hintId}
                  data-testid={`header.mode.${option}`}
                  onChange={() => setMode(option)}
                />
                {MODE_NAMES[option]}
              </label>
              {written ? null : (
                <span id={hintId} className="mode-hint">
                  <span aria-hidden="true">*</span>
                  <span className="visually-hidden">not written for this mode</span>
                </span>
              )}
            </span>
          );
        })}
      </div>
      {/* The asterisk said in visible words (#17); screen readers hear it on each option already. */}
      {someNotWritten ? (
        <span className="mode-legend" aria-hidden="true" data-testid="header.mode-legend">
          * not written for this mode
        </span>
      ) : null}
    </>
  );
}
