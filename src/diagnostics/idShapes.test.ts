// looksLikePlaceholder's length shortcut (issue #14) must answer exactly as its plain definition (P-8, LIM-1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKED_IDS } from '../engine/index.ts';
import { looksLikePlaceholder } from './idShapes.ts';

const SUSPECTS = [
  'nan',
  '[object object]',
  'guest',
  'id',
  'user_id',
  'userid',
  'distinct_id',
  'device_id',
  'email',
];

/** The definition the shortcut stands for: LIM-1's list or a suspect in any case, or only 0s and dashes. */
function plainLooksLikePlaceholder(id: string): boolean {
  const lower = id.toLowerCase();
  return BLOCKED_IDS.has(lower) || SUSPECTS.includes(lower) || /^[0-]+$/.test(id);
}

const named = fc
  .tuple(
    fc.constantFrom(...BLOCKED_IDS, ...SUSPECTS),
    fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  )
  .map(([id, upper]) => [...id].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

const anyId = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[0-]{1,50}$/),
  named,
  fc.constantFrom('\u0130D', 'GUEST', 'Guest1', '0-0-', '-', '', 'user-64439'),
);

describe('looksLikePlaceholder (P-8)', () => {
  it('agrees with its plain definition', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        expect(looksLikePlaceholder(id)).toBe(plainLooksLikePlaceholder(id));
      }),
      { numRuns: 2000 },
    );
  });

  it('names every listed value and suspect in any case, and only 0s and dashes of any length', () => {
    for (const id of [...BLOCKED_IDS, ...SUSPECTS]) expect(looksLikePlaceholder(id.toUpperCase())).toBe(true);
    expect(looksLikePlaceholder('0'.repeat(60))).toBe(true);
    expect(looksLikePlaceholder('user-64439')).toBe(false);
  });
});
