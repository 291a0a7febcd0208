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
    if (target >= 0) virtualizer.scrollToIndex(target, { align: 'auto' });
  }, [cursor, target, virtualizer, ready]);
}
