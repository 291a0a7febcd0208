// "Pin what I expect" from the editor's form: a step's `expect` (the library's own format) written from what each
// mode shows after it, so the user can then change the story and watch ✓ turn to ✗.
import { resolve } from '../engine/index.ts';
import { observeStep } from './expectations.ts';
import { playScenario } from './play.ts';
import type { ModeExpectation, Scenario, ScenarioStep, StepExpectations } from './types.ts';

/** What to pin: the distinct_id of the step's events (all events so far when it sent none), or the clusters. */
export type PinKind = 'ids' | 'clusters';

/**
 * The scenario with step `index`'s expectations set, in each mode the scenario is written for, to what that mode
 * shows right after the step (ids written as the table shows them: D1, $device:D1). Other pinned fields are kept.
 * Throws ScenarioPlayError when the scenario does not play.
 */
export function pinStep(scenario: Scenario, index: number, kind: PinKind): Scenario {
  const played = playScenario(scenario);
  const playedStep = played.steps[index];
  const step = scenario.steps[index];
  if (playedStep === undefined || step === undefined) return scenario;
  const probe = probeFor(played.records, playedStep.firstRecord, playedStep.endRecord, kind);
  let expect: StepExpectations = { ...step.expect };
  for (const mode of scenario.modes) {
    const resolution = resolve(played.records, mode, {}, { trackSteps: true });
    const observed = observeStep(played, resolution, { ...playedStep, expect: { [mode]: probe } }, mode);
    if (observed !== undefined) expect = { ...expect, [mode]: { ...expect[mode], ...observed.actual } };
  }
  return withStep(scenario, index, { ...step, expect });
}

/** The scenario with step `index`'s expectations removed. */
export function unpinStep(scenario: Scenario, index: number): Scenario {
  const step = scenario.steps[index];
  if (step?.expect === undefined) return scenario;
  const { expect: _removed, ...rest } = step;
  return withStep(scenario, index, rest);
}

/** An expectation naming the fields to observe (values are read from the engine, not from this). */
function probeFor(
  records: readonly { readonly kind: string }[],
  first: number,
  end: number,
  kind: PinKind,
): ModeExpectation {
  if (kind === 'clusters') return { clusters: [] };
  const before = records.slice(0, first).filter((r) => r.kind === 'event').length;
  const own = records.slice(first, end).filter((r) => r.kind === 'event').length;
  if (own === 0) return { distinctIds: [] };
  const numbers = Array.from({ length: own }, (_, i) => String(before + i + 1));
  return { distinctIdAt: Object.fromEntries(numbers.map((n) => [n, ''])) };
}

function withStep(scenario: Scenario, index: number, step: ScenarioStep): Scenario {
  return { ...scenario, steps: scenario.steps.map((s, i) => (i === index ? step : s)) };
}
