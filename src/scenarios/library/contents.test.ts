// The app's two ways to the library agree with the one the CLI and tests read: the generated entries are what the
// bodies say, and the shelf hands out the very bodies index.ts holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENTS_PATH, expectedContents, ROOT } from '../../../scripts/libraryContents.ts';
import { entryOf } from './entry.ts';
import { LIBRARY } from './index.ts';
import {
  fetchLibrary,
  fetchScenario,
  FIRST_SCENARIO,
  LIBRARY_CONTENTS,
  libraryEntry,
  shelvedLibrary,
  shelvedScenario,
} from './shelf.ts';

describe('the library contents (contents.ts)', () => {
  it('is what scripts/library-contents.ts writes from the library files', async () => {
    const text = readFileSync(ROOT + CONTENTS_PATH, 'utf8');
    expect(text, 'run `npm run library:contents`').toBe(await expectedContents());
  });

  it('lists every scenario in picker order, as its body says, and ships the first body', () => {
    expect(LIBRARY_CONTENTS).toEqual(LIBRARY.map(entryOf));
    expect(FIRST_SCENARIO).toEqual(LIBRARY[0]);
    expect(libraryEntry('original-signup')?.stepCount).toBe(
      LIBRARY.find((s) => s.id === 'original-signup')?.steps.length,
    );
  });
});

describe('the shelf', () => {
  it('has the first body at once, another once asked for, and every one once the library loads', async () => {
    expect(shelvedScenario(FIRST_SCENARIO.id)).toBe(FIRST_SCENARIO);
    expect(shelvedScenario('legacy-alias-race')).toBeUndefined();
    expect(await fetchScenario('legacy-alias-race')).toEqual(
      LIBRARY.find((s) => s.id === 'legacy-alias-race'),
    );
    expect(shelvedScenario('legacy-alias-race')?.id).toBe('legacy-alias-race');
    expect(shelvedLibrary(), 'one body is not the library').toBeUndefined();
    expect(await fetchLibrary()).toEqual(LIBRARY);
    expect(shelvedLibrary()).toBe(await fetchLibrary());
    for (const entry of LIBRARY_CONTENTS) expect(shelvedScenario(entry.id)?.id).toBe(entry.id);
  });

  it('finds no body for an id the library does not have', async () => {
    expect(await fetchScenario('no-such-scenario')).toBeUndefined();
    expect(libraryEntry('no-such-scenario')).toBeUndefined();
    expect(shelvedScenario('no-such-scenario')).toBeUndefined();
  });
});
