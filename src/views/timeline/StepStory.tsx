// What the current step did, in words, in the mode shown: the scenario's note where it was written for this mode,
// else what the engine did at this step in this mode, plus a line on what the mode it was written for does instead.
import { useNarrative, useStepModel } from '../../store/hooks.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { RuleText } from '../shared/RuleText.tsx';

export function StepStory() {
  const { step } = useStepModel();
  const narrative = useNarrative();
  return (
    <div className="step-story" aria-live="polite">
      <p className="step-description" data-testid="timeline.description">
        {step === undefined ? (
          'Nothing has happened yet. Press Next step (or →) to play the first call.'
        ) : (
          <RuleText text={step.description} />
        )}
      </p>
      {narrative.written ? (
        <p className="step-note" data-testid="timeline.note">
          <RuleText text={narrative.lines[0]?.text ?? ''} />
        </p>
      ) : narrative.lines.length === 0 ? null : (
        <ul className="step-facts" data-testid="timeline.story">
          {narrative.lines.map((line, index) => (
            <li key={index}>
              <RuleText text={line.text} />
            </li>
          ))}
        </ul>
      )}
      {step?.callNote === undefined ? null : (
        <p className="step-callnote" data-testid="timeline.callnote" data-kind={step.callNote.kind}>
          <RuleBadge rule={step.callNote.rule} />
          SDK: <RuleText text={step.callNote.text} />
        </p>
      )}
      {narrative.difference === undefined ? null : (
        <p className="step-mismatch" data-testid="timeline.mismatch">
          <RuleText text={narrative.difference.text} />
        </p>
      )}
    </div>
  );
}
