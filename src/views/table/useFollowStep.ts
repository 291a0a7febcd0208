// After a step, bring its newest row (else its first rewritten row) into view, scrolling only if it is out of view.
import { useEffect, useRef } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useAppState } from '../../store/hooks.ts';
import type { EventTableRow } from './columns.tsx';

export function useFollowStep(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rows: readonly EventTableRow[],
  /** The virtualizer has measured its viewport; scrolling before that would be clamped to the top. */
  ready: boolean,
): void {
  const cursor = useAppState((state) => state.cursor);
  // Follows the cursor only when it moves (or on opening), so toggling a view or a filter never moves the rows.
  const followed = useRef<number | undefined>(undefined);
  const newest = rows.findLastIndex((row) => row.original.isNew);
  const target = newest >= 0 ? newest : rows.findIndex((row) => row.original.changed);
  useEffect(() => {
    if (!ready || followed.current === cursor) return;
    followed.current = cursor;
    if (target >= 0 && !isInView(virtualizer, target)) virtualizer.scrollToIndex(target, { align: 'auto' });
  }, [cursor, target, virtualizer, ready]);
}

/**
 * Whether row `index` is wholly in view, by TanStack Virtual's own rule for `align: 'auto'` (getOffsetForIndex), from
 * its measurements alone. Such a scrollToIndex would stay where it is, yet it reads the page's layout right after the
 * step's commit and re-checks the offset for two more frames (issue #14: a step back usually lands on a row in view).
 */
function isInView(virtualizer: Virtualizer<HTMLDivElement, Element>, index: number): boolean {
  // The measurements the render just read (getVirtualItems rebuilt them) and the viewport's last observed size.
  const item = virtualizer.measurementsCache[index];
  const height = virtualizer.scrollRect?.height;
  if (item === undefined || height === undefined) return false;
  const offset = virtualizer.scrollOffset ?? 0;
  const { scrollPaddingStart, scrollPaddingEnd } = virtualizer.options;
  return item.start > offset + scrollPaddingStart && item.end < offset + height - scrollPaddingEnd;
}
