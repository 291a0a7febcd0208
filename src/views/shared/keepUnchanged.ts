import { sameData } from './sameData.ts';

// Keeps what a step left unchanged as the very objects the previous step drew. React Flow reuses a node's measured
// internals, and skips re-rendering it, only when the node object is the same one it was given before; the table's
// rows skip their render (memo) only for the same projected row.

/**
 * `next`, with each element that holds the same data as the previous element of its id replaced by that previous
 * object; `previous` itself when nothing was added, removed, reordered or changed.
 */
export function keepUnchanged<T extends { readonly id: string }>(previous: T[], next: T[]): T[] {
  const before = new Map(previous.map((element) => [element.id, element]));
  let same = previous.length === next.length;
  const kept = next.map((element, index) => {
    const old = before.get(element.id);
    const keep = old !== undefined && sameData(old, element);
    if (!keep || previous[index] !== old) same = false;
    return keep ? old : element;
  });
  return same ? previous : kept;
}

/**
 * A `keepUnchanged` that remembers its last answer: each call keeps the objects of the previous call's elements that
 * did not change. A render React discards may have called it; that only leaves data-equal objects behind.
 */
export function createKeeper<T extends { readonly id: string }>(): (next: T[]) => T[] {
  let last: T[] = [];
  return (next) => {
    last = keepUnchanged(last, next);
    return last;
  };
}
