// One card per simulated device: what its SDK has persisted at this step, and whether identify ran in this page life.
import { useMemo } from 'react';
import { deviceStates, type DeviceState } from '../../store/devices.ts';
import { useStepModel } from '../../store/hooks.ts';
import { IdText } from '../shared/IdText.tsx';
import './devices.css';

export function DevicesPanel() {
  const model = useStepModel();
  const devices = useMemo(() => deviceStates(model), [model]);
  if (devices.length === 0)
    return <p className="panel-empty">This scenario sends raw events; no simulated device is involved.</p>;
  return (
    <ul className="devices" data-testid="devices.list">
      {devices.map((device) => (
        <DeviceCard key={device.id} device={device} label={model.label} />
      ))}
    </ul>
  );
}

function DeviceCard({ device, label }: { device: DeviceState; label: (id: string) => string }) {
  return (
    <li className="device" data-testid={`devices.device.${device.id}`}>
      <h3 className="device-title">
        {device.label} <span className="device-id">device {device.id}</span>{' '}
        <span className="status-badge">{device.kind}</span>
      </h3>
      {device.started ? (
        <DeviceFields device={device} label={label} />
      ) : (
        <p className="panel-empty">not started</p>
      )}
    </li>
  );
}

function DeviceFields({ device, label }: { device: DeviceState; label: (id: string) => string }) {
  return (
    <dl className="device-fields">
      {device.fields.map((field) => (
        <div key={field.name}>
          <dt>{field.name}</dt>
          <dd>
            <IdText id={field.value} label={label} />
          </dd>
        </div>
      ))}
      {device.kind === 'server' ? null : (
        <div>
          <dt>identify called</dt>
          <dd>{device.identifyCalled ? 'yes, in this page life' : 'no, not since the last load or reset'}</dd>
        </div>
      )}
    </dl>
  );
}
