// A view's elements for this render, keeping the previous render's objects for what did not change.
import { useMemo, useState } from 'react';
import { createKeeper } from './keepUnchanged.ts';

/**
 * `next`, with each element equal in data to the previous render's element of the same id replaced by that previous
 * object, so memoized children (table rows, React Flow's nodes) skip what a step left unchanged. Computed in a memo
 * rather than with React's set-state-during-render pattern, which would run the whole component twice per step.
 */
export function useKeptUnchanged<T extends { readonly id: string }>(next: T[]): T[] {
  const [keep] = useState(createKeeper<T>);
  return useMemo(() => keep(next), [keep, next]);
}
