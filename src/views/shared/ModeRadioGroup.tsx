// The one radio group that picks a mode, for the scenario header and the imported file's workspace alike.
import { useId } from 'react';
import { MODES, type Mode } from '../../engine/index.ts';
import { MODE_NAMES } from '../../store/assumptions.ts';

export interface ModeRadioGroupProps {
  readonly mode: Mode;
  readonly onChange: (mode: Mode) => void;
  /** Modes the shown story was written for; the others carry an asterisk said in words to screen readers (#17). */
  readonly written?: readonly Mode[];
  /** The answer for the chosen mode is being computed. */
  readonly busy?: boolean;
}

/** Simplified, Original and Legacy as radios named "Mode" (the accessible name and test ids are contracts). */
export function ModeRadioGroup({ mode, onChange, written = MODES, busy }: ModeRadioGroupProps) {
  const name = useId();
  return (
    <div
      className="mode-switch"
      role="radiogroup"
      aria-label="Mode"
      aria-busy={busy}
      data-testid="header.mode"
    >
      {MODES.map((option) => {
        const isWritten = written.includes(option);
        const hintId = `${name}-${option}-hint`;
        return (
          <span
            key={option}
            className="mode-option"
            data-written={isWritten}
            title={isWritten ? undefined : 'Not written for this mode'}
          >
            <label>
              <input
                type="radio"
                name={name}
                value={option}
                checked={mode === option}
                aria-describedby={isWritten ? undefined : hintId}
                data-testid={`header.mode.${option}`}
                onChange={() => onChange(option)}
              />
              {MODE_NAMES[option]}
            </label>
            {isWritten ? null : (
              <span id={hintId} className="mode-hint">
                <span aria-hidden="true">*</span>
                <span className="visually-hidden">not written for this mode</span>
              </span>
            )}
          </span>
        );
      })}
    </div>
  );
}
