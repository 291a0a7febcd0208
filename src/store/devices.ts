// The simulated devices as the devices panel shows them: each one's persisted ids at the current step.
import type { DeviceKind } from '../simulator/index.ts';
import type { StepModel } from './derive.ts';

export interface DeviceState {
  readonly id: string;
  readonly label: string;
  readonly kind: DeviceKind;
  /** False before the scenario's first step: the device has not run yet. */
  readonly started: boolean;
  /** The persisted identity fields present (distinct_id, $device_id, $user_id, __alias), in that order. */
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  readonly identifyCalled: boolean;
}

const SHOWN_FIELDS = ['distinct_id', '$device_id', '$user_id', '__alias'] as const;

/** Every scenario device at the model's step. */
export function deviceStates(model: StepModel): DeviceState[] {
  return model.played.scenario.devices.map((device) => {
    const snapshot = model.step?.devices[device.id];
    const persisted = snapshot?.persisted ?? {};
    const fields = SHOWN_FIELDS.flatMap((name) => {
      const value = persisted[name];
      return value === undefined || value === null ? [] : [{ name, value: textOf(value) }];
    });
    return {
      id: device.id,
      label: device.label,
      kind: device.kind,
      started: snapshot !== undefined,
      fields,
      identifyCalled: snapshot?.identifyCalled ?? false,
    };
  });
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
