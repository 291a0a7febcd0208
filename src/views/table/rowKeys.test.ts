// Keyboard movement between rows stays within the rows.
import { describe, expect, it } from 'vitest';
import { nextRowIndex } from './rowKeys.ts';

describe('nextRowIndex', () => {
  it('moves by one, by a page, and with Ctrl to either end, clamped', () => {
    expect(nextRowIndex('ArrowDown', false, 3, 5)).toBe(4);
    expect(nextRowIndex('ArrowDown', false, 4, 5)).toBe(4);
    expect(nextRowIndex('ArrowUp', false, 0, 5)).toBe(0);
    expect(nextRowIndex('PageDown', false, 3, 50)).toBe(13);
    expect(nextRowIndex('PageUp', false, 3, 50)).toBe(0);
    expect(nextRowIndex('Home', true, 30, 50)).toBe(0);
    expect(nextRowIndex('End', true, 3, 50)).toBe(49);
  });

  it('leaves plain Home and End to the timeline, and ignores other keys and empty tables', () => {
    expect(nextRowIndex('Home', false, 30, 50)).toBeUndefined();
    expect(nextRowIndex('End', false, 3, 50)).toBeUndefined();
    expect(nextRowIndex('ArrowRight', false, 3, 5)).toBeUndefined();
    expect(nextRowIndex('Enter', false, 3, 5)).toBeUndefined();
    expect(nextRowIndex('ArrowDown', false, 0, 0)).toBeUndefined();
  });
});
