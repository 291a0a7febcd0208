// Generated valid scenarios for property tests: devices of every kind, calls that fit them, raw events with any JSON.
import fc from 'fast-check';
import type { DeviceKind } from '../../simulator/index.ts';
import { defaultArgs } from '../edit.ts';
import type { Scenario, ScenarioStep } from '../types.ts';

const KINDS: readonly DeviceKind[] = ['web', 'ios', 'android', 'server'];
const SDK_STEP_CALLS = ['track', 'identify', 'reset', 'alias', 'register', 'people.set', 'reload'] as const;
const SERVER_STEP_CALLS = ['track', 'import', 'identify', 'alias', 'merge', 'people.set'] as const;

const text = fc.string({ minLength: 1, maxLength: 10, unit: 'binary' }).map((s) => `${s}x`);

function stepFor(kinds: readonly DeviceKind[]): fc.Arbitrary<ScenarioStep> {
  const call = fc.integer({ min: 0, max: kinds.length - 1 }).chain((i) => {
    const kind = kinds[i] ?? 'web';
    const device = String.fromCharCode(65 + i);
    const calls = kind === 'server' ? SERVER_STEP_CALLS : SDK_STEP_CALLS;
    return fc.constantFrom(...calls).chain((name) =>
      fc.option(text, { nil: undefined }).map((note): ScenarioStep => {
        const args = defaultArgs(name, kind);
        const step = args.length === 0 ? { device, call: name } : { device, call: name, args };
        return note === undefined ? step : { ...step, note };
      }),
    );
  });
  const raw = fc
    .record({
      event: text,
      properties: fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
    })
    .map((event): ScenarioStep => ({ raw: event, channel: 'import' }));
  return fc.oneof({ weight: 4, arbitrary: call }, { weight: 1, arbitrary: raw });
}

/** A valid scenario of 1–4 devices and 1–12 steps. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 4 })
  .chain((kinds) =>
    fc.record({
      id: fc
        .tuple(fc.constantFrom('kiosk', 'shared-device', 'my-app'), fc.nat(99))
        .map(([name, n]) => `${name}-${n}`),
      title: text,
      modes: fc.constant(['simplified', 'original', 'legacy'] as const),
      devices: fc.tuple(
        ...kinds.map((kind, i) => text.map((label) => ({ id: String.fromCharCode(65 + i), label, kind }))),
      ),
      steps: fc.array(stepFor(kinds), { minLength: 1, maxLength: 12 }),
    }),
  )
  .map((scenario) => ({ ...scenario, modes: [...scenario.modes] }));
