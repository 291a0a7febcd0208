// An identity's events in time order, one row each, with the device that sent it so devices read as lanes.
import type { ImportRow } from '../../worker/queries.ts';
import { formatCount, formatEventTime } from './format.ts';
import { useJumpToEvent } from './useJumpToEvent.ts';

interface Props {
  readonly rows: readonly ImportRow[];
  readonly total: number;
}

export function IdentityTimeline({ rows, total }: Props) {
  const jump = useJumpToEvent();
  const devices = [...new Set(rows.flatMap((row) => (row.deviceId === undefined ? [] : [row.deviceId])))];
  const lane = (device: string | undefined) => (device === undefined ? -1 : devices.indexOf(device) % 6);
  if (rows.length === 0) return <p className="panel-empty">No events resolve here.</p>;
  return (
    <>
      <table className="identity-timeline" data-testid="identity.timeline">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Event</th>
            <th scope="col">Device</th>
            <th scope="col">$user_id</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index} data-lane={lane(row.deviceId)}>
              <td>{formatEventTime(row.time)}</td>
              <td>
                <button type="button" className="ref-button" onClick={() => jump(row.index)}>
                  {row.name}
                </button>
              </td>
              <td className="id">{row.deviceId ?? <span className="muted">server</span>}</td>
              <td className="id">{row.userId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="panel-empty">
          The first {formatCount(rows.length)} of {formatCount(total)} events; show its events in the table
          for all.
        </p>
      ) : null}
    </>
  );
}
