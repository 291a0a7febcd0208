// One imported event as a table row: click, Enter or Space selects it; ↑ and ↓ move to the next row.
import type { KeyboardEvent } from 'react';
import { eventNumber } from '../../diagnostics/text.ts';
import { useActions } from '../../store/hooks.ts';
import type { ImportRow } from '../../worker/queries.ts';
import { formatEventTime } from './format.ts';

interface Props {
  readonly row: ImportRow;
  /** Position among the rows the filter keeps (0-based), for aria-rowindex. */
  readonly position: number;
  readonly selected: boolean;
  /** The one row in the Tab order (roving tabindex). */
  readonly tabbable: boolean;
}

/** The identity an event belongs to: the id it resolved to, or what it sent when it resolved to no one. */
export function identityOfRow(row: ImportRow): string | undefined {
  if (row.resolvedId) return row.resolvedId;
  return row.distinctId ?? undefined;
}

export function DatasetRow({ row, position, selected, tabbable }: Props) {
  const { selectDatasetEvent } = useActions();
  const select = () => selectDatasetEvent(row.index, identityOfRow(row));
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select();
      return;
    }
    const sibling =
      event.key === 'ArrowDown'
        ? event.currentTarget.nextElementSibling
        : event.key === 'ArrowUp'
          ? event.currentTarget.previousElementSibling
          : null;
    if (!(sibling instanceof HTMLTableRowElement) || !sibling.hasAttribute('tabindex')) return;
    event.preventDefault();
    sibling.focus();
    sibling.click();
  };
  return (
    <tr
      aria-rowindex={position + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-testid={`dataset.row.${row.index}`}
      data-line={row.line}
      data-number={row.index + 1}
      onClick={select}
      onKeyDown={onKeyDown}
    >
      <td className="num event-number" data-testid="dataset.number">
        {eventNumber(row.index)}
      </td>
      <td className="num">{row.line}</td>
      <td>{formatEventTime(row.time)}</td>
      <td>{row.name}</td>
      <td className="id" data-testid="dataset.resolved">
        <ResolvedCell value={row.resolvedId} />
      </td>
      <td className="id">{row.distinctId}</td>
      <td className="id">{row.deviceId}</td>
      <td className="id">{row.userId}</td>
      <td>
        <RowNotes row={row} />
      </td>
    </tr>
  );
}

function ResolvedCell({ value }: { readonly value: string | null }) {
  if (value === null)
    return (
      <span className="status-badge" data-status="failed">
        rejected
      </span>
    );
  if (value === '') return <span className="muted">(none)</span>;
  return <>{value}</>;
}

function RowNotes({ row }: { readonly row: ImportRow }) {
  return (
    <>
      {row.failure === undefined ? null : (
        <span className="status-badge" data-status="failed" title={row.failure.description}>
          {row.failure.code}
        </span>
      )}
      {row.findings.map((id) => (
        <span key={id} className="finding-tag">
          {id}
        </span>
      ))}
    </>
  );
}

export function RowPlaceholder({
  position,
  columns,
}: {
  readonly position: number;
  readonly columns: number;
}) {
  return (
    <tr aria-rowindex={position + 2} className="dataset-row--loading">
      <td colSpan={columns}>Loading…</td>
    </tr>
  );
}
