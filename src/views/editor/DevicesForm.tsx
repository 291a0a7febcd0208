// The form's devices: label and kind of each, "Add device" (web, iOS, Android, server), remove an unused one.
import { useState } from 'react';
import { addDevice, deviceInUse, removeDevice, updateDevice } from '../../scenarios/edit.ts';
import type { Scenario } from '../../scenarios/types.ts';
import type { DeviceKind } from '../../simulator/index.ts';

const KINDS: readonly { kind: DeviceKind; label: string }[] = [
  { kind: 'web', label: 'Web' },
  { kind: 'ios', label: 'iOS' },
  { kind: 'android', label: 'Android' },
  { kind: 'server', label: 'Server' },
];

interface DevicesFormProps {
  readonly scenario: Scenario;
  readonly edit: (change: (scenario: Scenario) => Scenario) => void;
}

export function DevicesForm({ scenario, edit }: DevicesFormProps) {
  const [kind, setKind] = useState<DeviceKind>('web');
  return (
    <fieldset className="editor-devices">
      <legend>Devices</legend>
      <ul>
        {scenario.devices.map((device) => (
          <li key={device.id} className="editor-device">
            <span className="editor-device-id">{device.id}</span>
            <input
              autoComplete="off"
              aria-label={`Label of device ${device.id}`}
              value={device.label}
              onChange={(event) => {
                const label = event.target.value;
                if (label.trim() !== '') edit((s) => updateDevice(s, device.id, { label }));
              }}
            />
            <select
              autoComplete="off"
              aria-label={`Kind of device ${device.id}`}
              value={device.kind}
              onChange={(event) =>
                edit((s) => updateDevice(s, device.id, { kind: event.target.value as DeviceKind }))
              }
            >
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={deviceInUse(scenario, device.id)}
              title={deviceInUse(scenario, device.id) ? 'Steps use this device' : undefined}
              onClick={() => edit((s) => removeDevice(s, device.id))}
            >
              Remove device {device.id}
            </button>
          </li>
        ))}
      </ul>
      <div className="editor-add">
        <select
          autoComplete="off"
          aria-label="Kind of the new device"
          value={kind}
          onChange={(e) => setKind(e.target.value as DeviceKind)}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => edit((s) => addDevice(s, kind))}>
          Add device
        </button>
      </div>
    </fieldset>
  );
}
