// The imported events as a real <table>: sticky header, rows virtualized and fetched a page at a time.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useDataset } from '../../store/hooks.ts';
import { DatasetRow, RowPlaceholder } from './DatasetRow.tsx';
import { DatasetTableToolbar } from './DatasetTableToolbar.tsx';
import { useJumpTarget } from './useJumpTarget.ts';
import { useRowPages } from './useRowPages.ts';
import './datasetTable.css';

/** Fixed row height (cells never wrap), so positions are exact without measuring. */
export const ROW_HEIGHT = 28;
/**
 * Rows one scroll window holds. A million 28-pixel rows would make a scroll area taller than browsers allow, so
 * the table shows the rows a window at a time, with buttons to move between windows.
 */
export const WINDOW_ROWS = 50_000;

const COLUMNS = [
  '#',
  'Line',
  'Time (UTC)',
  'Event',
  'Resolved distinct_id',
  'distinct_id in file',
  '$device_id',
  '$user_id',
  'Notes',
];

export function DatasetTable() {
  const filter = useDataset((d) => d.filter);
  const selected = useDataset((d) => d.selectedEvent);
  const pages = useRowPages(filter);
  const { ensure } = pages;
  const total = pages.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [windowStart, setWindowStart] = useState(0);
  const start = windowStart < total ? windowStart : 0;
  const count = Math.min(WINDOW_ROWS, total - start);
  // The app does not run the React Compiler; rows re-render with the virtualizer as TanStack documents.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(start + first, start + last);
  }, [ensure, start, first, last, count]);
  // The row a jump asked for, inside its window. A jump that cleared the filter lands before the unfiltered
  // rows are counted, so the scroll waits until the table holds that row.
  const [target, setTarget] = useState<{ readonly at: number } | null>(null);
  useJumpTarget(filter, (position) => {
    const windowFor = Math.floor(position / WINDOW_ROWS) * WINDOW_ROWS;
    setWindowStart(windowFor);
    setTarget({ at: position - windowFor });
  });
  useEffect(() => {
    if (target === null || target.at >= count) return;
    const frame = requestAnimationFrame(() => {
      virtualizer.scrollToIndex(target.at, { align: 'center' });
      setTarget(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [target, count, virtualizer]);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div className="dataset-table">
      <DatasetTableToolbar
        total={pages.total}
        windowStart={start}
        windowRows={WINDOW_ROWS}
        onWindow={(next) => {
          setWindowStart(next);
          virtualizer.scrollToOffset(0);
        }}
      />
      <div className="dataset-table__scroll" ref={scrollRef} data-testid="dataset.tableScroll">
        <table className="dataset-table__table" aria-rowcount={total + 1} data-testid="dataset.table">
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((name) => (
                <th key={name} scope="col" title={name === '#' ? 'Event number' : undefined}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {before > 0 ? <tr style={{ height: before }} aria-hidden="true" /> : null}
            {items.map((item) => {
              const position = start + item.index;
              const row = pages.rowAt(position);
              if (row === undefined)
                return <RowPlaceholder key={item.key} position={position} columns={COLUMNS.length} />;
              const tabbable = selected === null ? item.index === first : row.index === selected;
              return (
                <DatasetRow
                  key={item.key}
                  row={row}
                  position={position}
                  selected={row.index === selected}
                  tabbable={tabbable}
                />
              );
            })}
            {after > 0 ? <tr style={{ height: after }} aria-hidden="true" /> : null}
          </tbody>
        </table>
        {pages.total === 0 ? <p className="panel-empty dataset-table__empty">No events match.</p> : null}
        {pages.error === undefined ? null : (
          <p role="alert" className="panel-empty dataset-table__empty">
            Could not load these rows: {pages.error}
          </p>
        )}
      </div>
    </div>
  );
}
