// Search by any id (as sent, or as the engine keys it): results name the identity each id belongs to.
import { useEffect, useId, useState } from 'react';
import { useActions } from '../../store/hooks.ts';
import { useDatasetAnswer } from '../../store/useDatasetAnswer.ts';

const RESULTS = 50;
const SEARCH_DELAY_MS = 200;

export function IdSearch({ onActive }: { readonly onActive: (searching: boolean) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const id = useId();
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  useEffect(() => onActive(query !== ''), [query, onActive]);
  return (
    <div className="id-search" role="search">
      <label htmlFor={id} className="panel-heading">
        Search by id
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder="distinct_id, $device_id, $user_id…"
        data-testid="dataset.search"
        onChange={(event) => setText(event.target.value)}
      />
      {query === '' ? null : <SearchResults text={query} />}
    </div>
  );
}

function SearchResults({ text }: { readonly text: string }) {
  const answer = useDatasetAnswer('search', { text, limit: RESULTS });
  const { selectIdentity } = useActions();
  const hits = answer.value ?? [];
  return (
    <div className="search-results">
      <p role="status" className="panel-empty">
        {!answer.fresh
          ? 'Searching…'
          : hits.length === 0
            ? 'No id contains that.'
            : `${hits.length === RESULTS ? `First ${RESULTS}` : hits.length} ids`}
      </p>
      <ul className="cluster-list" data-testid="dataset.searchResults">
        {hits.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className="cluster-item"
              onClick={() => selectIdentity(hit.known ? hit.id : hit.canonical)}
            >
              <code className="cluster-item__id">{hit.id}</code>
              <span className="cluster-item__counts">
                {hit.known
                  ? hit.canonical === hit.id
                    ? 'its own identity'
                    : `→ ${hit.canonical}`
                  : 'sent, but not read in this mode'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
