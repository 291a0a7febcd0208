// What `node --import tsx scripts/library-contents.ts` writes: src/scenarios/library/contents.ts, the library's
// entries (and its first scenario's body) for the app's first load, and a loader per other file, derived from the
// files index.ts lists. Node only.
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { entryOf } from '../src/scenarios/library/entry.ts';
import { LIBRARY, LIBRARY_FILES } from '../src/scenarios/library/index.ts';

/** The generated file's path, relative to the project root. */
export const CONTENTS_PATH = 'src/scenarios/library/contents.ts';
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The text contents.ts must hold, formatted as `prettier --check` wants it. */
export async function expectedContents(): Promise<string> {
  const first = LIBRARY_FILES[0];
  if (first === undefined) throw new Error('the scenario library is empty');
  const text = [
    '// Generated from the library files by `npm run library:contents` (scripts/library-contents.ts): do not edit.',
    '// The entries the first screen needs, and the first (default) scenario, which opens without waiting;',
    '// every other body loads when asked for (shelf.ts). contents.test.ts fails while this file is stale.',
    `import firstFile from './${first[0]}' with { type: 'json' };`,
    "import type { LibraryEntry } from './entry.ts';",
    "import { shelveLibrary } from './shelve.ts';",
    '',
    "/** Every library scenario's entry, in picker order. */",
    `export const LIBRARY_CONTENTS: readonly LibraryEntry[] = ${JSON.stringify(LIBRARY.map(entryOf))};`,
    '',
    '/** The first library scenario (the default), shipped with the page. */',
    `export const FIRST_SCENARIO = shelveLibrary([['${first[0]}', firstFile]])[0]!;`,
    '',
    "/** Every other file's loader, by scenario id: the bundler makes each one a chunk; Node reads the file. */",
    'export const LIBRARY_LOADERS: Readonly<Record<string, () => Promise<{ default: unknown }>>> = {',
    ...LIBRARY_FILES.slice(1).map(
      ([fileName]) =>
        `'${fileName.replace(/\.json$/, '')}': () => import('./${fileName}', { with: { type: 'json' } }),`,
    ),
    '};',
    '',
  ].join('\n');
  const options = await resolveConfig(ROOT + CONTENTS_PATH);
  return format(text, { ...options, filepath: ROOT + CONTENTS_PATH });
}
