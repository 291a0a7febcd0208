// Keeps the URL and the store in step: the URL always holds scenario, mode and step; back and forward reopen them.
import { useEffect } from 'react';
import { useStoreApi } from '../store/hooks.ts';
import { locate, locationOf } from '../store/locate.ts';
import { scenarioReadyFor } from '../store/openScenario.ts';
import type { AppState } from '../store/appStore.ts';
import {
  DEFAULT_VIEW_DETAILS,
  readViewDetails,
  viewDetailsOf,
  type ViewDetails,
  withViewDetails,
  writeLocation,
} from '../store/urlState.ts';
import { readView, withSource } from '../store/viewParam.ts';
import { FLUSH_URL_EVENT, readPlay, withEmbed, writePlaySearch } from '../store/custom.ts';
import { openPayload } from './openLink.ts';
import { afterNextPaint } from '../views/shared/afterNextPaint.ts';
import { historyMethodFor } from './historyPolicy.ts';
import { createUrlWriter, type HistoryMethod } from './urlWriter.ts';

/**
 * The query string for a state: scenario (or the whole custom scenario as `play`), mode and step, `view=import`
 * while the dataset is on show, and `embed=1` in an embed.
 */
function searchOf(state: AppState): string {
  const location =
    state.custom === null
      ? writeLocation(locationOf(state))
      : writePlaySearch(state.custom.payload, state.mode, state.cursor);
  const view = withSource(location, state.dataset.source, state.compareOpen);
  return withEmbed(withViewDetails(view, viewDetailsOf(state)), state.embed);
}

/** Whether the details a link carries changed (they replace the history entry: no new one per click). */
function detailsChanged(state: AppState, previous: AppState): boolean {
  return (
    state.options !== previous.options ||
    state.sdkVersion !== previous.sdkVersion ||
    state.selection !== previous.selection ||
    state.sidePanel !== previous.sidePanel ||
    state.tableView !== previous.tableView ||
    state.identityEvents !== previous.identityEvents
  );
}

/** Back or forward: the details the entry's link names, the defaults for the rest. */
function detailsIn(search: string): { details: ViewDetails; notices: readonly string[] } {
  const read = readViewDetails(search);
  return { details: { ...DEFAULT_VIEW_DETAILS, ...read.details }, notices: read.notices };
}

/** How long an edit's URL write waits for the next edit (they merge into one write). */
const EDIT_WRITE_DELAY_MS = 300;

/** An edit of the user's own scenario in the open editor (not opening one: that is a place to come back to). */
function isEdit(state: AppState, previous: AppState): boolean {
  return (
    state.custom !== previous.custom &&
    state.editorOpen &&
    previous.editorOpen &&
    state.custom?.editable === true &&
    previous.custom?.editable === true &&
    state.dataset.source === previous.dataset.source
  );
}

function writeHistory(search: string, method: HistoryMethod): void {
  if (search === window.location.search) return;
  if (method === 'push') window.history.pushState(null, '', search);
  else window.history.replaceState(null, '', search);
}

export function useUrlSync(): void {
  const { store, actions } = useStoreApi();
  useEffect(() => {
    const writerWaiting = (least: number) =>
      createUrlWriter({
        search: () => searchOf(store.getState()),
        write: writeHistory,
        now: () => performance.now(),
        // Written just after a painted frame: a history write saves the scroll state, which lays the page out
        // first if anything changed since the last frame (4 ms on the 500-event scenario, 0.2 ms when clean).
        schedule: (run, delay) => {
          let cancelWrite = () => {};
          const timer = window.setTimeout(() => (cancelWrite = afterNextPaint(run)), Math.max(delay, least));
          return () => {
            window.clearTimeout(timer);
            cancelWrite();
          };
        },
      });
    const writer = writerWaiting(0);
    // Edits write once the user pauses: a history write lays the page out (Chromium saves its scroll state), which
    // in the middle of a 500-step edit is a second layout before the frame.
    const editWriter = writerWaiting(EDIT_WRITE_DELAY_MS);
    // The page may have opened on "/" or on a repaired URL: show the view actually open.
    writeHistory(searchOf(store.getState()), 'replace');
    // While back/forward reopens a view, a repaired URL replaces the entry instead of adding one.
    let restoring = false;
    const unsubscribe = store.subscribe((state, previous) => {
      let method =
        state.dataset.source !== previous.dataset.source || state.compareOpen !== previous.compareOpen
          ? 'push'
          : historyMethodFor(state, previous);
      // Edits replace the entry, even when they move the step (an added step shows at the end): back does not walk
      // through keystrokes, and a push per edit cost 15–50 ms on a 500-step story (scripts/measure-edit.ts).
      if (state.custom !== previous.custom && method !== 'push') method = 'replace';
      if (method === 'none' && detailsChanged(state, previous)) method = 'replace';
      if (method === 'none') return;
      if (restoring) writeHistory(searchOf(store.getState()), 'replace');
      else if (isEdit(state, previous)) editWriter.request('replace');
      else writer.request(method);
    });
    const onPopState = () => {
      writer.discard();
      editWriter.discard();
      const play = readPlay(window.location.search);
      if (play !== null) return void reopenPlay(play);
      // A library scenario's body loads before the store names it; the entry must still be current when it has.
      const search = window.location.search;
      const ready = scenarioReadyFor(search);
      if (ready === null) return reopenLocation();
      // Loaded or not (locate then opens the default, saying so), unless another entry has been opened meanwhile.
      const reopenIfCurrent = () => (window.location.search === search ? reopenLocation() : undefined);
      ready.then(reopenIfCurrent, reopenIfCurrent);
    };
    const reopenLocation = () => {
      // Read everything first: opening the location replaces the URL with its repaired form.
      const linked = detailsIn(window.location.search);
      const { location, stepCount, notices } = locate(window.location.search, linked.details.sdkVersion);
      const view = readView(window.location.search);
      restoring = true;
      actions.openLocation(location, stepCount);
      actions.showSource(view.source);
      actions.setCompareOpen(view.compare);
      actions.openViewDetails(linked.details);
      restoring = false;
      for (const notice of [...notices, ...view.notices, ...linked.notices]) actions.addNotice(notice);
    };
    /** Back or forward onto a `play` link: the current custom scenario, or the link decoded again. */
    const reopenPlay = async (play: string) => {
      const linked = detailsIn(window.location.search);
      const current = store.getState().custom;
      const opened = current?.payload === play ? { custom: current } : await openPayload(play);
      const params = new URLSearchParams(window.location.search);
      if ('problem' in opened)
        return actions.addNotice(`This link's scenario could not be opened: ${opened.problem}`);
      const { custom } = opened;
      restoring = true;
      actions.showCustom(custom, Number(params.get('step') ?? custom.scenario.steps.length) || 0);
      actions.openViewDetails(linked.details);
      restoring = false;
    };
    window.addEventListener('popstate', onPopState);
    const flushEdits = () => editWriter.flush();
    window.addEventListener('pagehide', flushEdits);
    window.addEventListener(FLUSH_URL_EVENT, flushEdits);
    return () => {
      writer.flush();
      editWriter.flush();
      window.removeEventListener('pagehide', flushEdits);
      window.removeEventListener(FLUSH_URL_EVENT, flushEdits);
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, [store, actions]);
}
