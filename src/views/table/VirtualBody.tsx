// The table body, virtualized: only rows near the viewport are rendered, between two spacer rows.
import { useCallback, type RefObject } from 'react';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useActions, useAppState, useHighlight } from '../../store/hooks.ts';
import type { EventTableRow } from './columns.tsx';
import { EmptyBody } from './EmptyBody.tsx';
import { EventRowView } from './EventRowView.tsx';
import { emphasisOf } from './rowEmphasis.ts';
import { SpacerRow } from './SpacerRow.tsx';
import { useFollowStep } from './useFollowStep.ts';
import { useRowFocus } from './useRowFocus.ts';

/** A one-line row's height in the CSS; rows are measured once rendered. */
const ROW_HEIGHT = 34;

interface VirtualBodyProps {
  readonly rows: readonly EventTableRow[];
  readonly columnCount: number;
  /** The visible columns' ids, space-separated (rows re-render when it changes). */
  readonly columns: string;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** The sticky header's height: the rows start below it, and it covers the viewport's top. */
  readonly headerHeight: number;
  readonly emptyText: string;
}

export function VirtualBody(props: VirtualBodyProps) {
  const { rows, columnCount, scrollRef, headerHeight } = props;
  const { select } = useActions();
  const selection = useAppState((state) => state.selection);
  const highlight = useHighlight();
  // The app does not run the React Compiler, and rows re-render with the virtualizer as TanStack documents.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  // One function for every render, so the rows' memo holds.
  const selectEvent = useCallback((recordIndex: number) => select({ kind: 'event', recordIndex }), [select]);
  const selectRow = (row: EventTableRow | undefined) => {
    if (row) select({ kind: 'event', recordIndex: row.original.recordIndex });
  };
  const keyboard = useRowFocus(rows.length, {
    reveal: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    activate: (index) => selectRow(rows[index]),
    clear: () => select(null),
  });
  useFollowStep(virtualizer, rows, scrollRef);
  const items = virtualizer.getVirtualItems();

  if (rows.length === 0) return <EmptyBody columnCount={columnCount} text={props.emptyText} />;
  const tabbable = items.some((item) => item.index === keyboard.active) ? keyboard.active : items[0]?.index;
  const { before, after } = spacerHeights(items, virtualizer.getTotalSize(), headerHeight);
  return (
    <tbody onKeyDown={keyboard.onKeyDown} onBlur={keyboard.onBlur}>
      <SpacerRow height={before} columnCount={columnCount} />
      {items.map((item) => {
        const row = rows[item.index];
        if (row === undefined) return null;
        return (
          <EventRowView
            key={row.id}
            row={row}
            columns={props.columns}
            displayIndex={item.index}
            emphasis={emphasisOf(row.original.recordIndex, selection, highlight)}
            tabbable={item.index === tabbable}
            focusNow={keyboard.navigating && item.index === keyboard.active}
            measure={virtualizer.measureElement}
            onFocusRow={keyboard.onFocusRow}
            onSelect={selectEvent}
          />
        );
      })}
      <SpacerRow height={after} columnCount={columnCount} />
    </tbody>
  );
}

/** The space the unrendered rows above and below would take; item offsets include the header (scrollMargin). */
function spacerHeights(items: readonly VirtualItem[], totalSize: number, headerHeight: number) {
  const first = items[0];
  const last = items[items.length - 1];
  return {
    before: first ? first.start - headerHeight : 0,
    after: last ? totalSize - (last.end - headerHeight) : 0,
  };
}
