// Turns library files into scenarios, refusing the whole library when any file is broken (messages name file and field).
import type { Scenario } from '../types.ts';
import { parseScenario } from '../validate.ts';

/** A library file: its name and its parsed JSON. */
export type LibraryFile = readonly [fileName: string, json: unknown];

/** The library could not load; `problems` holds every validator message, each prefixed with its file. */
export class LibraryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the scenario library is broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'LibraryError';
  }
}

/** Validates every file; a file's id must match its name, and ids must be unique. */
export function loadLibrary(files: readonly LibraryFile[]): Scenario[] {
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  for (const [fileName, json] of files) {
    const parsed = parseScenario(json);
    if (!parsed.ok) {
      problems.push(...parsed.errors.map((error) => `${fileName}: ${error}`));
      continue;
    }
    const { scenario } = parsed;
    if (`${scenario.id}.json` !== fileName)
      problems.push(`${fileName}: id: must match the file name; got "${scenario.id}"`);
    if (scenarios.some((s) => s.id === scenario.id))
      problems.push(`${fileName}: id: "${scenario.id}" is used twice`);
    scenarios.push(scenario);
  }
  if (problems.length > 0) throw new LibraryError(problems);
  return scenarios;
}
