import { describe, expect, it } from 'vitest';
import { BURST_MS, createBurstWatch } from './stepBurst.ts';

describe('createBurstWatch', () => {
  it('calls a step a burst when it comes within BURST_MS of the step before, whatever came earlier', () => {
    const step = createBurstWatch();
    expect(step(1000)).toBe(false);
    expect(step(1000 + BURST_MS - 1)).toBe(true);
    expect(step(1000 + 2 * BURST_MS - 2)).toBe(true);
    // A pause: the next step moves again, and one soon after it is a burst again.
    expect(step(5000)).toBe(false);
    expect(step(5000 + BURST_MS)).toBe(false);
    expect(step(5000 + BURST_MS + 30)).toBe(true);
  });
});
