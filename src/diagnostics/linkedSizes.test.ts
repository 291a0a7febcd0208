// LinkedSizes against the plain definition: the largest connected group of ids after each link.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkedSizes } from './linkedSizes.ts';

/** The largest group joined by `links`, by relabelling every id of one group at each link. */
function plainLargest(links: ReadonlyArray<readonly [number, number]>): number {
  const group = new Map<number, number>();
  const groupOf = (id: number) => group.get(id) ?? id;
  for (const [a, b] of links) {
    const [from, to] = [groupOf(a), groupOf(b)];
    group.set(a, from).set(b, to);
    for (const [id, g] of group) if (g === from) group.set(id, to);
  }
  const sizes = new Map<number, number>();
  for (const g of group.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  return Math.max(1, ...sizes.values());
}

describe('LinkedSizes', () => {
  it('knows the largest group of ids joined by links, after every link (O-4: groups only grow)', () => {
    const link = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 }));
    fc.assert(
      fc.property(fc.array(link, { maxLength: 60 }), (links) => {
        const sizes = new LinkedSizes();
        links.forEach(([a, b], at) => {
          sizes.join(a, b);
          expect(sizes.largest).toBe(plainLargest(links.slice(0, at + 1)));
        });
      }),
    );
  });
});
