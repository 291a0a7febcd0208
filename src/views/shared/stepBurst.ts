// Steps that come in a burst (a held key, fast playback, quick presses) skip the motion a single step shows.
// Each step's new and changed graph elements fade in, pulse or draw themselves, and the table's rewritten cells fade
// to their highlight: that motion repaints on every frame for up to 1.8 s, so in a burst it only piles onto the
// following steps' frames (scripts/measure-steps.ts), and nobody can follow it anyway. A step after a pause moves.

/** Steps closer together than this are a burst. */
export const BURST_MS = 400;

/** Set on the root element while the last step came in a burst; the views' CSS turns their step motion off under it. */
export const BURST_ATTRIBUTE = 'data-step-burst';

/**
 * A watch over step times: each call is a step at `now` (ms), and answers whether it came within BURST_MS of the
 * step before it.
 */
export function createBurstWatch(): (now: number) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (now) => {
    const burst = now - last < BURST_MS;
    last = now;
    return burst;
  };
}

/** Whether the step just taken came in a burst (read by the graph's refit, which then jumps instead of gliding). */
export function inStepBurst(): boolean {
  return document.documentElement.hasAttribute(BURST_ATTRIBUTE);
}
