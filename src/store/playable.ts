// Whether a scenario plays under an SDK version: the simulator may refuse a call, and the app must not go blank.
import { ScenarioPlayError } from '../scenarios/play.ts';
import type { SdkVersion } from '../simulator/index.ts';
import { playScenarioMemo } from './derive.ts';
import { libraryEntry, shelvedScenario } from '../scenarios/library/shelf.ts';
import type { Scenario } from '../scenarios/types.ts';

/**
 * Undefined when the library scenario plays (or is not in the library); otherwise what went wrong, in words. Plays
 * are memoised, so this is cheap. A body not loaded yet is checked once it is: the app opens a library scenario only
 * after its body has loaded, and the scenario guard checks every scenario the store names.
 */
export function playProblem(scenarioId: string, sdkVersion: SdkVersion | undefined): string | undefined {
  const scenario = shelvedScenario(scenarioId);
  return scenario === undefined ? undefined : playProblemOf(scenario, sdkVersion);
}

/**
 * What keeps a URL's scenario from opening: its body has not loaded (the page waits for it first, so this means it
 * could not be), or it does not play. Undefined when it can open.
 */
export function openProblem(scenarioId: string, sdkVersion: SdkVersion | undefined): string | undefined {
  if (libraryEntry(scenarioId) !== undefined && shelvedScenario(scenarioId) === undefined)
    return `Scenario "${scenarioId}" could not be loaded.`;
  return playProblem(scenarioId, sdkVersion);
}

/** The same for a scenario in hand (a custom one). */
export function playProblemOf(scenario: Scenario, sdkVersion: SdkVersion | undefined): string | undefined {
  try {
    playScenarioMemo(scenario, sdkVersion);
    return undefined;
  } catch (error) {
    if (!(error instanceof ScenarioPlayError)) throw error;
    return `Scenario "${scenario.id}" could not be played: ${error.message}`;
  }
}
