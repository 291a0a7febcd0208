// Pinning from the form: the written `expect` is the library's format and holds (✓) in every mode it pins.
import { describe, expect, it } from 'vitest';
import { resolve } from '../engine/index.ts';
import { observeStep } from './expectations.ts';
import { findScenario } from './library/index.ts';
import { pinStep, unpinStep } from './pin.ts';
import { playScenario } from './play.ts';
import { parseScenario } from './validate.ts';
import type { Scenario } from './types.ts';

/** Whether every pinned expectation of the scenario holds, per mode. */
function allHold(scenario: Scenario): boolean {
  const played = playScenario(scenario);
  return played.steps.every((step) =>
    scenario.modes.every((mode) => {
      const observed = observeStep(
        played,
        resolve(played.records, mode, {}, { trackSteps: true }),
        step,
        mode,
      );
      return observed === undefined || JSON.stringify(observed.actual) === JSON.stringify(observed.expected);
    }),
  );
}

describe('pinStep', () => {
  const story = findScenario('shared-device-without-reset')!;
  const bare: Scenario = { ...story, steps: story.steps.map(({ expect: _e, ...step }) => step) };

  it('writes each mode’s ids after the step, in the library format, and they hold', () => {
    const pinned = pinStep(bare, 2, 'ids');
    expect(pinned.steps[2]?.expect).toEqual({
      simplified: { distinctIdAt: { '3': 'alice' } },
      original: { distinctIdAt: { '3': expect.any(String) as unknown } },
      legacy: { distinctIdAt: { '3': 'alice' } },
    });
    expect(parseScenario(pinned)).toMatchObject({ ok: true });
    expect(allHold(pinned)).toBe(true);
  });

  it('pins clusters next to pinned ids, and a change to the story breaks them (✗)', () => {
    const pinned = pinStep(pinStep(bare, 2, 'ids'), 2, 'clusters');
    expect(pinned.steps[2]?.expect?.simplified).toEqual({
      distinctIdAt: { '3': 'alice' },
      clusters: [['$device:D1', 'alice']],
    });
    const changed = {
      ...pinned,
      steps: pinned.steps.map((s, i) => (i === 1 ? { ...s, args: ['carol'] } : s)),
    };
    expect(allHold(changed)).toBe(false);
  });

  it('a step that sends nothing pins every event so far; unpin removes the pin', () => {
    const withReset: Scenario = { ...bare, steps: [...bare.steps, { device: 'A', call: 'reset' }] };
    const last = withReset.steps.length - 1;
    const pinned = pinStep(withReset, last, 'ids');
    expect(pinned.steps[last]?.expect?.legacy?.distinctIds?.length).toBeGreaterThan(0);
    expect(unpinStep(pinned, last).steps[last]).toEqual({ device: 'A', call: 'reset' });
  });
});
