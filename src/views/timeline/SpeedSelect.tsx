// How fast Play advances, in steps per second.
import { useId } from 'react';
import { useActions, useAppState } from '../../store/hooks.ts';

const SPEEDS = [0.5, 1, 2, 4] as const;

export function SpeedSelect() {
  const speed = useAppState((state) => state.speed);
  const { setSpeed } = useActions();
  const id = useId();
  return (
    <span className="speed">
      <label htmlFor={id}>Speed</label>
      <select
        id={id}
        value={speed}
        data-testid="timeline.speed"
        onChange={(event) => setSpeed(Number(event.currentTarget.value))}
      >
        {SPEEDS.map((value) => (
          <option key={value} value={value}>
            {value} step{value === 1 ? '' : 's'}/s
          </option>
        ))}
      </select>
    </span>
  );
}
