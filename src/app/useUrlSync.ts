// Keeps the URL and the store in step: the URL always holds scenario, mode and step; back and forward reopen them.
import { useEffect } from 'react';
import { useStoreApi } from '../store/hooks.ts';
import { locate, locationOf } from '../store/locate.ts';
import type { AppState } from '../store/appStore.ts';
import { writeLocation } from '../store/urlState.ts';
import { readCompare, readSource, withSource } from '../store/viewParam.ts';
import { historyMethodFor } from './historyPolicy.ts';
import { createUrlWriter, type HistoryMethod } from './urlWriter.ts';

/** The query string for a state: scenario, mode and step, and `view=import` while the dataset is on show. */
function searchOf(state: AppState): string {
  return withSource(writeLocation(locationOf(state)), state.dataset.source, state.compareOpen);
}

function writeHistory(search: string, method: HistoryMethod): void {
  if (search === window.location.search) return;
  if (method === 'push') window.history.pushState(null, '', search);
  else window.history.replaceState(null, '', search);
}

export function useUrlSync(): void {
  const { store, actions } = useStoreApi();
  useEffect(() => {
    const writer = createUrlWriter({
      search: () => searchOf(store.getState()),
      write: writeHistory,
      now: () => performance.now(),
      schedule: (run, delay) => {
        const timer = window.setTimeout(run, delay);
        return () => window.clearTimeout(timer);
      },
    });
    // The page may have opened on "/" or on a repaired URL: show the view actually open.
    writeHistory(searchOf(store.getState()), 'replace');
    // While back/forward reopens a view, a repaired URL replaces the entry instead of adding one.
    let restoring = false;
    const unsubscribe = store.subscribe((state, previous) => {
      const method =
        state.dataset.source !== previous.dataset.source || state.compareOpen !== previous.compareOpen
          ? 'push'
          : historyMethodFor(state, previous);
      if (method === 'none') return;
      if (restoring) writeHistory(searchOf(store.getState()), 'replace');
      else writer.request(method);
    });
    const onPopState = () => {
      writer.discard();
      const { location, stepCount, notices } = locate(window.location.search, store.getState().sdkVersion);
      restoring = true;
      actions.openLocation(location, stepCount);
      actions.showSource(readSource(window.location.search));
      actions.setCompareOpen(readCompare(window.location.search));
      restoring = false;
      for (const notice of notices) actions.addNotice(notice);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      writer.flush();
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, [store, actions]);
}
