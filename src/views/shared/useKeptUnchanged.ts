// A view's elements for this render, keeping the previous render's objects for what did not change.
import { useMemo, useState } from 'react';
import { createKeeper } from './keepUnchanged.ts';

/**
 * `next`, with each element equal in data to the previous render's element of the same id replaced by that previous
 * object, so memoized children (table rows, React Flow's nodes) skip what a step left unchanged. Computed in a memo
 * rather than with React's set-state-during-render pattern, which would run the whole component twice per step.
 */
export function useKeptUnchanged<T extends { readonly id: string }>(
  next: T[],
  /**
   * Equality of two elements' data: `sameData` for any plain data, or one that knows the elements' shape for a view
   * with hundreds of them. Passed, not defaulted, so `sameData` loads only with the views that use it.
   */
  same: (a: T, b: T) => boolean,
): T[] {
  const [keep] = useState(() => createKeeper(same));
  return useMemo(() => keep(next), [keep, next]);
}
