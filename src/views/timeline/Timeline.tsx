// Step controls: first, previous, next, last, and what the current step did.
import { useActions, useStepModel } from '../../store/hooks.ts';

export function Timeline() {
  const model = useStepModel();
  const { stepFirst, stepBack, stepForward, stepLast } = useActions();
  return (
    <nav className="timeline" aria-label="Steps">
      <button type="button" onClick={stepFirst} data-testid="timeline.first">
        First step
      </button>
      <button type="button" onClick={stepBack} data-testid="timeline.previous">
        Previous step
      </button>
      <span data-testid="timeline.position">
        Step {model.cursor} of {model.stepCount}
      </span>
      <button type="button" onClick={stepForward} data-testid="timeline.next">
        Next step
      </button>
      <button type="button" onClick={stepLast} data-testid="timeline.last">
        Last step
      </button>
      <p data-testid="timeline.description">{model.step?.description ?? 'Nothing has happened yet.'}</p>
    </nav>
  );
}
