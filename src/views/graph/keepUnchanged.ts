// Keeps a step's unchanged graph elements as the very objects the previous step drew: React Flow reuses a node's
// measured internals, and skips re-rendering it, only when the node object is the same one it was given before.

/** Equality of plain data: objects and arrays compared member by member, anything else (functions too) by identity. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameData(item, b[index]));
  if (Object.getPrototypeOf(a) !== Object.prototype) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.keys(aRecord);
  return (
    keys.length === Object.keys(bRecord).length &&
    keys.every((key) => Object.hasOwn(bRecord, key) && sameData(aRecord[key], bRecord[key]))
  );
}

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
