// Opening library scenarios whose bodies load on demand: the store names a scenario only once it can show it, the
// latest choice wins, and a URL's scenario is waited for. The shelf is one per module graph, so the order matters:
// the first test runs before the library has loaded, the second after.
import { describe, expect, it, vi } from 'vitest';
import { fetchLibrary, FIRST_SCENARIO } from '../scenarios/library/shelf.ts';
import { createAppStore } from './appStore.ts';
import { scenarioOf } from './derivations.ts';
import { openLibraryScenario, scenarioReadyFor } from './openScenario.ts';

describe('opening a library scenario', () => {
  it('before the library has loaded: keeps the view until the body arrives, then opens the latest choice', async () => {
    const store = createAppStore();
    const actions = store.getState();
    expect(scenarioReadyFor('')).toBeNull();
    expect(scenarioReadyFor('?scenario=no-such-scenario')).toBeNull();
    expect(scenarioOf('no-such-scenario')).toBe(FIRST_SCENARIO);
    expect(() => scenarioOf('returning-user')).toThrow(/before its body has loaded/);
    const ready = scenarioReadyFor('?scenario=legacy-alias-race&step=2');
    expect(ready).not.toBeNull();

    const named: string[] = [];
    store.subscribe((state) => named.push(state.scenarioId));
    openLibraryScenario(actions, 'original-signup');
    openLibraryScenario(actions, 'returning-user', { step: 2 });
    expect(store.getState().scenarioId).toBe(FIRST_SCENARIO.id);

    await ready;
    await vi.waitFor(() => expect(store.getState().scenarioId).toBe('returning-user'));
    expect(store.getState()).toMatchObject({ cursor: 2, stepCount: 8, mode: 'simplified' });
    expect(named, 'the earlier choice, overtaken, is never opened').not.toContain('original-signup');
    expect(scenarioOf('returning-user').id).toBe('returning-user');
    expect(scenarioReadyFor('?scenario=legacy-alias-race')).toBeNull();
  });

  it('once it has: opens at once, in its own mode unless told, and ignores an id not in the library', async () => {
    await fetchLibrary();
    const store = createAppStore();
    const actions = store.getState();
    openLibraryScenario(actions, 'original-signup');
    expect(store.getState()).toMatchObject({ scenarioId: 'original-signup', mode: 'original', cursor: 0 });
    openLibraryScenario(actions, 'legacy-sally-signup', { mode: 'simplified', step: 1 });
    expect(store.getState()).toMatchObject({
      scenarioId: 'legacy-sally-signup',
      mode: 'simplified',
      cursor: 1,
    });
    openLibraryScenario(actions, 'no-such-scenario');
    expect(store.getState().scenarioId).toBe('legacy-sally-signup');
  });
});
