// The mode switch: the same stream re-resolved as Simplified, Original or Legacy, one click apart.
import { MODES } from '../../engine/index.ts';
import { useActions, useAppState, useScenario } from '../../store/hooks.ts';
import { ModeRadioGroup } from '../shared/ModeRadioGroup.tsx';

export function ModeSwitch() {
  const mode = useAppState((state) => state.mode);
  const scenario = useScenario();
  const { setMode } = useActions();
  const someNotWritten = MODES.some((option) => !scenario.modes.includes(option));
  return (
    <>
      <ModeRadioGroup mode={mode} onChange={setMode} written={scenario.modes} />
      {/* The asterisk said in visible words (#17); screen readers hear it on each option already. */}
      {someNotWritten ? (
        <span className="mode-legend" aria-hidden="true" data-testid="header.mode-legend">
          * not written for this mode
        </span>
      ) : null}
    </>
  );
}
