// @vitest-environment jsdom
// Table rows as rendered: the real column definitions and row view, fed by the store. Only the virtualizer is left
// out (jsdom has no layout to measure), so every row the table model holds is rendered.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../../scenarios/library/shelf.ts';
import { StoreContext, createStoreBundle } from '../../store/StoreProvider.tsx';
import type { AppState } from '../../store/appStore.ts';
import { useActions, useAppState, useHighlight } from '../../store/hooks.ts';
import { EventRowView } from './EventRowView.tsx';
import { emphasisOf } from './rowEmphasis.ts';
import { useEventTable } from './useEventTable.ts';

afterEach(cleanup);

function AllRows() {
  const { table } = useEventTable();
  const selection = useAppState((state) => state.selection);
  const highlight = useHighlight();
  const { select } = useActions();
  return (
    <table>
      <tbody>
        {table.getRowModel().rows.map((row, index) => (
          <EventRowView
            key={row.id}
            row={row}
            columns={table
              .getVisibleLeafColumns()
              .map((column) => column.id)
              .join(' ')}
            displayIndex={index}
            emphasis={emphasisOf(row.original.recordIndex, selection, highlight)}
            tabbable={index === 0}
            focusNow={false}
            measure={() => {}}
            onFocusRow={() => {}}
            onSelect={(recordIndex) => select({ kind: 'event', recordIndex })}
          />
        ))}
      </tbody>
    </table>
  );
}

function renderRows(initial: Partial<AppState>) {
  const bundle = createStoreBundle(initial);
  render(
    <StoreContext.Provider value={bundle}>
      <AllRows />
    </StoreContext.Provider>,
  );
  return bundle;
}

// Library scenarios but the first load on demand, as in the app.
beforeAll(async () => {
  await fetchLibrary();
});

describe('event table rows', () => {
  it('shows the S-9 refusal in its row: resolved to U2, with the failure code as a note', () => {
    renderRows({ scenarioId: 'first-link-wins', mode: 'simplified', cursor: 4 });
    const row = screen.getByTestId('table.row.3');
    expect(within(row).getByTestId('table.cell.3.event').textContent).toBe('Log In');
    expect(within(row).getByTestId('table.cell.3.distinct_id').textContent).toContain('U2');
    const notes = [...row.querySelectorAll('[data-note]')];
    expect(notes.map((note) => note.getAttribute('data-note'))).toContain('failure');
    expect(row.textContent).toContain('errAnonDistinctIdAssignedAlready');
    // Device-only events still resolve to the first user (S-13).
    expect(screen.getByTestId('table.cell.4.distinct_id').textContent).toContain('U1');
  });

  it('renders only the events sent so far, and a click selects the event', () => {
    const { store } = renderRows({ scenarioId: 'first-link-wins', mode: 'simplified', cursor: 2 });
    const rows = screen.getAllByRole('row');
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual(['table.row.1', 'table.row.2']);
    fireEvent.click(screen.getByTestId('table.row.2'));
    expect(store.getState().selection).toEqual({ kind: 'event', recordIndex: 1 });
    expect(screen.getByTestId('table.row.2').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('table.row.1').getAttribute('aria-selected')).toBe('false');
  });

  it('the first pair links the device: its note names the link (S-6)', () => {
    renderRows({ scenarioId: 'first-link-wins', mode: 'simplified', cursor: 1 });
    const note = screen.getByTestId('table.row.1').querySelector('[data-note="link"]');
    // Written as Mixpanel's guide writes it: the raw device id, not its $device: key.
    expect(note?.textContent).toBe('Links tablet-42 ⇒ U1');
  });
});
