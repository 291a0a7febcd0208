// DayCounts (LIM-4's counter) against the plain definition: one count per (id, day) pair in a Map.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayCounts } from './dayCounts.ts';

/** Days near each other (ids move between them and back), plus days too far out for the columns. */
const day = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(-2e15, 1e9, -1e9, 999_999_999, 5e12) },
);
const events = fc.array(fc.record({ id: fc.integer({ min: 0, max: 5 }), day }), { maxLength: 200 });

describe('DayCounts', () => {
  it('counts every (id, day) pair exactly, however the stream moves between days', () => {
    fc.assert(
      fc.property(events, (stream) => {
        const counts = new DayCounts();
        const plain = new Map<string, number>();
        for (const { id, day } of stream) {
          const key = `${id} ${day}`;
          const expected = (plain.get(key) ?? 0) + 1;
          plain.set(key, expected);
          expect(counts.increment(id, day)).toBe(expected);
        }
        for (const { id, day } of stream) expect(counts.countOf(id, day)).toBe(plain.get(`${id} ${day}`));
        expect(counts.countOf(6, 0)).toBe(0);
      }),
    );
  });
});
