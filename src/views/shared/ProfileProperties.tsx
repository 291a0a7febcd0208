// One profile: its distinct_id, whether reports see it (visible, hidden by a merge, stranded on a device id), its properties.
import type { ProfileView } from '../../engine/index.ts';
import { IdText } from './IdText.tsx';
import './shared.css';

interface Props {
  readonly profile: ProfileView;
  readonly label: (id: string) => string;
  readonly eventNumber: (recordIndex: number) => number | undefined;
}

export function ProfileProperties({ profile, label, eventNumber }: Props) {
  const entries = Object.entries(profile.properties);
  return (
    <div
      className="profile"
      data-testid={`profile.${label(profile.distinctId)}`}
      data-status={profile.status}
    >
      <p className="profile-head">
        <IdText id={profile.distinctId} label={label} />{' '}
        <span className="status-badge" data-status={profile.status} data-testid="profile.status">
          {statusText(profile, label, eventNumber)}
        </span>
      </p>
      {entries.length === 0 ? (
        <p className="panel-empty">No properties.</p>
      ) : (
        <dl className="profile-properties">
          {entries.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function statusText(
  profile: ProfileView,
  label: (id: string) => string,
  eventNumber: (recordIndex: number) => number | undefined,
): string {
  if (profile.status === 'stranded') return `stranded behind ${label(profile.strandedBehind ?? '')}`;
  if (profile.status !== 'hidden' || profile.hidden === undefined) return profile.status;
  const number = eventNumber(profile.hidden.byEvent);
  const by = number === undefined ? '' : ` by event #${number}`;
  return `hidden behind ${label(profile.hidden.behind)}${by}`;
}
