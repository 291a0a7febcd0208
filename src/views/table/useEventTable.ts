// The table's state and TanStack instance: projected rows, sorting, the text filter and optional columns.
import { useMemo, useState } from 'react';
import { useTable, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { useAppState, useEventRows, useScenario, useStepModel } from '../../store/hooks.ts';
import { COLUMN_IDS, OPTIONAL_COLUMNS, type ColumnId } from './columnCatalog.ts';
import { columns, features, filterByText } from './columns.tsx';
import { showsIdentityEvents } from './identityEvents.ts';
import { createProjector, sameTableRow } from './projectRows.ts';
import { toRowFilter } from './rowQuery.ts';
import { useKeptUnchanged } from '../shared/useKeptUnchanged.ts';

const INITIAL_VISIBILITY: ColumnVisibilityState = Object.fromEntries(
  OPTIONAL_COLUMNS.map((id) => [id, false]),
);

function useTableRows() {
  const rows = useEventRows();
  const { label } = useStepModel();
  const mode = useAppState((state) => state.mode);
  const tableView = useAppState((state) => state.tableView);
  const identityChoice = useAppState((state) => state.identityEvents);
  const scenarioChoice = useScenario().view?.identityEvents;
  const showIdentity = showsIdentityEvents(identityChoice, scenarioChoice);
  const project = useMemo(() => createProjector({ label, mode, tableView }), [label, mode, tableView]);
  const projected = useMemo(() => project(rows, showIdentity), [project, rows, showIdentity]);
  // A step rewrites a few rows of hundreds: the store keeps the others as the same objects, so they are projected
  // once. A new context (mode, view) projects every row again: those that look the same stay the objects the rows
  // already drew (EventRowView's memo).
  const data = useKeptUnchanged(projected, sameTableRow);
  return { data, total: data.length, showIdentity };
}

export function useEventTable() {
  const { data, total, showIdentity } = useTableRows();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [query, setQuery] = useState('');
  const [columnVisibility, setColumnVisibility] = useState(INITIAL_VISIBILITY);
  const visibleKey = COLUMN_IDS.filter((id) => columnVisibility[id] !== false).join(' ');
  // The visible columns are part of the filter value, so toggling a column re-runs the filter (its memo key).
  const globalFilter = useMemo(
    () => toRowFilter(query, visibleKey.split(' ') as ColumnId[]),
    [query, visibleKey],
  );
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { sorting, columnVisibility, globalFilter },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
    globalFilterFn: filterByText,
  });
  return { table, total, showIdentity, query, setQuery, columnVisibility, setColumnVisibility };
}

export type EventTableModel = ReturnType<typeof useEventTable>;
