// The app's doors (issue #11): hostile URL parameters and stored values through the page's own readers. Runs are
// modest here; `npm run fuzz` runs the same properties for longer with a printed seed.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../scenarios/library/shelf.ts';
import { ASIDE_KEY, SAVED_KEY } from '../store/savedScenarios.ts';
import { readSavedState } from './savedState.ts';
import { DOOR_PROPERTIES, memoryStorage } from './test/doors.ts';
import { THEME_STORAGE_KEY } from './themePreference.ts';

// Library scenarios but the first load on demand, as in the app: a URL naming one waits for it there.
beforeAll(async () => {
  await fetchLibrary();
});

describe('the app’s doors (issue #11)', () => {
  it.each(Object.entries(DOOR_PROPERTIES))('%s', (_name, property) => {
    fc.assert(property(), { numRuns: 60 });
  });

  it('keeps the readable saved scenarios and sets aside only the damaged entry', () => {
    const good = { key: 'k1', title: 'Mine', payload: 'N4Ig', savedAt: 1 };
    const storage = memoryStorage({
      [SAVED_KEY]: JSON.stringify([good, { key: 2, title: '<b>x</b>' }]),
      [THEME_STORAGE_KEY]: '<img src=x onerror=alert(1)>',
    });
    const { theme, notices } = readSavedState(storage);
    expect(theme).toBeUndefined();
    expect(notices).toEqual([
      'The saved theme "<img src=x onerror=alert(1)>" is not light or dark; it was cleared and the system\'s theme is used.',
      `1 of your 2 saved scenarios could not be read (damaged entries); it was set aside under "${ASIDE_KEY}" in this browser's storage.`,
    ]);
    expect(JSON.parse(storage.getItem(SAVED_KEY) ?? '')).toEqual([good]);
    expect(JSON.parse(storage.getItem(ASIDE_KEY) ?? '')).toEqual([{ key: 2, title: '<b>x</b>' }]);
  });

  it('says so when full storage cannot keep a copy, and leaves the damaged list in place', () => {
    const storage = memoryStorage({ [SAVED_KEY]: '{"damaged' });
    const full = {
      getItem: (key: string) => storage.getItem(key),
      removeItem: (key: string) => storage.removeItem(key),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const { notices } = readSavedState(full);
    expect(notices).toEqual([
      'Your saved scenarios could not be read (the stored data is damaged); it was left in place, as the browser refused to store a copy (storage full?); your next saved scenario replaces it.',
    ]);
    expect(storage.getItem(SAVED_KEY)).toBe('{"damaged');
    expect(storage.getItem(ASIDE_KEY)).toBeNull();
  });
});
