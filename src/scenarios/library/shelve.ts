// Puts library files on the shelf without loading the schema library: the app's first load stays small. Every file
// is validated against the one schema by the test suite (validate.test.ts, "the library files") and by loadLibrary.
import type { LibraryScenario } from '../types.ts';

/** A library file: its name and its parsed JSON. */
export type LibraryFile = readonly [fileName: string, json: unknown];

/** The library could not load; `problems` holds every message, each prefixed with its file. */
export class LibraryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the scenario library is broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'LibraryError';
  }
}

/** Problems of the library as a whole: a file's id must match its name, and ids must be unique. */
export function shelfProblems(
  entries: readonly (readonly [fileName: string, scenario: LibraryScenario])[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [fileName, scenario] of entries) {
    if (`${scenario.id}.json` !== fileName)
      problems.push(`${fileName}: id: must match the file name; got "${scenario.id}"`);
    if (seen.has(scenario.id)) problems.push(`${fileName}: id: "${scenario.id}" is used twice`);
    seen.add(scenario.id);
  }
  return problems;
}

/** The files as scenarios, checked only for names and ids (the schema check runs in the tests, see above). */
export function shelveLibrary(files: readonly LibraryFile[]): LibraryScenario[] {
  const entries = files.map(([fileName, json]) => [fileName, json as LibraryScenario] as const);
  const problems = shelfProblems(entries);
  if (problems.length > 0) throw new LibraryError(problems);
  return entries.map(([, scenario]) => scenario);
}
