// Turns a query string into a view the app can open: a valid location, its step count, and notices for what was wrong.
import type { SdkVersion } from '../simulator/index.ts';
import type { AppState } from './appStore.ts';
import { LIBRARY_CATALOGUE } from './catalogue.ts';
import { openProblem } from './playable.ts';
import { readLocation, readViewDetails, type LocationCatalogue, type ViewLocation } from './urlState.ts';

export interface Located {
  readonly location: ViewLocation;
  readonly stepCount: number;
  readonly notices: readonly string[];
}

/**
 * Reads `search`, repairing bad parameters; a scenario that cannot be played, or whose body has not loaded (the page
 * waits for it first: scenarioReadyFor), falls back to the default one, so a URL can never leave the app blank.
 */
export function locate(
  search: string,
  sdkVersion: SdkVersion | undefined,
  catalogue: LocationCatalogue = LIBRARY_CATALOGUE,
  problemOf: typeof openProblem = openProblem,
): Located {
  const { location, notices } = readLocation(search, catalogue);
  const problem = problemOf(location.scenarioId, sdkVersion);
  if (problem === undefined) return { location, stepCount: stepsOf(location, catalogue), notices };
  const fallback = defaultLocation(catalogue);
  return {
    location: fallback,
    stepCount: stepsOf(fallback, catalogue),
    notices: [...notices, `${problem} Showing "${fallback.scenarioId}" instead.`],
  };
}

function defaultLocation(catalogue: LocationCatalogue): ViewLocation {
  const scenarioId = catalogue.defaultScenarioId;
  return { scenarioId, mode: catalogue.defaultMode(scenarioId), cursor: 0 };
}

function stepsOf(location: ViewLocation, catalogue: LocationCatalogue): number {
  return catalogue.stepCount(location.scenarioId) ?? 0;
}

/** The state a page starts in for `search`: the located view, the details its link names, and their notices. */
export function initialStateFor(search: string, base: Partial<AppState> = {}): Partial<AppState> {
  const read = readViewDetails(search);
  const sdkVersion = read.details.sdkVersion ?? base.sdkVersion;
  const { location, stepCount, notices } = locate(search, sdkVersion);
  return {
    ...base,
    ...read.details,
    ...location,
    stepCount,
    notices: [...(base.notices ?? []), ...notices, ...read.notices],
  };
}

/** The location part of a state: what the URL holds. */
export function locationOf(state: Pick<AppState, 'scenarioId' | 'mode' | 'cursor'>): ViewLocation {
  return { scenarioId: state.scenarioId, mode: state.mode, cursor: state.cursor };
}
