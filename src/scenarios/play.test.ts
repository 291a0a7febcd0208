// Playing a scenario: step boundaries, raw records, short ids, and expectations that can fail.
import { describe, expect, it } from 'vitest';
import { resolve } from '../engine/index.ts';
import { observeStep, retroactiveChanges } from './expectations.ts';
import { deviceAliases, describeStep, idLabel, playScenario, rawRecord, ScenarioPlayError } from './play.ts';
import type { ModeExpectation, Scenario } from './types.ts';

function scenario(
  steps: Scenario['steps'],
  devices: Scenario['devices'] = [{ id: 'A', label: 'Laptop', kind: 'web' }],
) {
  const base: Scenario = {
    id: 'unit',
    title: 'Unit',
    lesson: 'A lesson.',
    group: 'Simplified basics',
    modes: ['simplified', 'original'],
    devices,
    steps,
  };
  return base;
}

const SIGN_UP = scenario([
  { device: 'A', call: 'track', args: ['Page View'] },
  { device: 'A', call: 'identify', args: ['U1'] },
  { device: 'A', call: 'track', args: ['Sign Up'] },
  { device: 'A', call: 'reset' },
  { device: 'A', call: 'track', args: ['Page View'] },
]);

/** Observes the last step of `s` in `mode` against `expectation`. */
function observeLast(s: Scenario, mode: 'simplified' | 'original', expectation: ModeExpectation) {
  const played = playScenario(s);
  const last = played.steps.at(-1);
  if (last === undefined) throw new Error('no steps');
  const step = { ...last, expect: { [mode]: expectation } };
  return observeStep(played, resolve(played.records, mode, {}, { trackSteps: true }), step, mode);
}

describe('playScenario', () => {
  it('records which records each step sent, and the devices after it', () => {
    const played = playScenario(SIGN_UP);
    expect(played.steps.map((s) => [s.firstRecord, s.endRecord])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 3],
      [3, 4],
    ]);
    expect(played.deviceIds).toHaveLength(2);
    expect(played.steps[3]?.devices['A']?.persisted['$device_id']).toBe(played.deviceIds[1]);
    expect(played.steps[2]?.devices['A']?.persisted['$device_id']).toBe(played.deviceIds[0]);
  });

  it("keeps the simulator's note on calls that send less than one might expect", () => {
    const played = playScenario(SIGN_UP);
    expect(played.steps[3]?.callNote).toMatchObject({ kind: 'silent', rule: 'SDK-8' });
    expect(played.steps[0]?.callNote).toBeUndefined();
  });

  it('seeds from options, then the scenario seed, then the id', () => {
    const byId = playScenario(SIGN_UP).deviceIds;
    expect(playScenario({ ...SIGN_UP, seed: 'unit' }).deviceIds).toEqual(byId);
    expect(playScenario({ ...SIGN_UP, seed: 'x' }).deviceIds).not.toEqual(byId);
    expect(playScenario({ ...SIGN_UP, seed: 'x' }, { seed: 'unit' }).deviceIds).toEqual(byId);
  });

  it('repeats a block as one step', () => {
    const played = playScenario(
      scenario([
        {
          repeat: 3,
          steps: [
            { device: 'A', call: 'reset' },
            { device: 'A', call: 'identify', args: ['U1'] },
          ],
        },
      ]),
    );
    expect(played.steps).toHaveLength(1);
    expect(played.steps[0]?.endRecord).toBe(3);
    expect(played.deviceIds).toHaveLength(4);
    expect(played.steps[0]?.description).toBe("Device A · reset(); Device A · identify('U1') × 3");
  });

  it('wraps raw records: events default to the import API, $distinct_id objects are profile updates', () => {
    expect(rawRecord({ raw: { event: '$merge', properties: {} } })).toEqual({
      kind: 'event',
      event: { event: '$merge', properties: {}, channel: 'import' },
    });
    expect(rawRecord({ raw: { event: 'x', properties: {}, channel: 'track' } })).toMatchObject({
      event: { channel: 'track' },
    });
    expect(rawRecord({ raw: { $distinct_id: 'U1', $set: { a: 1 } } })).toEqual({
      kind: 'profile',
      update: { $distinct_id: 'U1', $set: { a: 1 } },
    });
  });

  it('describes steps for the timeline', () => {
    const s = scenario([], [{ id: 'S', label: 'Backend', kind: 'server' }]);
    expect(describeStep(s, { device: 'S', call: 'merge', args: ['a', 'b'] })).toBe(
      "Server S · merge('a', 'b')",
    );
    expect(describeStep(s, { raw: { event: '$merge', properties: {} }, channel: 'track' })).toBe(
      'Track · $merge',
    );
    expect(describeStep(s, { raw: { $distinct_id: 'U1' } })).toBe('Profile update · U1');
  });

  it('names the step when the simulator refuses a call', () => {
    const bad = scenario([{ device: 'A', call: 'track', args: [42] }]);
    expect(() => playScenario(bad)).toThrow(ScenarioPlayError);
    expect(() => playScenario(bad)).toThrow(
      /^steps\[0\] \(Device A · track\(42\)\): track: event name must be a string/,
    );
  });
});

