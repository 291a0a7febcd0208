// The profiles by $distinct_id at this step: which ones reports see, which a merge hid, which are stranded on a device id.
import { useMemo } from 'react';
import { eventNumbers } from '../../store/explanation.ts';
import { useEventRows, useStepModel } from '../../store/hooks.ts';
import { ProfileProperties } from '../shared/ProfileProperties.tsx';

export function ProfilesPanel() {
  const { view, label } = useStepModel();
  const rows = useEventRows();
  const profiles = useMemo(() => view?.profiles() ?? [], [view]);
  const numbers = useMemo(() => eventNumbers(rows), [rows]);
  if (profiles.length === 0)
    return (
      <p className="panel-empty" data-testid="profiles.empty">
        No profile yet: no profile update has been sent.
      </p>
    );
  return (
    <ul className="profiles" data-testid="profiles.list">
      {profiles.map((profile) => (
        <li key={profile.distinctId}>
          <ProfileProperties profile={profile} label={label} eventNumber={(index) => numbers.get(index)} />
        </li>
      ))}
    </ul>
  );
}
