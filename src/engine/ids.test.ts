// isBlockedId's first-character shortcut (issue #14) must answer exactly as LIM-1 / Q-12's plain definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKED_IDS, isBlockedId } from './ids.ts';

/** LIM-1 / Q-12 as the spec words it: the list, matched exactly or after lower-casing. */
function plainIsBlocked(id: string, match: 'exact' | 'case-insensitive'): boolean {
  return BLOCKED_IDS.has(match === 'exact' ? id : id.toLowerCase());
}

/** A blocked value with each letter's case chosen at random, so both matching rules are exercised. */
const mangledBlocked = fc
  .tuple(fc.constantFrom(...BLOCKED_IDS), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
  .map(([id, upper]) => [...id].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

/** Ids around the shortcut's edges: any text, the Kelvin sign and dotted I (non-ASCII letters whose lower case is ASCII). */
const anyId = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  mangledBlocked,
  fc.constantFrom('\u212Anown', '\u0130d', 'İ', 'NULL', 'Anon', '0', '', 'i1', 'user-1'),
);

describe('isBlockedId (LIM-1, Q-12)', () => {
  it('agrees with the plain definition under both matching rules', () => {
    fc.assert(
      fc.property(anyId, fc.constantFrom('exact' as const, 'case-insensitive' as const), (id, match) => {
        expect(isBlockedId(id, match)).toBe(plainIsBlocked(id, match));
      }),
      { numRuns: 2000 },
    );
  });

  it('blocks every listed value, in any case when case-insensitive, and only as written when exact', () => {
    for (const id of BLOCKED_IDS) {
      expect(isBlockedId(id, 'exact')).toBe(true);
      expect(isBlockedId(id.toUpperCase(), 'case-insensitive')).toBe(true);
      expect(isBlockedId(id.toUpperCase(), 'exact')).toBe(id.toUpperCase() === id);
    }
  });
});
