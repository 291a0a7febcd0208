// A column header that sorts on click or Enter/Space, and says its order through aria-sort.
import type { Header } from '@tanstack/react-table';
import type { Features } from './columns.tsx';
import type { TableRow } from './projectRows.ts';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROW = { asc: '▲', desc: '▼' } as const;

export function SortHeader({ header }: { header: Header<Features, TableRow, unknown> }) {
  const { column } = header;
  const sorted = column.getIsSorted();
  const text = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  return (
    <th scope="col" className={`col-${column.id}`} aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        {text}
        <span className="sort-arrow" aria-hidden="true">
          {sorted ? ARROW[sorted] : ''}
        </span>
      </button>
    </th>
  );
}
