// TanStack Table v9 setup at module level: the features this table registers and its column definitions.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  type CellContext,
  type FilterFn,
  type Row,
  type SortFn,
} from '@tanstack/react-table';
import { CellContent } from './CellContent.tsx';
import { COLUMN_HEADERS, COLUMN_IDS, isColumnId, type ColumnId } from './columnCatalog.ts';
import { NotesList } from './NotesList.tsx';
import type { TableRow } from './projectRows.ts';
import { cellMatches, compareCells, type RowFilter } from './rowQuery.ts';

export const features = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
});

export type Features = typeof features;
export type EventTableRow = Row<Features, TableRow>;

const helper = createColumnHelper<Features, TableRow>();

const sortByCell: SortFn<Features, TableRow> = (a, b, columnId) =>
  isColumnId(columnId) ? compareCells(a.original.cells[columnId], b.original.cells[columnId]) : 0;

/** The global filter: a row passes when any visible column's text (or full id) contains the needle. */
export const filterByText: FilterFn<Features, TableRow> = (row, columnId, filter: RowFilter) =>
  isColumnId(columnId) && cellMatches(row.original, columnId, filter);

function renderCell({ row, column }: CellContext<Features, TableRow, string>) {
  if (column.id === 'notes') return <NotesList notes={row.original.notes} />;
  return isColumnId(column.id) ? <CellContent view={row.original.cells[column.id]} /> : null;
}

function columnFor(id: ColumnId) {
  return helper.accessor((row) => row.cells[id].text, {
    id,
    header: COLUMN_HEADERS[id],
    cell: renderCell,
    sortFn: sortByCell,
    // The number is the ingestion order, so its first click sorts ascending like the others.
    sortDescFirst: false,
  });
}

export const columns = helper.columns(COLUMN_IDS.map(columnFor));
