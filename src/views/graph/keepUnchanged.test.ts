import { describe, expect, it } from 'vitest';
import { keepUnchanged, sameData } from './keepUnchanged.ts';

describe('sameData', () => {
  it('compares plain objects and arrays by content, in any key order', () => {
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });

  it('compares functions, sets and other non-plain objects by identity', () => {
    const f = () => 1;
    expect(sameData({ f }, { f })).toBe(true);
    expect(sameData({ f }, { f: () => 1 })).toBe(false);
    expect(sameData(new Set([1]), new Set([1]))).toBe(false);
  });
});

describe('keepUnchanged', () => {
  const node = (id: string, x: number) => ({ id, position: { x, y: 0 }, data: { label: id } });

  it('keeps the previous object of each unchanged element, and takes the new one of each changed or added', () => {
    const previous = [node('a', 0), node('b', 0)];
    const next = [node('a', 0), node('b', 5), node('c', 0)];
    const kept = keepUnchanged(previous, next);
    expect(kept[0]).toBe(previous[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(next[2]);
  });

  it('returns the previous list itself when nothing changed, and a new one when only the order did', () => {
    const previous = [node('a', 0), node('b', 0)];
    expect(keepUnchanged(previous, [node('a', 0), node('b', 0)])).toBe(previous);
    const reordered = keepUnchanged(previous, [node('b', 0), node('a', 0)]);
    expect(reordered).not.toBe(previous);
    expect(reordered).toEqual([previous[1], previous[0]]);
    expect(keepUnchanged(previous, [node('a', 0)])).toEqual([previous[0]]);
  });
});
