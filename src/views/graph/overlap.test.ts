// Graphs that never overlap (#17): no id over an id, no label over an id, a cluster title or another label, and an
// id inside a cluster's box if and only if it belongs to it — at every step of every library scenario in every mode,
// and on generated fan-outs (a device refused by ten users, a user with fifty devices, both in each mode).
import { describe, expect, it } from 'vitest';
import { MODES, resolve, type Mode } from '../../engine/index.ts';
import { LIBRARY } from '../../scenarios/library/index.ts';
import { playScenario } from '../../scenarios/play.ts';
import type { Scenario, ScenarioStep } from '../../scenarios/types.ts';
import { eventRows, stepModel } from '../../store/derive.ts';
import { eventLabelFor } from '../../store/explanation.ts';
import { highlightFor } from '../../store/highlight.ts';
import { drawingOf } from './drawing.ts';
import { drawingProblems } from '../shared/geometry.ts';
import { graphFrame, graphInput } from './graphModel.ts';
import { toFlowElements } from './toFlowElements.ts';

/** The problems of the graph at every step of `scenario` in `mode`, prefixed by where they are. */
function problemsAtEveryStep(scenario: Scenario, mode: Mode): { states: number; problems: string[] } {
  const played = playScenario(scenario);
  const resolution = resolve(played.records, mode, {}, { trackSteps: true });
  const problems: string[] = [];
  for (let cursor = 1; cursor <= played.steps.length; cursor++) {
    const model = stepModel(played, resolution, cursor);
    const frame = graphFrame(resolution, played, new Map(), model.view);
    const rows = eventRows(model);
    const { ids } = highlightFor(model, rows, null);
    const elements = toFlowElements(graphInput(model, frame, null, ids, eventLabelFor(rows)));
    problems.push(
      ...drawingProblems(drawingOf(elements)).map((p) => `${scenario.id} · ${mode} · step ${cursor}: ${p}`),
    );
  }
  return { states: played.steps.length, problems };
}

const event = (name: string, properties: Record<string, unknown>): ScenarioStep => ({
  raw: { event: name, properties },
});
const GUID = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`.slice(-36);

/** A synthetic scenario from raw events, one per step. */
function generated(id: string, steps: ScenarioStep[]): Scenario {
  return { id, title: id, lesson: id, group: 'Shared devices', modes: ['simplified'], devices: [], steps };
}

/** One device, then ten users sending it in turn: Simplified refuses nine (S-9), Original nine $identify (O-7). */
const deviceRefusedByTenUsers = generated('device-refused-by-ten-users', [
  event('Page View', { $device_id: GUID(1), distinct_id: `$device:${GUID(1)}` }),
  ...Array.from({ length: 10 }, (_, k) => [
    event('$identify', { distinct_id: `user-${k + 1}`, $anon_distinct_id: `$device:${GUID(1)}` }),
    event('Log In', { $device_id: GUID(1), $user_id: `user-${k + 1}`, distinct_id: `user-${k + 1}` }),
  ]).flat(),
]);

/** One user who logs in on fifty devices: one cluster of 51 ids, collapsed past 40. */
const userWithFiftyDevices = generated(
  'user-with-fifty-devices',
  Array.from({ length: 50 }, (_, k) => [
    event('Page View', { $device_id: GUID(k + 10), distinct_id: `$device:${GUID(k + 10)}` }),
    event('$identify', { distinct_id: 'user-1', $anon_distinct_id: `$device:${GUID(k + 10)}` }),
    event('Log In', { $device_id: GUID(k + 10), $user_id: 'user-1', distinct_id: 'user-1' }),
  ]).flat(),
);

describe('graphs that never overlap', () => {
  it.each(MODES)('every library scenario, every step, in %s', (mode) => {
    let states = 0;
    const problems: string[] = [];
    for (const scenario of LIBRARY) {
      const result = problemsAtEveryStep(scenario, mode);
      states += result.states;
      problems.push(...result.problems);
    }
    expect(states).toBe(LIBRARY.reduce((sum, s) => sum + s.steps.length, 0));
    expect(problems).toEqual([]);
  });

  it.each(MODES)('a device refused by ten users, at every step, in %s', (mode) => {
    expect(problemsAtEveryStep(deviceRefusedByTenUsers, mode).problems).toEqual([]);
  });

  it.each(MODES)('a user with fifty devices, at every step, in %s', (mode) => {
    expect(problemsAtEveryStep(userWithFiftyDevices, mode).problems).toEqual([]);
  });

  it('sees a problem when there is one: an id straddling a box it does not belong to', () => {
    const box = { x: 0, y: 0, width: 200, height: 100 };
    const problems = drawingProblems({
      nodes: [{ name: 'D2', box: { x: 150, y: 50, width: 144, height: 44 } }],
      labels: [{ name: 'e1', box: { x: 160, y: 60, width: 40, height: 20 } }],
      clusters: [{ name: 'U1', box }],
    });
    expect(problems).toEqual(['label e1 covers node D2', 'node D2 is not in U1 but touches its box']);
  });
});
