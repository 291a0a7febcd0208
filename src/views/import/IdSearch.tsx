// Search by any id (as sent, or as the engine keys it): results name the identity each id belongs to. Enter picks
// the only match; ↑ ↓ move through the results (one Tab stop).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useActions, useDatasetService } from '../../store/hooks.ts';
import { useDatasetAnswer } from '../../store/useDatasetAnswer.ts';
import type { SearchHit } from '../../worker/queries.ts';
import { useRovingList } from '../shared/useRovingList.ts';

const RESULTS = 50;
const SEARCH_DELAY_MS = 200;

/** The identity a search hit opens: the id itself when the mode reads it, else the identity it went to. */
const identityOf = (hit: SearchHit) => (hit.known ? hit.id : hit.canonical);

export function IdSearch({ onActive }: { readonly onActive: (searching: boolean) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const { selectIdentity } = useActions();
  const service = useDatasetService();
  const answer = useDatasetAnswer('search', query === '' ? null : { text: query, limit: RESULTS });
  const id = useId();
  // What the box holds now: a reply to an Enter pressed on older text (or before unmounting) must not open anything.
  const current = useRef(text);
  useEffect(() => {
    current.current = text;
  }, [text]);
  useEffect(() => () => void (current.current = ''), []);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  useEffect(() => onActive(query !== ''), [query, onActive]);
  const hits = answer.value ?? [];
  // Enter asks for what was typed at once (not after the typing pause) and opens the match if it is the only one.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const typed = text.trim();
    if (event.key !== 'Enter' || typed === '') return;
    event.preventDefault();
    setQuery(typed);
    void service.ask('search', { text: typed, limit: 2 }).then((found) => {
      const [only] = found;
      if (current.current.trim() !== typed) return;
      if (found.length === 1 && only !== undefined) selectIdentity(identityOf(only));
    });
  };
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
        aria-describedby={`${id}-hint`}
        data-testid="dataset.search"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        Enter opens the only match.
      </span>
      {query === '' ? null : <SearchResults hits={hits} fresh={answer.fresh} />}
    </div>
  );
}

function SearchResults({ hits, fresh }: { readonly hits: readonly SearchHit[]; readonly fresh: boolean }) {
  const { selectIdentity } = useActions();
  const roving = useRovingList<HTMLUListElement>(hits.length, -1);
  return (
    <div className="search-results">
      <p role="status" className="panel-empty">
        {!fresh
          ? 'Searching…'
          : hits.length === 0
            ? 'No id contains that.'
            : `${hits.length === RESULTS ? `First ${RESULTS}` : hits.length} ids`}
      </p>
      <ul className="cluster-list" data-testid="dataset.searchResults" onKeyDown={roving.onKeyDown}>
        {hits.map((hit, index) => (
          <li key={hit.id}>
            <button
              type="button"
              className="cluster-item"
              data-roving-item
              tabIndex={roving.tabIndexOf(index)}
              onFocus={() => roving.onFocusItem(index)}
              onClick={() => selectIdentity(identityOf(hit))}
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
