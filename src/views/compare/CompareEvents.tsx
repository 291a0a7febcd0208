// The event table with one resolved distinct_id column per mode; cells that differ between modes are marked, and a
// filter keeps only the events that differ. Pages of 100 rows, asked of the source (the worker for a file).
import { useState } from 'react';
import type { CompareSource } from '../../store/useCompareSource.ts';
import { modeLabel } from './modes.ts';
import { useAnswer } from './useAnswer.ts';

const PAGE = 100;

export function CompareEvents({ source, modes }: { source: CompareSource; modes: readonly string[] }) {
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const [page, setPage] = useState(0);
  const key = `${source.key}|${modes.join(',')}|${onlyDiffering}|${page}`;
  const answer = useAnswer(
    () => source.rows({ offset: page * PAGE, limit: PAGE, onlyDiffering, variants: modes }),
    key,
  );
  const total = answer.state === 'done' ? answer.value.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <section className="compare-events" aria-label="Events by mode">
      <div className="compare-toolbar">
        <label>
          <input
            type="checkbox"
            checked={onlyDiffering}
            onChange={(event) => {
              setOnlyDiffering(event.target.checked);
              setPage(0);
            }}
          />
          Only differing events
        </label>
        <span data-testid="compare.rowCount">
          {total.toLocaleString('en-US')} {onlyDiffering ? 'differing events' : 'events'}
        </span>
        {pages > 1 ? (
          <span className="compare-pager">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </button>
            Page {page + 1} of {pages}
            <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Next
            </button>
          </span>
        ) : null}
      </div>
      {answer.state === 'failed' ? <p role="alert">{answer.error}</p> : null}
      <table className="compare-table" data-testid="compare.events">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Event</th>
            <th scope="col">Time</th>
            {modes.map((mode) => (
              <th scope="col" key={mode}>
                distinct_id ({modeLabel(mode)})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {answer.state === 'done'
            ? answer.value.rows.map((row) => (
                <tr
                  key={row.index}
                  data-testid="compare.row"
                  data-index={row.index}
                  data-differs={row.differs}
                  className={row.differs ? 'compare-differs' : undefined}
                >
                  <td>{row.index + 1}</td>
                  <td>{row.name}</td>
                  <td>
                    {row.time === undefined ? '' : new Date(row.time * 1000).toISOString().slice(0, 19)}
                  </td>
                  {row.resolved.map((id, at) => (
                    <td key={modes[at]} data-mode={modes[at]} className="compare-id">
                      {id === null ? <em>rejected</em> : id === '' ? <em>no one</em> : id}
                      {row.differs ? <span className="visually-hidden"> (differs between modes)</span> : null}
                    </td>
                  ))}
                </tr>
              ))
            : null}
        </tbody>
      </table>
    </section>
  );
}
