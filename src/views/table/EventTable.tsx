// The event table, as Mixpanel's guide draws it: Event, $device_id, $user_id, distinct_id (set by Mixpanel), Notes.
import { useEventRows, useStepModel } from '../../store/hooks.ts';

export function EventTable() {
  const rows = useEventRows();
  const { label } = useStepModel();
  return (
    <table>
      <thead>
        <tr>
          <th>Event</th>
          <th>$device_id</th>
          <th>$user_id</th>
          <th>distinct_id (set by Mixpanel)</th>
          <th>Notes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.recordIndex} data-testid={`table.row.${row.number}`}>
            <td>{row.name}</td>
            <td>{row.sent.deviceId === undefined ? '' : label(row.sent.deviceId)}</td>
            <td>{row.sent.userId ?? ''}</td>
            <td>{row.outcome.resolvedId === null ? 'rejected' : label(row.outcome.resolvedId)}</td>
            <td>{row.notes.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
