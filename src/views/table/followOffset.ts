// Where the table scrolls to follow a step: which row it follows, and the offset that shows it (pure, from the
// virtualizer's measurements).
import type { Virtualizer } from '@tanstack/react-virtual';
import type { EventTableRow } from './columns.tsx';

/** The step's newest row, else its first rewritten row (a retroactive change), else none (-1). */
export function followedRow(rows: readonly EventTableRow[]): number {
  const newest = rows.findLastIndex((row) => row.original.isNew);
  return newest >= 0 ? newest : rows.findIndex((row) => row.original.changed);
}

/**
 * The scroll offset that brings row `index` wholly into view by TanStack Virtual's rule for `align: 'auto'`
 * (`getOffsetForIndex`: the nearest edge, clamped to the scrollable range), or undefined when it is in view already.
 * From the virtualizer's measurements alone: the scroll box's limit is its content (the sticky header, the
 * `scrollMargin`, then the rows' total size) less the viewport, so no layout is read.
 */
export function offsetToShow(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  index: number,
): number | undefined {
  // The total size rebuilds the measurements for this render's row count first.
  const total = virtualizer.getTotalSize();
  const item = virtualizer.measurementsCache[index];
  const height = virtualizer.scrollRect?.height;
  if (item === undefined || height === undefined) return undefined;
  const offset = virtualizer.scrollOffset ?? 0;
  const { scrollPaddingStart, scrollPaddingEnd, scrollMargin } = virtualizer.options;
  const below = item.end >= offset + height - scrollPaddingEnd;
  const above = item.start <= offset + scrollPaddingStart;
  if (!below && !above) return undefined;
  const wanted = below ? item.end + scrollPaddingEnd - height : item.start - scrollPaddingStart;
  const limit = Math.max(scrollMargin + total - height, 0);
  return Math.max(Math.min(wanted, limit), 0);
}
