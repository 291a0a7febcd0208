// One identity: what it resolves to, its ids, the links that made it and the ones refused, its profile, and its
// events across devices in time order.
import { useActions, useDataset } from '../../store/hooks.ts';
import { useDatasetAnswer } from '../../store/useDatasetAnswer.ts';
import type { IdentityDetail } from '../../worker/queries.ts';
import { EditAsScenario } from './EditAsScenario.tsx';
import { plural } from './format.ts';
import { IdentityLinks } from './IdentityLinks.tsx';
import { IdentityTimeline } from './IdentityTimeline.tsx';

/** Members, links and timeline rows the panel asks for; the counts say how many there are in all. */
export const IDENTITY_CAP = 200;

export function IdentityPanel() {
  const selectedId = useDataset((d) => d.selectedId);
  const answer = useDatasetAnswer(
    'identity',
    selectedId === null ? null : { id: selectedId, cap: IDENTITY_CAP },
  );
  if (selectedId === null)
    return <p className="panel-empty">Select a cluster, a search result, an event or a graph node.</p>;
  const detail = answer.value;
  if (detail === undefined) return <p className="panel-empty">Looking up {selectedId}…</p>;
  return (
    <div className="identity-panel" data-testid="identity">
      <IdentityHead detail={detail} />
      <IdentityLinks detail={detail} />
      <h3 className="panel-heading">Events across its devices</h3>
      <IdentityTimeline rows={detail.timeline.rows} total={detail.timeline.total} />
    </div>
  );
}

function IdentityHead({ detail }: { readonly detail: IdentityDetail }) {
  const { setDatasetFilter, showDatasetTab } = useActions();
  const devices = detail.cluster?.members.filter((m) => m.isDevice).length ?? 0;
  return (
    <>
      <h2 className="identity-panel__title">
        <code data-testid="identity.canonical">{detail.canonical}</code>
      </h2>
      {detail.id === detail.canonical ? null : (
        <p>
          <code>{detail.id}</code> resolves to this identity.
        </p>
      )}
      <p data-testid="identity.counts">
        {plural(detail.eventCount, 'event')} · {plural(detail.memberCount, 'id')}
        {devices > 0 ? ` · ${plural(devices, 'device')}` : ''}
      </p>
      {detail.findings.length === 0 ? null : (
        <p>
          Findings:{' '}
          {detail.findings.map((id) => (
            <button key={id} type="button" className="ref-button" onClick={() => showDatasetTab('findings')}>
              {id}
            </button>
          ))}
        </p>
      )}
      <button
        type="button"
        className="button"
        data-testid="identity.showEvents"
        onClick={() => setDatasetFilter({ clusterOf: detail.canonical })}
      >
        Show its events in the table
      </button>{' '}
      {detail.eventCount === 0 ? null : <EditAsScenario id={detail.canonical} />}
    </>
  );
}
