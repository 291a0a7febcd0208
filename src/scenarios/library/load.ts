// Turns library files into scenarios through the one schema, refusing the whole library when any file is broken
// (messages name file and field). The app shelves the same files without the schema library (shelve.ts).
import type { LibraryScenario } from '../types.ts';
import { parseScenario } from '../validate.ts';
import { LibraryError, shelfProblems, type LibraryFile } from './shelve.ts';

export { LibraryError, type LibraryFile } from './shelve.ts';

/** Validates every file; a file's id must match its name, and ids must be unique. */
export function loadLibrary(files: readonly LibraryFile[]): LibraryScenario[] {
  const problems: string[] = [];
  const entries: (readonly [string, LibraryScenario])[] = [];
  for (const [fileName, json] of files) {
    const parsed = parseScenario(json, { library: true });
    if (parsed.ok) entries.push([fileName, parsed.scenario as LibraryScenario]);
    else problems.push(...parsed.errors.map((error) => `${fileName}: ${error}`));
  }
  problems.push(...shelfProblems(entries));
  if (problems.length > 0) throw new LibraryError(problems);
  return entries.map(([, scenario]) => scenario);
}
