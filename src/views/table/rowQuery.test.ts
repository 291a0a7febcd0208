// Filtering by any visible text, full ids included, and the order of cells when sorting.
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, type ColumnId } from './columnCatalog.ts';
import { projectRows, type CellView } from './projectRows.ts';
import { compareCells, rowMatches, toRowFilter } from './rowQuery.ts';
import { playedRows } from './test/playedRows.ts';

const GUIDE_COLUMNS: ColumnId[] = ['number', 'event', 'device_id', 'user_id', 'distinct_id', 'notes'];

function returningUser() {
  const { model, rows, played } = playedRows('returning-user');
  return {
    played,
    table: projectRows(rows, { label: model.label, mode: 'simplified', tableView: 'as-sent' }, false),
  };
}

function matching(query: string, columns: readonly ColumnId[] = GUIDE_COLUMNS): number[] {
  const filter = toRowFilter(query, columns);
  if (filter === undefined) throw new Error('blank query');
  return returningUser().table.flatMap((row) => (rowMatches(row, filter) ? [row.number] : []));
}

describe('the text filter', () => {
  it('is off for a blank query', () => {
    expect(toRowFilter('   ', GUIDE_COLUMNS)).toBeUndefined();
  });

  it('matches aliases and event names, ignoring case', () => {
    expect(matching('d2')).toEqual([5, 6, 8]);
    expect(matching('log in')).toEqual([8]);
  });

  it('matches the full id behind an alias', () => {
    const device = returningUser().played.deviceIds[1] ?? '';
    expect(matching(device.slice(0, 8))).toEqual([5, 6, 8]);
  });

  it('matches notes', () => {
    expect(matching('links')).toEqual([4, 8]);
  });

  it('looks only in the columns it is given (the visible ones)', () => {
    expect(matching('22:13', GUIDE_COLUMNS)).toEqual([]);
    expect(matching('22:13', COLUMN_IDS)).toEqual([1]);
  });
});

describe('compareCells', () => {
  const cell = (sortKey: string | number): CellView => ({ text: String(sortKey), sortKey });

  it('orders aliases numerically: D2 before D10', () => {
    const sorted = ['D10', 'D2', 'D1'].map(cell).sort(compareCells);
    expect(sorted.map((c) => c.text)).toEqual(['D1', 'D2', 'D10']);
  });

  it('orders numbers as numbers', () => {
    expect(compareCells(cell(9), cell(10))).toBeLessThan(0);
    expect(compareCells(cell(10), cell(10))).toBe(0);
  });
});
