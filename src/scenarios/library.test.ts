// Every library scenario, played through the simulator and resolved by the engine, meets its expectations step by step.
import { describe, expect, it } from 'vitest';
import { MODES, resolve, type Mode } from '../engine/index.ts';
import { observeStep } from './expectations.ts';
import { findScenario, LIBRARY } from './library/index.ts';
import { PRESETS } from './presets.ts';
import { playScenario, type PlayedScenario } from './play.ts';
import type { Scenario } from './types.ts';

/**
 * Steps where the engine disagrees with the spec, as "scenario/mode/step number": the expectation stays as the spec
 * says and the test is marked `it.fails` until the engine changes (README.md, "When the engine disagrees").
 */
const KNOWN_ENGINE_DISAGREEMENTS: ReadonlySet<string> = new Set<string>([]);

function expectationCases(scenario: Scenario, played: PlayedScenario) {
  return scenario.modes.flatMap((mode) =>
    played.steps
      .filter((step) => step.expect?.[mode] !== undefined)
      .map((step) => ({ mode, step, key: `${scenario.id}/${mode}/${step.index + 1}` })),
  );
}

describe.each(LIBRARY.map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
  const played = playScenario(scenario);
  const resolutions = new Map<Mode, ReturnType<typeof resolve>>();
  const resolutionIn = (mode: Mode) => {
    let resolution = resolutions.get(mode);
    if (resolution === undefined) {
      resolution = resolve(played.records, mode, {}, { trackSteps: true });
      resolutions.set(mode, resolution);
    }
    return resolution;
  };

  for (const { mode, step, key } of expectationCases(scenario, played)) {
    const test = KNOWN_ENGINE_DISAGREEMENTS.has(key) ? it.fails : it;
    test(`${mode}, step ${step.index + 1}: ${step.description}`, () => {
      const observed = observeStep(played, resolutionIn(mode), step, mode);
      expect(observed?.actual).toEqual(observed?.expected);
    });
  }

  it('has an expectation for every mode it is written for', () => {
    const missing = scenario.modes.filter((mode) => !played.steps.some((step) => step.expect?.[mode]));
    expect(missing).toEqual([]);
  });

  it.each(MODES)('plays and resolves in %s mode, step by step', (mode) => {
    const resolution = resolutionIn(mode);
    expect(resolution.size).toBe(played.records.length);
    for (const step of played.steps) {
      if (step.endRecord > 0) expect(() => resolution.at(step.endRecord - 1).clusters()).not.toThrow();
    }
  });

  it('plays the same stream for the same seed, and other ids for another seed', () => {
    const again = playScenario(scenario);
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(played.records));
    expect(again.deviceIds).toEqual(played.deviceIds);
    if (played.deviceIds.length > 0) {
      const reseeded = playScenario(scenario, { seed: `${scenario.id}-other` });
      expect(reseeded.deviceIds).not.toEqual(played.deviceIds);
      expect(reseeded.records.length).toBe(played.records.length);
    }
  });
});

describe('the pains people report (#12)', () => {
  it.each(PRESETS.map((preset) => [preset.pain, preset] as const))(
    '%s: a library scenario with expectations and spec rules tells it',
    (_pain, preset) => {
      expect('libraryId' in preset.source).toBe(true);
      const scenario = 'libraryId' in preset.source ? findScenario(preset.source.libraryId) : undefined;
      expect(scenario?.rules?.length ?? 0).toBeGreaterThan(0);
      expect(scenario?.steps.some((step) => 'expect' in step && step.expect !== undefined)).toBe(true);
    },
  );
});

describe('the library', () => {
  it('holds its 38 scenarios with unique ids, the three seed flows first', () => {
    // 36 before #12's two pains (reset-new-device-id, alias-calls-identify) gained library files.
    expect(LIBRARY.length).toBe(38);
    expect(new Set(LIBRARY.map((s) => s.id)).size).toBe(LIBRARY.length);
    expect(LIBRARY.slice(0, 3).map((s) => s.id)).toEqual([
      'new-user-signup',
      'returning-user',
      'multiple-users-one-device',
    ]);
  });

  it('covers every mode', () => {
    for (const mode of MODES) expect(LIBRARY.some((s) => s.modes.includes(mode))).toBe(true);
  });
});
