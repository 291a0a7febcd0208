// "Why": the engine's reasons for the selected event, or the cluster, events and profile of the selected id.
import { useExplanation, useStepModel } from '../../store/hooks.ts';
import { EventExplanationView } from './EventExplanationView.tsx';
import { IdExplanationView } from './IdExplanationView.tsx';
import './explain.css';

export function ExplainPanel() {
  const explanation = useExplanation();
  const { label } = useStepModel();
  if (explanation === null)
    return (
      <p className="panel-empty" data-testid="explain.empty">
        Select a row or a node to see why.
      </p>
    );
  if (explanation.kind === 'not-yet')
    return (
      <p className="panel-empty" data-testid="explain.not-yet">
        {explanation.what}
      </p>
    );
  if (explanation.kind === 'event') return <EventExplanationView explanation={explanation} label={label} />;
  return <IdExplanationView explanation={explanation} label={label} />;
}
