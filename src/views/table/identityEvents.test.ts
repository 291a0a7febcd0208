// Identity events follow the user's choice, else the scenario's, else they are shown.
import { describe, expect, it } from 'vitest';
import { showsIdentityEvents } from './identityEvents.ts';

describe('showsIdentityEvents', () => {
  it("follows the scenario's choice until the user picks one", () => {
    expect(showsIdentityEvents('scenario', 'hidden')).toBe(false);
    expect(showsIdentityEvents('scenario', undefined)).toBe(true);
    expect(showsIdentityEvents('shown', 'hidden')).toBe(true);
    expect(showsIdentityEvents('hidden', 'shown')).toBe(false);
  });
});
