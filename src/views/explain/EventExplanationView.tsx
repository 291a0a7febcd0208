// Why one event resolved as it did: its resolved id, any failure, and each reason with the rule it cites.
import type { EventExplanation } from '../../store/explanation.ts';
import { IdText } from '../shared/IdText.tsx';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { RuleText } from '../shared/RuleText.tsx';
import { eventNumberText } from '../shared/eventNumber.ts';
import { labelIdsIn } from '../shared/labelIds.ts';
import { WrappableCode } from '../shared/WrappableCode.tsx';

interface Props {
  readonly explanation: EventExplanation;
  readonly label: (id: string) => string;
  /** The played scenario's aliases, to name ids inside the engine's sentences as the table does. */
  readonly aliases: ReadonlyMap<string, string>;
}

export function EventExplanationView({ explanation, label, aliases }: Props) {
  const { row, reasons } = explanation;
  const { outcome } = row;
  return (
    <article className="explain" data-testid="explain.event">
      <h2 className="explain-title">
        Event {eventNumberText(row)}: <code>{row.name}</code>
      </h2>
      <p className="explain-resolved">
        Resolved distinct_id: <ResolvedId resolvedId={outcome.resolvedId} label={label} />
        {outcome.retroactivelyUpdated ? <span className="status-badge">retroactively updated</span> : null}
      </p>
      {outcome.failure === undefined ? null : (
        <p className="explain-failure" data-testid="explain.failure">
          <RuleBadge rule={outcome.failure.rule} />
          <strong>
            <WrappableCode code={outcome.failure.code} />
          </strong>
          {outcome.failure.official ? ' (Mixpanel’s $failure_reason)' : ' (the engine’s reason)'}:{' '}
          {labelIdsIn(outcome.failure.description, aliases)}
        </p>
      )}
      <ol className="explain-reasons" data-testid="explain.reasons">
        {reasons.map((reason, index) => (
          <li key={index}>
            {reason.rules.map((rule) => (
              <RuleBadge key={rule} rule={rule} />
            ))}
            <RuleText text={reason.text} />
          </li>
        ))}
      </ol>
    </article>
  );
}

function ResolvedId({ resolvedId, label }: { resolvedId: string | null; label: (id: string) => string }) {
  if (resolvedId === null)
    return (
      <span className="status-badge" data-status="failed">
        rejected
      </span>
    );
  if (resolvedId === '')
    return (
      <span className="status-badge" data-status="failed">
        no usable identity
      </span>
    );
  return <IdText id={resolvedId} label={label} />;
}
