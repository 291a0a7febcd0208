import { beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../scenarios/library/shelf.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import { createAppStore } from './appStore.ts';
import { assumptionsInForce, changedOptions, departures, modeMismatch } from './assumptions.ts';
import { createDerivations } from './derivations.ts';
import { deviceStates } from './devices.ts';
import { searchScenarios } from './scenarioSearch.ts';

const scenario = (id: string) => {
  const found = LIBRARY.find((s) => s.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

// Library scenarios but the first load on demand, as in the app.
beforeAll(async () => {
  await fetchLibrary();
});

describe('assumptions', () => {
  it('marks only the options that differ from the defaults', () => {
    expect(changedOptions({ clusterLimit: 500, guidCheck: 'off' })).toEqual(['guidCheck']);
    const changed = assumptionsInForce({ clusterLimit: 10 }).filter((a) => a.changed);
    expect(changed.map((a) => a.question)).toEqual(['Q-2']);
    expect(changed[0]?.text).toContain('10 ids');
  });

  it('says when a scenario is shown under a mode it was not written for', () => {
    expect(modeMismatch(scenario('new-user-signup'), 'simplified')).toBeUndefined();
    expect(modeMismatch(scenario('new-user-signup'), 'original')).toBe(
      'Written for Simplified; shown under Original.',
    );
  });

  it('lists every departure from the plain reading', () => {
    expect(departures(scenario('new-user-signup'), 'simplified', {}, undefined)).toEqual([]);
    expect(
      departures(scenario('new-user-signup'), 'legacy', { canonical: 'first-seen' }, 'legacy'),
    ).toHaveLength(3);
  });
});

describe('deviceStates', () => {
  it('shows devices as not started before the first step, then their persisted ids', () => {
    const store = createAppStore({ scenarioId: 'multiple-users-one-device', cursor: 0, stepCount: 8 });
    const derive = createDerivations();
    expect(deviceStates(derive.model(store.getState()))).toMatchObject([
      { id: 'A', started: false, fields: [] },
    ]);
    store.getState().stepTo(2);
    const [device] = deviceStates(derive.model(store.getState()));
    expect(device?.identifyCalled).toBe(true);
    expect(device?.fields.map((f) => f.name)).toEqual(['distinct_id', '$device_id', '$user_id']);
    expect(device?.fields.find((f) => f.name === '$user_id')?.value).toBe('U1');
  });
});

describe('searchScenarios', () => {
  it('groups every scenario in picker order for an empty query', () => {
    const groups = searchScenarios(LIBRARY, '');
    expect(groups.flatMap((g) => g.scenarios)).toHaveLength(LIBRARY.length);
    expect(groups[0]?.group).toBe('Simplified basics');
  });

  it('needs every word to match title, lesson, id, group or rule', () => {
    const ids = searchScenarios(LIBRARY, 'reset device').flatMap((g) => g.scenarios.map((s) => s.id));
    expect(ids).toContain('multiple-users-one-device');
    expect(searchScenarios(LIBRARY, 'zzzz-nothing')).toEqual([]);
  });
});
