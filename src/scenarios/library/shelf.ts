// The library as the app loads it: every scenario's entry and the first scenario's body come with the page
// (contents.ts); every other body is its own chunk, loaded on demand: a URL naming a scenario waits for that one
// file (1 kB gzip, not the whole library's 14), and the page loads the rest when idle. The loaders are plain dynamic
// imports, so Node (scripts, tests) can load the same way. The CLI and the tests also import the same files at once
// (index.ts): one definition of the library, two ways to load it.
import type { LibraryScenario } from '../types.ts';
import { FIRST_SCENARIO, LIBRARY_CONTENTS, LIBRARY_LOADERS } from './contents.ts';
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

/** Loads one body unless shelved, putting it on the shelf; ids come from the entries, whose files a test checks. */
async function fetchBody(id: string): Promise<LibraryScenario> {
  const onShelf = shelved.get(id);
  if (onShelf !== undefined) return onShelf;
  const load = LIBRARY_LOADERS[id];
  if (load === undefined) throw new Error(`the library has no file for "${id}"`);
  // Shelved unchecked, as the first one is (shelve.ts): the tests validate every file against the schema.
  const scenario = (await load()).default as LibraryScenario;
  shelved.set(id, scenario);
  return scenario;
}

/** Loads every body (once; a failed load, say offline, is tried again on the next call). */
export function fetchLibrary(): Promise<readonly LibraryScenario[]> {
  loading ??= Promise.all(LIBRARY_CONTENTS.map(({ id }) => fetchBody(id))).then(
    (library) => {
      whole = library;
      return library;
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
  return fetchBody(id);
}