describe('short ids', () => {
  it('labels generated ids as D1, D2 in both forms, and leaves other ids alone', () => {
    const label = idLabel(deviceAliases(['aaa', 'bbb']));
    expect(['aaa', '$device:bbb', 'U1', '$device:zzz'].map(label)).toEqual([
      'D1',
      '$device:D2',
      'U1',
      '$device:zzz',
    ]);
  });
});

describe('observeStep', () => {
  it('shows a wrong expectation as a difference, in short ids', () => {
    const observed = observeLast(SIGN_UP, 'simplified', { distinctIds: ['U1', 'U1', 'U1', 'U1'] });
    expect(observed?.expected).toEqual({ distinctIds: ['U1', 'U1', 'U1', 'U1'] });
    expect(observed?.actual).toEqual({ distinctIds: ['U1', 'U1', 'U1', '$device:D2'] });
  });

  it("replaces canon(X) by the canonical id of X's cluster", () => {
    const observed = observeLast(SIGN_UP, 'original', {
      distinctIds: ['canon(U1)', 'canon(U1)', 'canon($device:D1)', '$device:D2'],
    });
    expect(observed?.actual).toEqual(observed?.expected);
    expect(['U1', '$device:D1']).toContain(observed?.expected.distinctIds?.[0]);
  });

  it('reads failures, clusters, cluster sizes and profiles', () => {
    const observed = observeLast(SIGN_UP, 'simplified', {
      failures: {},
      clusters: [['$device:D1', 'U1']],
      clusterSizes: { U1: 2, D2: 1 },
      profiles: {},
      profileCounts: { visible: 0 },
      distinctIdAt: { '4': '$device:D2', '9': 'U1' },
    });
    expect(observed?.actual).toEqual({
      failures: {},
      clusters: [['$device:D1', 'U1']],
      clusterSizes: { U1: 2, D2: 1 },
      profiles: {},
      profileCounts: { visible: 0 },
      distinctIdAt: { '4': '$device:D2', '9': '(no event #9)' },
    });
  });

  it('refuses an alias for a device id the scenario never generated', () => {
    expect(() => observeLast(SIGN_UP, 'simplified', { distinctIds: ['D7'] })).toThrow(
      /"D7": the scenario generated only 2/,
    );
  });

  it('says which earlier events a step changed', () => {
    const played = playScenario(SIGN_UP);
    const resolution = resolve(played.records, 'simplified', {}, { trackSteps: true });
    expect(played.steps.map((step) => retroactiveChanges(resolution, step))).toEqual([[], [], [0], [], []]);
  });
});
