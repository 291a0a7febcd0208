// The event table, as Mixpanel's guide draws it: Event, $device_id, $user_id, distinct_id (set by Mixpanel), Notes.
import { useRef } from 'react';
import { TableHead } from './TableHead.tsx';
import { TableToolbar } from './TableToolbar.tsx';
import { useElementHeight } from './useElementHeight.ts';
import { useEventTable } from './useEventTable.ts';
import { VirtualBody } from './VirtualBody.tsx';
import './eventTable.css';

export function EventTable() {
  const model = useEventTable();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const headerHeight = useElementHeight(headRef, 36);
  const { table } = model;
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  const emptyText =
    model.total === 0 ? 'No events yet: step forward to send one.' : 'No event matches the filter.';
  return (
    <div className="event-table">
      <TableToolbar
        query={model.query}
        onQuery={model.setQuery}
        showIdentity={model.showIdentity}
        visibility={model.columnVisibility}
        onToggleColumn={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)}
        shown={rows.length}
        total={model.total}
      />
      <div className="table-scroll" ref={scrollRef}>
        <table data-testid="table" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">
            Events sent so far, with the distinct_id Mixpanel sets
          </caption>
          <TableHead table={table} headRef={headRef} />
          <VirtualBody
            rows={rows}
            columnCount={visibleColumns.length}
            columns={visibleColumns.map((column) => column.id).join(' ')}
            scrollRef={scrollRef}
            headerHeight={headerHeight}
            emptyText={emptyText}
          />
        </table>
      </div>
    </div>
  );
}
