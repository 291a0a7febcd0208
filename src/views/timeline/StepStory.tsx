// What the current step did, in words, with the scenario's note for it and the SDK's own remark.
import { modeMismatch } from '../../store/assumptions.ts';
import { useAppState, useScenario, useStepModel } from '../../store/hooks.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { RuleText } from '../shared/RuleText.tsx';

export function StepStory() {
  const model = useStepModel();
  const scenario = useScenario();
  const mode = useAppState((state) => state.mode);
  const { step } = model;
  const mismatch = modeMismatch(scenario, mode);
  return (
    <div className="step-story" aria-live="polite">
      <p className="step-description" data-testid="timeline.description">
        {step === undefined ? (
          'Nothing has happened yet. Press Next step (or →) to play the first call.'
        ) : (
          <RuleText text={step.description} />
        )}
      </p>
      {step?.note === undefined ? null : (
        <p className="step-note" data-testid="timeline.note">
          <RuleText text={step.note} />
        </p>
      )}
      {step?.callNote === undefined ? null : (
        <p className="step-callnote" data-testid="timeline.callnote" data-kind={step.callNote.kind}>
          <RuleBadge rule={step.callNote.rule} />
          SDK: <RuleText text={step.callNote.text} />
        </p>
      )}
      {mismatch === undefined ? null : (
        <p className="step-mismatch" data-testid="timeline.mismatch">
          {mismatch}
        </p>
      )}
    </div>
  );
}
