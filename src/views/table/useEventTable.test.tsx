// @vitest-environment jsdom
// The table keeps the projected rows a step left unchanged as the same objects, so its memoized rows skip their render.
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../../scenarios/library/shelf.ts';
import { StoreContext, createStoreBundle } from '../../store/StoreProvider.tsx';
import { useEventTable } from './useEventTable.ts';

afterEach(cleanup);

function renderTable(cursor: number) {
  const bundle = createStoreBundle({ scenarioId: 'first-link-wins', mode: 'simplified', cursor });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StoreContext.Provider value={bundle}>{children}</StoreContext.Provider>
  );
  const hook = renderHook(() => useEventTable(), { wrapper });
  const rows = () => hook.result.current.table.getRowModel().rows.map((row) => row.original);
  return { store: bundle.store, rows };
}

// Library scenarios but the first load on demand, as in the app.
beforeAll(async () => {
  await fetchLibrary();
});

describe('useEventTable across steps', () => {
  it('keeps the row objects a step left unchanged, and gives new objects to the rows it changed', () => {
    const { store, rows } = renderTable(2);
    const before = rows();
    act(() => store.getState().stepForward());
    const after = rows();
    expect(after.length).toBeGreaterThan(before.length);
    // Step 2's new row is no longer new at step 3: its object changes; the rows before it are the same objects.
    const wasNew = before.findIndex((row) => row.isNew);
    expect(wasNew).toBeGreaterThan(0);
    for (let index = 0; index < wasNew; index++) expect(after[index]).toBe(before[index]);
    expect(after[wasNew]).not.toBe(before[wasNew]);
    expect(after[wasNew]).toEqual({ ...before[wasNew], isNew: false });
  });
});
