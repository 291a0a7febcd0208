// After a step, bring its newest row (else its first rewritten row) into view, scrolling only if it is out of view.
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useAppState } from '../../store/hooks.ts';
import type { EventTableRow } from './columns.tsx';
import { followedRow, offsetToShow } from './followOffset.ts';

type RowVirtualizer = Virtualizer<HTMLDivElement, Element>;

/**
 * Call after `useVirtualizer` and before `getVirtualItems`: on a step, the virtualizer is moved to the offset that shows
 * the step's row before it picks the rows to render, so the step renders the rows it ends on, once, and the scroll
 * box is moved to match before the frame is painted. TanStack's `scrollToIndex` would instead render the rows at the
 * old offset, read the page's layout right after the commit to find its limit, scroll, render again on the scroll
 * event and re-check the offset for frames after (issue #14: about a fifth of the main thread of a step that adds
 * 498 rows, in a CPU profile).
 */
export function useFollowStep(
  virtualizer: RowVirtualizer,
  rows: readonly EventTableRow[],
  scrollRef: RefObject<HTMLDivElement | null>,
): void {
  const cursor = useAppState((state) => state.cursor);
  // Follows the cursor only when it moves (or on opening), so toggling a view or a filter never moves the rows; the
  // offset is undefined when the row was in view already.
  const [follow, setFollow] = useState<{ cursor: number; offset: number | undefined }>();
  // The viewport is measured once the scroll box is observed: following before that would be clamped to the top.
  const ready = virtualizer.scrollRect !== null && rows.length > 0;
  if (ready && follow?.cursor !== cursor) {
    // React's way to adjust to a changed prop during render: this render restarts at once with the new state.
    const offset = offsetToShow(virtualizer, followedRow(rows));
    setFollow({ cursor, offset });
    // The offset the rows are picked for; the scroll event that follows the write below reports the same one. The
    // virtualizer is TanStack's mutable instance, not React state: its offset is what it picks the rows from.
    // eslint-disable-next-line react-hooks/immutability
    if (offset !== undefined) virtualizer.scrollOffset = offset;
  }
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (follow?.offset !== undefined && box !== null) box.scrollTop = follow.offset;
  }, [follow, scrollRef]);
}
