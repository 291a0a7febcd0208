// The sticky header row: one sortable <th> per visible column.
import type { RefObject } from 'react';
import { SortHeader } from './SortHeader.tsx';
import type { EventTableModel } from './useEventTable.ts';

interface TableHeadProps {
  readonly table: EventTableModel['table'];
  readonly headRef: RefObject<HTMLTableSectionElement | null>;
}

export function TableHead({ table, headRef }: TableHeadProps) {
  return (
    <thead ref={headRef}>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => (
            <SortHeader key={header.id} header={header} />
          ))}
        </tr>
      ))}
    </thead>
  );
}
