// The editor's form operations: each returns a new, still valid scenario and leaves its input as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDevice,
  addStep,
  blankScenario,
  copyOfScenario,
  deleteStep,
  deviceInUse,
  duplicateStep,
  moveStep,
  newCallStep,
  removeDevice,
  updateDevice,
  updateStep,
} from './edit.ts';
import { findScenario } from './library/index.ts';
import { scenarioArbitrary } from './test/arbitraries.ts';
import type { Scenario } from './types.ts';
import { parseScenario } from './validate.ts';

const valid = (scenario: Scenario) => expect(parseScenario(scenario)).toMatchObject({ ok: true });

describe('form operations', () => {
  it('starts blank with one web device and one step, valid in every mode', () => {
    const blank = blankScenario();
    valid(blank);
    expect(blank.modes).toEqual(['simplified', 'original', 'legacy']);
  });

  it('builds the shared-device story: add a device, steps on it, and a reset', () => {
    let s = addDevice(blankScenario(), 'ios');
    expect(s.devices.map((d) => [d.id, d.kind])).toEqual([
      ['A', 'web'],
      ['B', 'ios'],
    ]);
    s = addStep(s, newCallStep(s, 'A', 'identify'));
    s = addStep(s, newCallStep(s, 'A', 'reset'));
    s = addStep(s, { ...newCallStep(s, 'A', 'identify'), args: ['user-2'] });
    valid(s);
    expect(s.steps.map((step) => ('call' in step ? step.call : '?'))).toEqual([
      'track',
      'identify',
      'reset',
      'identify',
    ]);
  });

  it('gives a server call the arguments a server needs', () => {
    const s = addDevice(blankScenario(), 'server');
    for (const call of ['track', 'import', 'identify', 'alias', 'merge', 'people.set'] as const)
      valid(addStep(s, newCallStep(s, 'B', call)));
  });

  it('moves, duplicates and deletes steps without touching the input', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), fc.nat(), (scenario, a, b) => {
        const before = JSON.stringify(scenario);
        const n = scenario.steps.length;
        const from = a % n;
        const to = b % n;
        const moved = moveStep(scenario, from, to);
        expect(moved.steps[to]).toBe(scenario.steps[from]);
        const sorted = (steps: readonly unknown[]) => steps.map((step) => JSON.stringify(step)).sort();
        expect(sorted(moved.steps)).toEqual(sorted(scenario.steps));
        const duplicated = duplicateStep(scenario, from);
        expect(duplicated.steps).toHaveLength(n + 1);
        expect(duplicated.steps[from + 1]).toBe(scenario.steps[from]);
        const deleted = deleteStep(scenario, from);
        expect(deleted.steps).toHaveLength(Math.max(n - 1, 1));
        for (const result of [moved, duplicated, deleted]) valid(result);
        expect(JSON.stringify(scenario)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the last step, ignores out-of-range indices', () => {
    const blank = blankScenario();
    expect(deleteStep(blank, 0)).toBe(blank);
    expect(updateStep(blank, 5, { device: 'A', call: 'reset' })).toBe(blank);
    expect(moveStep(blank, 3, 0)).toBe(blank);
  });

  it('renames a device in every step that names it, and removes only unused devices', () => {
    let s = addDevice(blankScenario(), 'android');
    s = addStep(s, { repeat: 2, steps: [{ device: 'A', call: 'reset' }] });
    const renamed = updateDevice(s, 'A', { id: 'Laptop' });
    valid(renamed);
    expect(deviceInUse(renamed, 'A')).toBe(false);
    expect(deviceInUse(renamed, 'Laptop')).toBe(true);
    expect(removeDevice(renamed, 'Laptop')).toBe(renamed);
    expect(removeDevice(renamed, 'B').devices.map((d) => d.id)).toEqual(['Laptop']);
  });

  it('copies a library scenario under a new id and title', () => {
    const original = findScenario('multiple-users-one-device');
    if (original === undefined) throw new Error('missing library scenario');
    const copy = copyOfScenario(original);
    expect(copy).toMatchObject({ id: 'multiple-users-one-device-copy', steps: original.steps });
    expect(copyOfScenario(copy).id).toBe(copy.id);
    valid(copy);
  });
});
