// The library as the app loads it: every scenario's entry and the first scenario's body come with the page
// (contents.ts); the other bodies arrive on demand, in one chunk: index.ts, the same module the CLI and the tests
// import synchronously. One definition of the library (the JSON files and index.ts's order), two ways to load it.
import type { LibraryScenario } from '../types.ts';
import { FIRST_SCENARIO, LIBRARY_CONTENTS } from './contents.ts';
import type { LibraryEntry } from './entry.ts';

export { FIRST_SCENARIO, LIBRARY_CONTENTS };
export type { LibraryEntry };

const entries = new Map(LIBRARY_CONTENTS.map((entry) => [entry.id, entry]));
const shelved = new Map<string, LibraryScenario>([[FIRST_SCENARIO.id, FIRST_SCENARIO]]);
let whole: readonly LibraryScenario[] | undefined;
let loading: Promise<readonly LibraryScenario[]> | undefined;

/** The entry of the library scenario with this id, if there is one. */
export function libraryEntry(id: string): LibraryEntry | undefined {
  return entries.get(id);
}

/** The body of the library scenario with this id, if it has loaded (the first one always has). */
export function shelvedScenario(id: string): LibraryScenario | undefined {
  return shelved.get(id);
}

/** Every body, in picker order, once the library has loaded; undefined before. */
export function shelvedLibrary(): readonly LibraryScenario[] | undefined {
  return whole;
}

/** Loads every body (once; a failed load, say offline, is tried again on the next call). */
export function fetchLibrary(): Promise<readonly LibraryScenario[]> {
  loading ??= import('./index.ts').then(
    ({ LIBRARY }) => {
      for (const scenario of LIBRARY) shelved.set(scenario.id, scenario);
      whole = LIBRARY;
      return LIBRARY;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The body of the library scenario with this id, loading it if need be; undefined for an id not in the library. */
export async function fetchScenario(id: string): Promise<LibraryScenario | undefined> {
  if (!entries.has(id)) return undefined;
  return shelved.get(id) ?? (await fetchLibrary()).find((scenario) => scenario.id === id);
}
