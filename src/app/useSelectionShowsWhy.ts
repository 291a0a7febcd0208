// Selecting a row or a node opens the "Why" tab, so the explanation appears where the user looks next.
import { useEffect } from 'react';
import { useStoreApi } from '../store/hooks.ts';

export function useSelectionShowsWhy(): void {
  const { store, actions } = useStoreApi();
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection !== null && state.selection !== previous.selection) actions.showSidePanel('why');
      }),
    [store, actions],
  );
}
