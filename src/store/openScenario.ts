// Opening a library scenario: its body loads first (all but the first load on demand, scenarios/library/shelf.ts),
// so the store never names a scenario it cannot show, and what is on screen stays until the new one can replace it.
import type { Mode } from '../engine/index.ts';
import { fetchScenario, libraryEntry, shelvedScenario } from '../scenarios/library/shelf.ts';
import type { AppActions } from './appStore.ts';
import { LIBRARY_CATALOGUE } from './catalogue.ts';
import { readLocation } from './urlState.ts';

/** Where to open a scenario: in a mode (else its default) and at a step (else the start). */
export interface OpenAt {
  readonly mode?: Mode | undefined;
  readonly step?: number | undefined;
}

/** The latest request per store: a scenario that arrives after another was chosen is not opened. */
const latest = new WeakMap<AppActions, number>();

/**
 * Opens the library scenario `id` once its body is there: at once when it is (the usual case, the page loads the
 * library when idle), else when it arrives. A body that cannot be loaded (offline) leaves the view as it is and says so.
 */
export function openLibraryScenario(actions: AppActions, id: string, at: OpenAt = {}): void {
  const entry = libraryEntry(id);
  if (entry === undefined) return;
  const ticket = (latest.get(actions) ?? 0) + 1;
  latest.set(actions, ticket);
  const open = () => {
    if (latest.get(actions) !== ticket) return;
    actions.selectScenario(entry.id, entry.stepCount, at.mode ?? entry.modes[0]);
    if (at.step !== undefined) actions.stepTo(at.step);
  };
  if (shelvedScenario(id) !== undefined) return open();
  fetchScenario(id).then(open, (error: unknown) =>
    actions.addNotice(`Scenario "${entry.title}" could not be loaded (${String(error)}); try again.`),
  );
}

/**
 * Null when the scenario a query string names (or the default it falls back to) can be shown at once; else a
 * promise that settles when its body has loaded (rejecting if it cannot), to wait for before reading the location.
 */
export function scenarioReadyFor(search: string): Promise<unknown> | null {
  const { scenarioId } = readLocation(search, LIBRARY_CATALOGUE).location;
  return shelvedScenario(scenarioId) === undefined ? fetchScenario(scenarioId) : null;
}
