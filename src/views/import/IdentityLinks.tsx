// An identity's ids, the links and merges that joined them, the links Mixpanel refused, and its profiles.
import { eventNumber } from '../../diagnostics/text.ts';
import type { IdentityDetail } from '../../worker/queries.ts';
import { WrappableCode } from '../shared/WrappableCode.tsx';
import { formatCount } from './format.ts';
import { useJumpToEvent } from './useJumpToEvent.ts';

export function IdentityLinks({ detail }: { readonly detail: IdentityDetail }) {
  const jump = useJumpToEvent();
  const members = detail.cluster?.members ?? [];
  return (
    <>
      <h3 className="panel-heading">Ids ({formatCount(detail.memberCount)})</h3>
      <ul className="id-list">
        {members.map((member) => (
          <li key={member.id}>
            <code>{member.id}</code> <span className="muted">{member.isDevice ? 'device' : 'id'}</span>
            {member.joinedBy === undefined ? null : (
              <button type="button" className="ref-button" onClick={() => jump(member.joinedBy ?? 0)}>
                joined by event {eventNumber(member.joinedBy)}
              </button>
            )}
          </li>
        ))}
      </ul>
      {detail.failureCount === 0 ? null : (
        <>
          <h3 className="panel-heading">Refused links ({formatCount(detail.failureCount)})</h3>
          <ul className="id-list" data-testid="identity.failures">
            {detail.failures.map((attempt) => (
              <li key={attempt.eventIndex}>
                <button type="button" className="ref-button" onClick={() => jump(attempt.eventIndex)}>
                  event {eventNumber(attempt.eventIndex)}
                </button>{' '}
                <code>{attempt.from ?? '?'}</code> → <code>{attempt.to ?? '?'}</code>:{' '}
                <span className="status-badge" data-status="failed">
                  <WrappableCode code={attempt.failure.code} />
                </span>{' '}
                <span className="muted">{attempt.failure.description}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.profiles.length === 0 ? null : (
        <>
          <h3 className="panel-heading">Profiles</h3>
          {detail.profiles.map((profile) => (
            <div key={profile.distinctId} className="profile">
              <p className="profile-head">
                <code>{profile.distinctId}</code>{' '}
                <span className="status-badge" data-status={profile.status}>
                  {profile.status === 'stranded'
                    ? `stranded behind ${profile.strandedBehind ?? ''}`
                    : profile.status}
                </span>
              </p>
              <dl className="profile-properties">
                {Object.entries(profile.properties).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </>
      )}
    </>
  );
}
