// The form's steps: one row per step, "Add step" at the end (on the last device used, focus moved to its device).
import { useMemo, useState } from 'react';
import {
  addStep,
  deleteStep,
  duplicateStep,
  moveStep,
  newCallStep,
  updateStep,
} from '../../scenarios/edit.ts';
import { pinStep, unpinStep } from '../../scenarios/pin.ts';
import type { Scenario } from '../../scenarios/types.ts';
import { playProblemOf } from '../../store/playable.ts';
import { playScenarioMemo } from '../../store/derive.ts';
import { expectationMarks, NO_MARKS } from './expectationMarks.ts';
import { StepRow, type StepActions } from './StepRow.tsx';

interface StepsFormProps {
  readonly scenario: Scenario;
  readonly edit: (change: (scenario: Scenario) => Scenario) => void;
}

function lastDevice(scenario: Scenario): string {
  for (let i = scenario.steps.length - 1; i >= 0; i--) {
    const step = scenario.steps[i];
    if (step !== undefined && 'device' in step) return step.device;
  }
  return scenario.devices[0]?.id ?? 'A';
}

function marksOf(scenario: Scenario) {
  try {
    return expectationMarks(playScenarioMemo(scenario, undefined));
  } catch {
    return [];
  }
}

export function StepsForm({ scenario, edit }: StepsFormProps) {
  const [focus, setFocus] = useState<number | undefined>();
  const marks = useMemo(() => marksOf(scenario), [scenario]);
  const actions: StepActions = useMemo(
    () => ({
      update: (index, step) => edit((s) => updateStep(s, index, step)),
      move: (from, to) => {
        edit((s) => moveStep(s, from, to));
        setFocus(undefined);
      },
      duplicate: (index) => edit((s) => duplicateStep(s, index)),
      remove: (index) => edit((s) => deleteStep(s, index)),
      // A scenario that does not play has nothing to pin (the editor says why above the form).
      pin: (index, kind) =>
        edit((s) => (playProblemOf(s, undefined) === undefined ? pinStep(s, index, kind) : s)),
      unpin: (index) => edit((s) => unpinStep(s, index)),
    }),
    [edit],
  );
  return (
    <fieldset className="editor-steps">
      <legend>Steps</legend>
      <ol>
        {scenario.steps.map((step, index) => (
          <StepRow
            // Rows are positions: a step has no identity of its own beyond its place in the story.
            key={index}
            devices={scenario.devices}
            isLast={index === scenario.steps.length - 1}
            isOnly={scenario.steps.length <= 1}
            step={step}
            index={index}
            focus={focus === index}
            actions={actions}
            marks={marks[index] ?? NO_MARKS}
          />
        ))}
      </ol>
      <button
        type="button"
        disabled={scenario.devices.length === 0}
        onClick={() => {
          edit((s) => addStep(s, newCallStep(s, lastDevice(s), 'track')));
          setFocus(scenario.steps.length);
        }}
      >
        Add step
      </button>
    </fieldset>
  );
}
