// What the app knows of a library scenario before its body loads: enough for the picker (title, group, rules), the
// URL reader (step count, default mode) and opening it. contents.ts lists one per file, generated from the bodies.
import type { LibraryScenario, ScenarioGroup } from '../types.ts';

/** A library scenario's entry: its id, title, picker group, modes (the first is its default) and step count. */
export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  readonly group: ScenarioGroup;
  readonly modes: LibraryScenario['modes'];
  readonly stepCount: number;
  /** The rules the scenario lists (the picker's search matches them). */
  readonly rules: readonly string[];
}

/** The entry a scenario's body says: the one derivation, used by the generator and by the test that it is current. */
export function entryOf(scenario: LibraryScenario): LibraryEntry {
  return {
    id: scenario.id,
    title: scenario.title,
    group: scenario.group,
    modes: scenario.modes,
    stepCount: scenario.steps.length,
    rules: scenario.rules ?? [],
  };
}
