// Above the table: a text filter, the cluster or finding it is narrowed to, the row count and the scroll windows.
import { useEffect, useId, useState } from 'react';
import { useActions, useDataset } from '../../store/hooks.ts';
import { formatCount } from './format.ts';
import { GoToEvent } from './GoToEvent.tsx';

interface Props {
  readonly total: number | undefined;
  readonly windowStart: number;
  readonly windowRows: number;
  readonly onWindow: (start: number) => void;
}

/** Typing pauses this long before the worker scans the rows again. */
const FILTER_DELAY_MS = 250;

export function DatasetTableToolbar({ total, windowStart, windowRows, onWindow }: Props) {
  const filter = useDataset((d) => d.filter);
  const { setDatasetFilter } = useActions();
  const [text, setText] = useState(filter.filter ?? '');
  const [applied, setApplied] = useState(filter.filter);
  const id = useId();
  // The filter can change from elsewhere (a jump clears it): the box follows (React's "adjust state on change").
  if (applied !== filter.filter) {
    setApplied(filter.filter);
    setText(filter.filter ?? '');
  }
  useEffect(() => {
    const typed = text.trim();
    if (typed === (filter.filter ?? '')) return;
    const timer = window.setTimeout(() => {
      const { filter: _old, ...rest } = filter;
      setDatasetFilter(typed === '' ? rest : { ...rest, filter: typed });
    }, FILTER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, filter, setDatasetFilter]);
  const drop = (key: 'clusterOf' | 'finding') => {
    const { [key]: _dropped, ...rest } = filter;
    setDatasetFilter(rest);
  };
  return (
    <div className="dataset-toolbar">
      <label htmlFor={id} className="visually-hidden">
        Filter events by name or id
      </label>
      <input
        id={id}
        type="search"
        placeholder="Filter events by name or id"
        value={text}
        data-testid="dataset.filter"
        onChange={(event) => setText(event.target.value)}
      />
      {filter.clusterOf === undefined ? null : (
        <FilterChip label={`Identity: ${filter.clusterOf}`} onRemove={() => drop('clusterOf')} />
      )}
      {filter.finding === undefined ? null : (
        <FilterChip label={`Finding: ${filter.finding}`} onRemove={() => drop('finding')} />
      )}
      <GoToEvent />
      <span className="dataset-toolbar__count" data-testid="dataset.rowCount">
        {total === undefined ? 'Counting…' : `${formatCount(total)} rows`}
      </span>
      {total !== undefined && total > windowRows ? (
        <WindowButtons total={total} start={windowStart} size={windowRows} onWindow={onWindow} />
      ) : null}
    </div>
  );
}

function FilterChip({ label, onRemove }: { readonly label: string; readonly onRemove: () => void }) {
  return (
    <span className="filter-chip">
      {label}
      <button type="button" aria-label={`Remove filter ${label}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

function WindowButtons(props: {
  readonly total: number;
  readonly start: number;
  readonly size: number;
  readonly onWindow: (start: number) => void;
}) {
  const { total, start, size, onWindow } = props;
  const end = Math.min(total, start + size);
  return (
    <span className="dataset-toolbar__window">
      <button type="button" className="button" disabled={start === 0} onClick={() => onWindow(start - size)}>
        Previous {formatCount(size)}
      </button>
      <span>
        rows {formatCount(start + 1)}–{formatCount(end)}
      </span>
      <button type="button" className="button" disabled={end >= total} onClick={() => onWindow(start + size)}>
        Next {formatCount(size)}
      </button>
    </span>
  );
}
