// The step buttons: first, previous, play/pause, next, last. Names are fixed: tests and screen readers rely on them.
import { useActions, useAppState } from '../../store/hooks.ts';
import { StepIcon, type StepIconName } from './StepIcon.tsx';

export function StepButtons() {
  const cursor = useAppState((state) => state.cursor);
  const stepCount = useAppState((state) => state.stepCount);
  const playing = useAppState((state) => state.playing);
  const { stepFirst, stepBack, stepForward, stepLast, togglePlay } = useActions();
  const atStart = cursor === 0;
  const atEnd = cursor >= stepCount;
  return (
    <div className="step-buttons" role="group" aria-label="Step controls">
      <StepButton
        name="First step"
        glyph="first"
        testId="timeline.first"
        inert={atStart}
        onClick={stepFirst}
      />
      <StepButton
        name="Previous step"
        glyph="previous"
        text="Previous"
        testId="timeline.previous"
        inert={atStart}
        onClick={stepBack}
      />
      <StepButton
        name={playing ? 'Pause' : 'Play'}
        glyph={playing ? 'pause' : 'play'}
        text={playing ? 'Pause' : 'Play'}
        testId="timeline.play"
        inert={false}
        onClick={togglePlay}
        primary
      />
      <StepButton
        name="Next step"
        glyph="next"
        text="Next"
        testId="timeline.next"
        inert={atEnd}
        onClick={stepForward}
        trailing
      />
      <StepButton name="Last step" glyph="last" testId="timeline.last" inert={atEnd} onClick={stepLast} />
    </div>
  );
}

interface StepButtonProps {
  readonly name: string;
  readonly glyph: StepIconName;
  readonly text?: string;
  readonly testId: string;
  /** Nothing to do from here: marked aria-disabled but kept focusable, so the tab order never changes under the user. */
  readonly inert: boolean;
  readonly onClick: () => void;
  readonly primary?: boolean;
  readonly trailing?: boolean;
}

function StepButton({ name, glyph, text, testId, inert, onClick, primary, trailing }: StepButtonProps) {
  const icon = <StepIcon name={glyph} />;
  return (
    <button
      type="button"
      className={primary ? 'step-button step-button-primary' : 'step-button'}
      aria-label={name}
      title={name}
      aria-disabled={inert || undefined}
      data-testid={testId}
      onClick={inert ? undefined : onClick}
    >
      {trailing ? null : icon}
      {text === undefined ? null : <span className="step-button-text">{text}</span>}
      {trailing ? icon : null}
    </button>
  );
}
