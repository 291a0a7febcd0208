// The follow-scroll's offset, computed from measurements alone, is the one TanStack Virtual's own scrollToIndex(index,
// { align: 'auto' }) would scroll to, on a real Virtualizer whose scroll box reports the layout it would have.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Virtualizer } from '@tanstack/react-virtual';
import { offsetToShow } from './followOffset.ts';

interface Box {
  readonly rowHeights: readonly number[];
  /** The sticky header's height: the rows' scrollMargin and scrollPaddingStart, as VirtualBody sets them. */
  readonly header: number;
  readonly viewport: number;
  readonly offset: number;
  /** Not set by VirtualBody (0), but part of TanStack's rule. */
  readonly paddingEnd?: number;
}

/** A virtualizer as VirtualBody configures it, measured, scrolled to `box.offset`. */
function virtualizerFor(box: Box): Virtualizer<HTMLDivElement, Element> {
  const virtualizer = new Virtualizer<HTMLDivElement, Element>({
    count: box.rowHeights.length,
    getScrollElement: () => null,
    estimateSize: (index) => box.rowHeights[index] ?? 0,
    scrollMargin: box.header,
    scrollPaddingStart: box.header,
    scrollPaddingEnd: box.paddingEnd ?? 0,
    observeElementRect: () => undefined,
    observeElementOffset: () => undefined,
    scrollToFn: () => undefined,
  });
  const content = box.header + box.rowHeights.reduce((sum, height) => sum + height, 0);
  // What the browser's layout would report for the scroll box (TanStack reads it to clamp; offsetToShow must not).
  virtualizer.scrollElement = { scrollHeight: content, clientHeight: box.viewport } as HTMLDivElement;
  virtualizer.scrollRect = { width: 800, height: box.viewport };
  virtualizer.scrollOffset = Math.min(box.offset, Math.max(content - box.viewport, 0));
  return virtualizer;
}

/** TanStack's own answer: the offset scrollToIndex(index, { align: 'auto' }) scrolls to. */
function tanstackOffset(virtualizer: Virtualizer<HTMLDivElement, Element>, index: number): number {
  const found = virtualizer.getOffsetForIndex(index, 'auto');
  if (found === undefined) throw new Error(`no row ${index}`);
  return found[0];
}

const boxes = fc
  .record({
    rowHeights: fc.array(fc.integer({ min: 20, max: 120 }), { minLength: 1, maxLength: 60 }),
    header: fc.integer({ min: 0, max: 60 }),
    viewport: fc.integer({ min: 150, max: 900 }),
    offset: fc.nat({ max: 8000 }),
    paddingEnd: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  })
  .chain((box) => fc.tuple(fc.constant(box), fc.nat({ max: box.rowHeights.length - 1 })));

describe('offsetToShow', () => {
  it("scrolls where TanStack's scrollToIndex with align 'auto' would, and not at all when the row is in view", () => {
    fc.assert(
      fc.property(boxes, ([box, index]) => {
        const virtualizer = virtualizerFor(box);
        const expected = tanstackOffset(virtualizer, index);
        const offset = offsetToShow(virtualizer, index);
        if (offset === undefined) expect(expected).toBe(virtualizer.scrollOffset);
        else expect(offset).toBeCloseTo(expected, 6);
      }),
      { numRuns: 500 },
    );
  });

  it('brings the last row of a long table to the bottom, and the first back under the header', () => {
    const box: Box = {
      rowHeights: Array.from({ length: 500 }, () => 34),
      header: 40,
      viewport: 400,
      offset: 0,
    };
    const atTop = virtualizerFor(box);
    expect(offsetToShow(atTop, 499)).toBe(40 + 500 * 34 - 400);
    expect(offsetToShow(atTop, 3)).toBeUndefined();
    const atBottom = virtualizerFor({ ...box, offset: 40 + 500 * 34 - 400 });
    expect(offsetToShow(atBottom, 0)).toBe(0);
    expect(offsetToShow(atBottom, 497)).toBeUndefined();
  });

  it('says nothing before the viewport is measured', () => {
    const virtualizer = virtualizerFor({ rowHeights: [34, 34], header: 0, viewport: 300, offset: 0 });
    virtualizer.scrollRect = null;
    expect(offsetToShow(virtualizer, 1)).toBeUndefined();
  });
});
