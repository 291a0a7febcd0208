// The row projection: aliases with full ids, as-sent versus as-shown $user_id, notes, failures and step marks.
import { describe, expect, it } from 'vitest';
import { sameData } from '../shared/sameData.ts';
import { COLUMN_IDS } from './columnCatalog.ts';
import {
  createProjector,
  idCell,
  isChangedCell,
  projectRows,
  sameTableRow,
  timeCell,
  type CellView,
  type NoteView,
  type TableRow,
  type TableView,
} from './projectRows.ts';
import { playedRows } from './test/playedRows.ts';

function project(scenarioId: string, cursor: number, tableView: TableView = 'as-sent', showIdentity = false) {
  const { model, rows, played, mode } = playedRows(scenarioId, cursor);
  return { played, table: projectRows(rows, { label: model.label, mode, tableView }, showIdentity) };
}

const texts = (rows: ReturnType<typeof project>['table'], column: 'user_id' | 'distinct_id' | 'device_id') =>
  rows.map((row) => row.cells[column].text);

describe('createProjector', () => {
  it('projects a row object once and hands back the same projection after, identity events left out as asked', () => {
    const { model, rows, mode } = playedRows('new-user-signup', 4);
    const context = { label: model.label, mode, tableView: 'as-sent' as const };
    const project = createProjector(context);
    const first = project(rows, true);
    expect(first).toEqual(projectRows(rows, context, true));
    const again = project(rows, false);
    expect(again).toEqual(projectRows(rows, context, false));
    expect(again.every((row) => first.includes(row))).toBe(true);
    // A new row object (another derivation) is projected anew.
    const [firstRow] = project([{ ...rows[0]! }], true);
    expect(firstRow).not.toBe(first[0]);
    expect(firstRow).toEqual(first[0]);
  });
});

