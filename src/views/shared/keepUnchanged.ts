// Keeps what a step left unchanged as the very objects the previous step drew. React Flow reuses a node's measured
// internals, and skips re-rendering it, only when the node object is the same one it was given before; the table's
// rows skip their render (memo) only for the same projected row.

/**
 * `next`, with each element that holds the same data as the previous element of its id replaced by that previous
 * object; `previous` itself when nothing was added, removed, reordered or changed.
 */
export function keepUnchanged<T extends { readonly id: string }>(
  previous: T[],
  next: T[],
  same: (a: T, b: T) => boolean,
): T[] {
  // Most steps add or drop elements at the end, so the element of the same id is usually at the same index; the map
  // of ids is built only when one is not.
  let byId: Map<string, T> | undefined;
  const previousOf = (element: T, index: number): T | undefined => {
    const atIndex = previous[index];
    if (atIndex?.id === element.id) return atIndex;
    byId ??= new Map(previous.map((candidate) => [candidate.id, candidate]));
    return byId.get(element.id);
  };
  let unchanged = previous.length === next.length;
  const kept = next.map((element, index) => {
    const old = previousOf(element, index);
    const keep = old !== undefined && (old === element || same(old, element));
    if (!keep || previous[index] !== old) unchanged = false;
    return keep ? old : element;
  });
  return unchanged ? previous : kept;
}

/**
 * A `keepUnchanged` that remembers its last answer: each call keeps the objects of the previous call's elements that
 * did not change. A render React discards may have called it; that only leaves data-equal objects behind.
 */
export function createKeeper<T extends { readonly id: string }>(
  same: (a: T, b: T) => boolean,
): (next: T[]) => T[] {
  let last: T[] = [];
  return (next) => {
    last = keepUnchanged(last, next, same);
    return last;
  };
}
