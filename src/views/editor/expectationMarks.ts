// ✓ or ✗ for each pinned expectation of each step, per mode: the library's own `expect` format, checked live.
import { resolve, type Mode } from '../../engine/index.ts';
import { observeStep } from '../../scenarios/expectations.ts';
import type { PlayedScenario } from '../../scenarios/play.ts';

export interface Mark {
  readonly mode: Mode;
  readonly ok: boolean;
}

/** A step's marks when it pins nothing: one shared empty list, so its (memoised) row does not re-render. */
export const NO_MARKS: readonly Mark[] = [];

/** Marks by step index; resolves only the modes some step pins. */
export function expectationMarks(played: PlayedScenario): readonly (readonly Mark[])[] {
  const modes = new Set<Mode>();
  for (const step of played.steps) for (const mode of Object.keys(step.expect ?? {})) modes.add(mode as Mode);
  const resolutions = new Map(
    [...modes].map((mode) => [mode, resolve(played.records, mode, {}, { trackSteps: true })]),
  );
  return played.steps.map((step) => {
    if (step.expect === undefined) return NO_MARKS;
    return [...modes].flatMap((mode) => {
      const resolution = resolutions.get(mode);
      const observed = resolution === undefined ? undefined : observeStep(played, resolution, step, mode);
      if (observed === undefined) return [];
      return [{ mode, ok: JSON.stringify(observed.actual) === JSON.stringify(observed.expected) }];
    });
  });
}