describe('projectRows', () => {
  it('shows device ids by alias with the full id behind them', () => {
    const { played, table } = project('new-user-signup', 2);
    const device = played.deviceIds[0];
    expect(table[0]?.cells.device_id).toMatchObject({ text: 'D1', fullId: device, tone: 'device' });
    expect(table[0]?.cells.distinct_id).toMatchObject({ text: '$device:D1', fullId: `$device:${device}` });
  });

  it('leaves identity events out unless asked, keeping the event numbers', () => {
    expect(project('new-user-signup', 4).table.map((row) => row.number)).toEqual([1, 2, 4]);
    expect(project('new-user-signup', 4, 'as-sent', true).table.map((row) => row.number)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('as sent, $user_id is only what the event carried; the resolved id is U1 everywhere', () => {
    const { table } = project('new-user-signup', 4);
    expect(texts(table, 'user_id')).toEqual(['', '', 'U1']);
    expect(texts(table, 'distinct_id')).toEqual(['U1', 'U1', 'U1']);
  });

  it('as Mixpanel shows it, linked devices show their user in $user_id, marked as derived', () => {
    const { table } = project('new-user-signup', 4, 'as-shown');
    expect(texts(table, 'user_id')).toEqual(['U1', 'U1', 'U1']);
    expect(table.map((row) => row.cells.user_id.derived ?? false)).toEqual([true, true, false]);
  });

  it('as shown, an unlinked device leaves $user_id empty', () => {
    expect(texts(project('returning-user', 5, 'as-shown').table, 'user_id')).toEqual(['U1', 'U1', 'U1', '']);
  });

  it('as shown changes nothing on Original, where $user_id does not decide the distinct_id', () => {
    const { model, rows } = playedRows('original-signup', Infinity, 'original');
    const context = { label: model.label, mode: 'original' as const };
    const sent = projectRows(rows, { ...context, tableView: 'as-sent' }, true);
    const shown = projectRows(rows, { ...context, tableView: 'as-shown' }, true);
    expect(shown.map((row) => row.cells.user_id)).toEqual(sent.map((row) => row.cells.user_id));
  });

  it('classifies the notes: the link, the retroactive update', () => {
    const { table } = project('new-user-signup', 4);
    expect(table.map((row) => row.notes)).toEqual([
      [{ text: 'Retroactively updated', kind: 'retroactive' }],
      [{ text: 'Retroactively updated', kind: 'retroactive' }],
      [{ text: 'Links D1 ⇒ U1', kind: 'link' }],
    ]);
  });

  it('marks the rows this step sent and the cells it rewrote', () => {
    const sent = project('new-user-signup', 4).table;
    expect(sent.map((row) => [row.isNew, row.changed])).toEqual([
      [false, true],
      [false, true],
      [true, false],
    ]);
    expect(sent.map((row) => isChangedCell(row, 'distinct_id'))).toEqual([true, true, false]);
    expect(sent.map((row) => isChangedCell(row, 'user_id'))).toEqual([false, false, false]);
    const shown = project('new-user-signup', 4, 'as-shown').table;
    expect(shown.map((row) => isChangedCell(row, 'user_id'))).toEqual([true, true, false]);
  });

  it('keeps the value a retroactive update rewrote, so the cell can show "$device:D1 → U1"', () => {
    const rows = project('new-user-signup', 4).table;
    expect(rows.map((row) => [row.cells.distinct_id.was, row.cells.distinct_id.text])).toEqual([
      ['$device:D1', 'U1'],
      ['$device:D1', 'U1'],
      [undefined, 'U1'],
    ]);
    // The step before rewrote nothing: no old values.
    expect(project('new-user-signup', 3).table.some((row) => row.cells.distinct_id.was !== undefined)).toBe(
      false,
    );
  });

  it('shows rejected events as rejected, with the reason', () => {
    const { table } = project('placeholder-ids', Infinity);
    expect(table[0]?.cells.distinct_id).toMatchObject({ text: 'rejected', tone: 'danger' });
    expect(table[0]?.cells.distinct_id.hint).toContain('placeholder');
    expect(table[0]?.notes[0]?.kind).toBe('failure');
    expect(table[2]?.cells.distinct_id).toMatchObject({ text: '(none)', hint: 'No usable identity' });
  });

  it('shows a failure code as a failure note and its description in the failure column', () => {
    const { model, rows } = playedRows('original-cap-through-reset');
    const table = projectRows(rows, { label: model.label, mode: 'original', tableView: 'as-sent' }, true);
    const failed = table.find((row) => row.cells.failure.text !== '');
    expect(failed?.notes).toContainEqual({ text: 'errManyIDs', kind: 'failure' });
    expect(failed?.cells.failure).toMatchObject({ tone: 'danger', sortKey: 'errManyIDs' });
  });
});

describe('cells', () => {
  it('reads time in seconds or milliseconds, in UTC', () => {
    expect(timeCell(1700000000)).toEqual({
      text: '22:13:20',
      hint: '2023-11-14 22:13:20 UTC',
      sortKey: 1700000000000,
    });
    expect(timeCell(1700000000123).text).toBe('22:13:20');
    expect(timeCell(undefined).text).toBe('');
  });

  it('shows an empty id as "" since Mixpanel counts it as absent (Q-11)', () => {
    expect(idCell('', (id) => id, 'user')).toMatchObject({ text: '""', tone: 'muted' });
    expect(idCell(undefined, (id) => id, 'user').text).toBe('');
    expect(idCell('ada@example.com', (id) => id, undefined)).toEqual({
      text: 'ada@example.com',
      tone: 'user',
      sortKey: 'ada@example.com',
    });
  });
});

describe('sameTableRow', () => {
  it('agrees with a full comparison of the data on every row, step after step, in every table view', () => {
    let compared = 0;
    let differing = 0;
    for (const scenarioId of ['new-user-signup', 'first-link-wins', 'returning-user']) {
      for (const tableView of ['as-sent', 'as-shown'] as const) {
        const steps = playedRows(scenarioId).played.steps.length;
        for (let cursor = 1; cursor < steps; cursor++) {
          const before = project(scenarioId, cursor, tableView, true).table;
          const after = project(scenarioId, cursor + 1, tableView, true).table;
          for (const row of after) {
            const old = before.find((candidate) => candidate.id === row.id);
            if (old === undefined) continue;
            compared++;
            if (!sameData(old, row)) differing++;
            expect(sameTableRow(old, row)).toBe(sameData(old, row));
          }
        }
      }
    }
    // Both answers occur: rows a step left alone, and rows it changed (no longer new, or rewritten).
    expect(differing).toBeGreaterThan(0);
    expect(compared - differing).toBeGreaterThan(0);
  });

  it('tells apart rows that differ in one cell field or one note', () => {
    const row = project('new-user-signup', 2).table[0];
    if (row === undefined) throw new Error('no row');
    expect(sameTableRow(row, { ...row })).toBe(true);
    const hinted = { ...row, cells: { ...row.cells, time: { ...row.cells.time, hint: 'other' } } };
    expect(sameTableRow(row, hinted)).toBe(false);
    expect(sameTableRow(row, { ...row, notes: [...row.notes, { text: 'x', kind: 'plain' as const }] })).toBe(
      false,
    );
  });
});

describe('sameTableRow covers every field', () => {
  // Typed Required<…>: a field added to CellView, NoteView or TableRow fails the typecheck here until it is added, and
  // the loops below then fail until sameTableRow compares it (a field it skipped would leave a stale row on screen).
  const cell: Required<CellView> = {
    text: 'D1',
    fullId: '$device:D1',
    hint: 'why',
    tone: 'device',
    derived: false,
    was: 'A1',
    sortKey: 'D1',
  };
  const note: Required<NoteView> = { text: 'Links D1 ⇒ U1', kind: 'link' };
  const row: Required<TableRow> = {
    id: 'r1',
    recordIndex: 1,
    number: 1,
    resolvedId: 'U1',
    isNew: false,
    changed: false,
    cells: Object.fromEntries(COLUMN_IDS.map((column) => [column, cell])) as TableRow['cells'],
    notes: [note],
  };
  /** Another value of the same type. */
  const other = (value: unknown): unknown =>
    typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : `${String(value)}·`;

  it('tells apart rows that differ in any one field of a cell, of a note, or of the row', () => {
    for (const key of Object.keys(cell) as (keyof CellView)[]) {
      const changedCell = { ...cell, [key]: other(cell[key]) };
      const cells = { ...row.cells, [COLUMN_IDS[0]]: changedCell };
      expect(sameTableRow(row, { ...row, cells }), `cell field ${key}`).toBe(false);
    }
    for (const key of Object.keys(note) as (keyof NoteView)[])
      expect(
        sameTableRow(row, { ...row, notes: [{ ...note, [key]: other(note[key]) }] }),
        `note ${key}`,
      ).toBe(false);
    for (const key of Object.keys(row) as (keyof TableRow)[]) {
      if (key === 'cells' || key === 'notes') continue;
      expect(sameTableRow(row, { ...row, [key]: other(row[key]) }), `row field ${key}`).toBe(false);
    }
    expect(sameTableRow(row, { ...row, cells: { ...row.cells }, notes: [{ ...note }] })).toBe(true);
  });
});
