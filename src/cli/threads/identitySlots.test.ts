import { describe, expect, it } from 'vitest';
import { IDENTITY_KEYS, type IdentityKey } from '../../io/scan/index.ts';
import { readIdentity, writeIdentity } from './identitySlots.ts';

describe('identity slots', () => {
  it('reads every identity key into its IDENTITY_KEYS slot, and absent keys as undefined', () => {
    const properties = Object.fromEntries(IDENTITY_KEYS.map((key) => [key, `value of ${key}`]));
    const slots: unknown[] = [];
    readIdentity(properties, slots);
    expect(slots).toEqual(IDENTITY_KEYS.map((key) => `value of ${key}`));
    readIdentity({ time: 7 }, slots);
    expect(slots).toEqual(IDENTITY_KEYS.map((key) => (key === 'time' ? 7 : undefined)));
  });

  it('writes each slot back under its own key (a round trip gives the same values)', () => {
    const slots = IDENTITY_KEYS.map((key, at) => (at % 2 === 0 ? `value of ${key}` : undefined));
    const properties = {} as Record<IdentityKey, unknown>;
    writeIdentity(properties, slots);
    expect(Object.keys(properties)).toEqual(expect.arrayContaining([...IDENTITY_KEYS]));
    for (const [at, key] of IDENTITY_KEYS.entries()) expect(properties[key]).toBe(slots[at]);
  });
});
