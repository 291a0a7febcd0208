// The table's rows, fetched from the worker a page at a time as they scroll into view; never the whole file.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDataset, useDatasetService } from '../../store/hooks.ts';
import type { ImportRow, RowFilter } from '../../worker/queries.ts';

/** Rows per request: a screenful and then some, small enough to post in a millisecond or two. */
export const PAGE_SIZE = 200;

/** The pages of one question (filter and resolution); a new question starts an empty cache. */
class PageCache {
  readonly rows = new Map<number, readonly ImportRow[]>();
  readonly asked = new Set<number>();
  total: number | undefined;
  /** Why the last page could not be fetched; cleared when a page arrives. */
  error: string | undefined;
}

export interface RowPages {
  /** Rows the filter keeps; undefined until the first page arrives. */
  readonly total: number | undefined;
  /** The row at a position, or undefined while its page is on its way. */
  readonly rowAt: (position: number) => ImportRow | undefined;
  /** Why a page could not be fetched (the worker failed or went away); the page is asked again on scroll. */
  readonly error: string | undefined;
  /** Asks for the pages covering positions `first` … `last` that are not here or on their way. */
  readonly ensure: (first: number, last: number) => void;
}

export function useRowPages(filter: RowFilter): RowPages {
  const service = useDatasetService();
  const version = useDataset((d) => d.version);
  // A new resolution (version) or filter makes a new cache; the version is what invalidates it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cache = useMemo(() => new PageCache(), [version, filter]);
  const [, setArrivals] = useState(0);

  const ask = useCallback(
    (page: number) => {
      if (cache.asked.has(page)) return;
      cache.asked.add(page);
      service.ask('rows', { ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (answer) => {
          cache.rows.set(page, answer.rows);
          cache.total = answer.total;
          cache.error = undefined;
          setArrivals((n) => n + 1);
        },
        (error: unknown) => {
          // Forget the request so that scrolling (or the next render) asks again, and say what went wrong.
          cache.asked.delete(page);
          cache.error = error instanceof Error ? error.message : String(error);
          setArrivals((n) => n + 1);
        },
      );
    },
    [service, filter, cache],
  );
  // The first page tells how many rows there are.
  useEffect(() => ask(0), [ask]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) ask(page);
    },
    [ask],
  );
  const rowAt = (position: number) =>
    cache.rows.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE];
  return { total: cache.total, error: cache.error, rowAt, ensure };
}
