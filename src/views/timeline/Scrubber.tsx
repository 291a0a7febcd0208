// The scrubber: jump to any step; arrows, Home and End work on it natively.
import { useActions, useAppState } from '../../store/hooks.ts';

export function Scrubber() {
  const cursor = useAppState((state) => state.cursor);
  const stepCount = useAppState((state) => state.stepCount);
  const { stepTo } = useActions();
  return (
    <div className="scrubber">
      <input
        type="range"
        min={0}
        max={stepCount}
        step={1}
        value={cursor}
        aria-label="Step"
        aria-valuetext={`Step ${cursor} of ${stepCount}`}
        data-testid="timeline.scrubber"
        onChange={(event) => stepTo(Number(event.currentTarget.value))}
      />
      <span className="scrubber-position" data-testid="timeline.position">
        Step {cursor} of {stepCount}
      </span>
    </div>
  );
}
