import { describe, expect, it } from 'vitest';
import { createKeeper, keepUnchanged } from './keepUnchanged.ts';
import { sameData } from './sameData.ts';

describe('keepUnchanged', () => {
  const node = (id: string, x: number) => ({ id, position: { x, y: 0 }, data: { label: id } });

  it('keeps the previous object of each unchanged element, and takes the new one of each changed or added', () => {
    const previous = [node('a', 0), node('b', 0)];
    const next = [node('a', 0), node('b', 5), node('c', 0)];
    const kept = keepUnchanged(previous, next, sameData);
    expect(kept[0]).toBe(previous[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(next[2]);
  });

  it('returns the previous list itself when nothing changed, and a new one when only the order did', () => {
    const previous = [node('a', 0), node('b', 0)];
    expect(keepUnchanged(previous, [node('a', 0), node('b', 0)], sameData)).toBe(previous);
    const reordered = keepUnchanged(previous, [node('b', 0), node('a', 0)], sameData);
    expect(reordered).not.toBe(previous);
    expect(reordered).toEqual([previous[1], previous[0]]);
    expect(keepUnchanged(previous, [node('a', 0)], sameData)).toEqual([previous[0]]);
  });
});

describe('createKeeper', () => {
  const row = (id: string, text: string) => ({ id, cells: { text } });

  it('keeps, call after call, the objects of the elements the previous call gave that did not change', () => {
    const keep = createKeeper<ReturnType<typeof row>>(sameData);
    const first = keep([row('1', 'a'), row('2', 'b')]);
    const second = keep([row('1', 'a'), row('2', 'c'), row('3', 'd')]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    const third = keep([row('1', 'a'), row('2', 'c'), row('3', 'd')]);
    expect(third).toBe(second);
  });
});
