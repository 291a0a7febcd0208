// Turns library files into scenarios through the one schema, refusing the whole library when any file is broken
// (messages name file and field). The app shelves the same files without the schema library (shelve.ts).
import type { Scenario } from '../types.ts';
import { parseScenario } from '../validate.ts';
import { LibraryError, shelfProblems, type LibraryFile } from './shelve.ts';

export { LibraryError, type LibraryFile } from './shelve.ts';

/** Validates every file; a file's id must match its name, and ids must be unique. */
export function loadLibrary(files: readonly LibraryFile[]): Scenario[] {
  const problems: string[] = [];
  const entries: (readonly [string, Scenario])[] = [];
  for (const [fileName, json] of files) {
    const parsed = parseScenario(json);
    if (parsed.ok) entries.push([fileName, parsed.scenario]);
    else problems.push(...parsed.errors.map((error) => `${fileName}: ${error}`));
  }
  problems.push(...shelfProblems(entries));
  if (problems.length > 0) throw new LibraryError(problems);
  return entries.map(([, scenario]) => scenario);
}
