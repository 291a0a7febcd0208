// An id at this step: the cluster it belongs to, the event that brought in each member, its events and profile.
import type { IdExplanation } from '../../store/explanation.ts';
import { useActions } from '../../store/hooks.ts';
import { IdText } from '../shared/IdText.tsx';
import { ProfileProperties } from '../shared/ProfileProperties.tsx';
import { eventNumberText } from '../shared/eventNumber.ts';

/** A cluster can hold hundreds of events; the first ones say enough. */
const EVENTS_SHOWN = 50;

interface Props {
  readonly explanation: IdExplanation;
  readonly label: (id: string) => string;
}

export function IdExplanationView({ explanation, label }: Props) {
  const { id, canonical, members, events, profile } = explanation;
  const { select } = useActions();
  return (
    <article className="explain" data-testid="explain.id">
      <h2 className="explain-title">
        <IdText id={id} label={label} />
      </h2>
      <p>
        Resolves to <IdText id={canonical} label={label} />
        {members.length > 1 ? `, the canonical id of a cluster of ${members.length} ids.` : ', on its own.'}
      </p>
      <h3 className="panel-heading">Cluster</h3>
      <ul className="explain-members" data-testid="explain.members">
        {members.map((member) => (
          <li key={member.id}>
            <IdText id={member.id} label={label} />
            {member.id === canonical ? <span className="status-badge">canonical</span> : null}
            <span className="explain-joined">
              {member.joinedByEvent === undefined
                ? ' first id of the cluster'
                : ` joined by event #${member.joinedByEvent}`}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="panel-heading">Events attributed ({events.length})</h3>
      <ul className="explain-events" data-testid="explain.events">
        {events.slice(0, EVENTS_SHOWN).map((row) => (
          <li key={row.recordIndex}>
            <button
              type="button"
              className="link-button"
              onClick={() => select({ kind: 'event', recordIndex: row.recordIndex })}
            >
              {eventNumberText(row)} {row.name}
            </button>
          </li>
        ))}
      </ul>
      {events.length > EVENTS_SHOWN ? (
        <p className="panel-empty">… and {events.length - EVENTS_SHOWN} more.</p>
      ) : null}
      <h3 className="panel-heading">Profile</h3>
      {profile === undefined ? (
        <p className="panel-empty">No profile.</p>
      ) : (
        <ProfileProperties profile={profile} label={label} eventNumber={explanation.eventNumber} />
      )}
    </article>
  );
}
