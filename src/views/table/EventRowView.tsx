// One event as a table row: selectable by click, Enter or Space; cells rewritten at this step are marked.
import { memo, useCallback, useEffect, useRef } from 'react';
import { FlexRender } from '@tanstack/react-table';
import type { EventTableRow } from './columns.tsx';
import { isColumnId } from './columnCatalog.ts';
import { isChangedCell } from './projectRows.ts';
import type { Emphasis } from './rowEmphasis.ts';

export interface EventRowViewProps {
  /** Compared by its projected data (`row.original`): the table makes new Row objects whenever its data changes. */
  readonly row: EventTableRow;
  /** The visible columns' ids, space-separated: a row re-renders when a column is shown or hidden. */
  readonly columns: string;
  /** Position in display order (0-based), for the virtualizer and aria-rowindex. */
  readonly displayIndex: number;
  readonly emphasis: Emphasis;
  /** The one row in the Tab order (roving tabindex). */
  readonly tabbable: boolean;
  /** Move keyboard focus here (after arrow-key navigation). */
  readonly focusNow: boolean;
  readonly measure: (node: HTMLTableRowElement | null) => void;
  readonly onFocusRow: (displayIndex: number) => void;
  readonly onSelect: (recordIndex: number) => void;
}

/**
 * A row re-renders only when its projected data, place, emphasis, focus or the visible columns change: a step
 * rewrites a few rows of hundreds, and the virtualizer's scroll re-renders keep the rows already drawn.
 */
export const EventRowView = memo(RowView, sameRowProps);

/** Every prop by identity, except the row, compared by its projected data: a prop added later is compared too. */
function sameRowProps(before: EventRowViewProps, after: EventRowViewProps): boolean {
  for (const key of Object.keys(after) as (keyof EventRowViewProps)[]) {
    const same =
      key === 'row' ? before.row.original === after.row.original : Object.is(before[key], after[key]);
    if (!same) return false;
  }
  return Object.keys(before).length === Object.keys(after).length;
}

function RowView(props: EventRowViewProps) {
  const { row, displayIndex, emphasis, focusNow, measure } = props;
  const node = useRef<HTMLTableRowElement | null>(null);
  const setNode = useCallback(
    (element: HTMLTableRowElement | null) => {
      node.current = element;
      measure(element);
    },
    [measure],
  );
  useEffect(() => {
    if (focusNow) node.current?.focus({ preventScroll: true });
  }, [focusNow]);
  const event = row.original;
  return (
    <tr
      ref={setNode}
      data-index={displayIndex}
      data-testid={`table.row.${event.number}`}
      data-new={event.isNew || undefined}
      data-emphasis={emphasis}
      aria-rowindex={displayIndex + 2}
      aria-selected={emphasis === 'selected'}
      tabIndex={props.tabbable ? 0 : -1}
      onClick={() => props.onSelect(event.recordIndex)}
      onFocus={() => props.onFocusRow(displayIndex)}
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className={`col-${cell.column.id}`}
          data-testid={`table.cell.${event.number}.${cell.column.id}`}
          data-changed={(isColumnId(cell.column.id) && isChangedCell(event, cell.column.id)) || undefined}
        >
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}
