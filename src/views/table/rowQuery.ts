// Pure filtering and sorting over projected rows: what a filter matches and how two cells order.
import type { ColumnId } from './columnCatalog.ts';
import type { CellView, TableRow } from './projectRows.ts';

/** The global filter: what to look for, and in which (visible) columns. */
export interface RowFilter {
  readonly needle: string;
  readonly columns: readonly ColumnId[];
}

/** The filter for a typed query, or undefined when it is blank (no filtering at all). */
export function toRowFilter(query: string, columns: readonly ColumnId[]): RowFilter | undefined {
  const needle = query.trim().toLowerCase();
  return needle === '' ? undefined : { needle, columns };
}

/** Everything a cell says: its text, the full id behind an alias, and its hover hint. */
export function searchTextOf(cell: CellView): string {
  return [cell.text, cell.fullId, cell.hint]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
}

export function cellMatches(row: TableRow, column: ColumnId, filter: RowFilter): boolean {
  return filter.columns.includes(column) && searchTextOf(row.cells[column]).includes(filter.needle);
}

export function rowMatches(row: TableRow, filter: RowFilter): boolean {
  return filter.columns.some((column) => cellMatches(row, column, filter));
}

// Numeric collation so D2 sorts before D10 and U9 before U10.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Ascending order of two cells of one column; the table reverses it for descending. */
export function compareCells(a: CellView, b: CellView): number {
  if (typeof a.sortKey === 'number' && typeof b.sortKey === 'number') return a.sortKey - b.sortKey;
  return collator.compare(String(a.sortKey), String(b.sortKey));
}
