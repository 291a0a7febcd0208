import { beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../scenarios/library/shelf.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import { catalogueOf, LIBRARY_CATALOGUE } from './catalogue.ts';
import { initialStateFor, locate, locationOf } from './locate.ts';
import { readLocation, writeLocation } from './urlState.ts';

// Library scenarios but the first load on demand, as in the app: a URL naming one waits for it there.
beforeAll(async () => {
  await fetchLibrary();
});

describe('the URL round trip', () => {
  it('reads back every library scenario, mode and step it wrote', () => {
    for (const scenario of LIBRARY) {
      for (const mode of ['simplified', 'original', 'legacy'] as const) {
        const location = { scenarioId: scenario.id, mode, cursor: scenario.steps.length };
        const read = readLocation(writeLocation(location), LIBRARY_CATALOGUE);
        expect(read).toEqual({ location, notices: [] });
      }
    }
  });

  it('opens the default scenario in its first mode at step 0 for an empty query', () => {
    expect(readLocation('', LIBRARY_CATALOGUE).location).toEqual({
      scenarioId: 'new-user-signup',
      mode: 'simplified',
      cursor: 0,
    });
  });

  it('gives a scenario its first written mode when the URL names none', () => {
    expect(readLocation('?scenario=original-signup', LIBRARY_CATALOGUE).location.mode).toBe('original');
  });
});

describe('locate', () => {
  it('clamps a step beyond the end, with a notice', () => {
    const located = locate('?scenario=returning-user&mode=simplified&step=999', undefined);
    expect(located.location.cursor).toBe(8);
    expect(located.stepCount).toBe(8);
    expect(located.notices).toEqual(['This scenario has steps 0 to 8; showing step 8.']);
  });

  it('repairs every bad parameter at once', () => {
    const located = locate('?scenario=nope&mode=bogus&step=-3', undefined);
    expect(located.location).toEqual({ scenarioId: 'new-user-signup', mode: 'simplified', cursor: 0 });
    expect(located.notices).toHaveLength(3);
  });

  it('falls back to the default scenario when the named one cannot be played', () => {
    const catalogue = catalogueOf(LIBRARY);
    const problemOf = (id: string) =>
      id === 'returning-user' ? 'Scenario "returning-user" could not be played.' : undefined;
    const located = locate('?scenario=returning-user&mode=original&step=3', undefined, catalogue, problemOf);
    expect(located.location).toEqual({ scenarioId: 'new-user-signup', mode: 'simplified', cursor: 0 });
    expect(located.stepCount).toBe(4);
    expect(located.notices[0]).toContain('could not be played');
    expect(located.notices[0]).toContain('Showing "new-user-signup" instead.');
  });

  it('gives a page its starting state, keeping what it was given', () => {
    const state = initialStateFor('?scenario=returning-user&mode=legacy&step=2', { theme: 'dark' });
    expect(state).toMatchObject({
      scenarioId: 'returning-user',
      mode: 'legacy',
      cursor: 2,
      stepCount: 8,
      theme: 'dark',
    });
    expect(state.notices).toEqual([]);
  });

  it('takes the location out of a state', () => {
    const state = { scenarioId: 'a', mode: 'original', cursor: 1, playing: true } as const;
    expect(locationOf(state)).toEqual({ scenarioId: 'a', mode: 'original', cursor: 1 });
  });
});
