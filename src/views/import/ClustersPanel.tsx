// The left column: search by any id, or pick from the clusters, largest first, with their event counts.
import { useState } from 'react';
import { useActions, useDataset } from '../../store/hooks.ts';
import { useDatasetAnswer } from '../../store/useDatasetAnswer.ts';
import { useRovingList } from '../shared/useRovingList.ts';
import { formatCount, plural } from './format.ts';
import { IdSearch } from './IdSearch.tsx';

/** Clusters listed; the rest are reachable by search. */
const LISTED = 100;

export function ClustersPanel() {
  const [searching, setSearching] = useState(false);
  return (
    <div className="clusters-panel">
      <IdSearch onActive={setSearching} />
      {searching ? null : <ClusterList />}
    </div>
  );
}

function ClusterList() {
  const answer = useDatasetAnswer('clusters', { limit: LISTED });
  const selectedId = useDataset((d) => d.selectedId);
  const { selectIdentity } = useActions();
  const list = answer.value;
  const clusters = list?.clusters ?? [];
  const roving = useRovingList<HTMLUListElement>(
    clusters.length,
    clusters.findIndex((cluster) => cluster.canonical === selectedId),
  );
  if (list === undefined) return <p className="panel-empty">Counting clusters…</p>;
  return (
    <>
      <h2 className="panel-heading" id="clusters-heading">
        Clusters by size ({formatCount(list.total)})
      </h2>
      <ul
        className="cluster-list"
        aria-labelledby="clusters-heading"
        data-testid="dataset.clusters"
        onKeyDown={roving.onKeyDown}
      >
        {clusters.map((cluster, index) => (
          <li key={cluster.canonical}>
            <button
              type="button"
              className="cluster-item"
              aria-current={cluster.canonical === selectedId ? 'true' : undefined}
              data-testid="dataset.cluster"
              data-roving-item
              tabIndex={roving.tabIndexOf(index)}
              onFocus={() => roving.onFocusItem(index)}
              onClick={() => selectIdentity(cluster.canonical)}
            >
              <code className="cluster-item__id">{cluster.canonical}</code>
              <span className="cluster-item__counts">
                {plural(cluster.events, 'event')} · {plural(cluster.ids, 'id')}
                {cluster.devices > 0 ? ` · ${plural(cluster.devices, 'device')}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list.total > list.clusters.length ? (
        <p className="panel-empty">
          The {formatCount(list.clusters.length)} largest are listed; search to find any other.
        </p>
      ) : null}
    </>
  );
}
