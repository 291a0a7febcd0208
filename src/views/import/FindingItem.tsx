// One finding: severity, title, count, rule badges, the plain explanation, and the events and ids behind it.
import { eventNumber, type Finding } from '../../diagnostics/index.ts';
import { useActions } from '../../store/hooks.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { RuleText } from '../shared/RuleText.tsx';
import { formatCount, plural } from './format.ts';
import { useJumpToEvent } from './useJumpToEvent.ts';

/** Events and ids listed under a finding; the table shows them all through the finding filter. */
const LISTED = 20;

export function FindingItem({ finding }: { readonly finding: Finding }) {
  const { setDatasetFilter, selectIdentity } = useActions();
  const jump = useJumpToEvent();
  const headingId = `finding-${finding.id}`;
  return (
    <article
      className="finding"
      data-severity={finding.severity}
      data-testid={`finding.${finding.id}`}
      aria-labelledby={headingId}
    >
      <h3 className="finding__title" id={headingId}>
        <span className="severity" data-severity={finding.severity}>
          {finding.severity}
        </span>{' '}
        {finding.title}
      </h3>
      <p className="finding__meta">
        <span data-testid="finding.count">{plural(finding.count, 'event')}</span>
        {finding.idCount === undefined ? null : <> · {plural(finding.idCount, 'id')}</>} ·{' '}
        {finding.rule.split(/,\s*/).map((rule) => (
          <RuleBadge key={rule} rule={rule} />
        ))}
      </p>
      <p className="finding__explanation">
        <RuleText text={finding.explanation} />
      </p>
      {finding.events.length === 0 ? null : (
        <div className="finding__refs">
          <span className="finding__refs-label">Events:</span>
          {finding.events.slice(0, LISTED).map((ref) => (
            <button
              key={ref.index}
              type="button"
              className="ref-button"
              data-testid="finding.event"
              onClick={() => jump(ref.index)}
            >
              {eventNumber(ref.index)}
              {ref.line === undefined ? null : <span className="muted"> (line {ref.line})</span>}
            </button>
          ))}
          {finding.count > LISTED ? (
            <span className="muted">and {formatCount(finding.count - LISTED)} more</span>
          ) : null}
        </div>
      )}
      {finding.ids === undefined || finding.ids.length === 0 ? null : (
        <div className="finding__refs">
          <span className="finding__refs-label">Ids:</span>
          {finding.ids.slice(0, LISTED).map((id) => (
            <button
              key={id}
              type="button"
              className="ref-button ref-button--id"
              onClick={() => selectIdentity(id)}
            >
              {id}
            </button>
          ))}
        </div>
      )}
      <button
        type="button"
        className="button finding__show"
        onClick={() => setDatasetFilter({ finding: finding.id })}
      >
        Show its events in the table
      </button>
    </article>
  );
}
