// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './afterNextPaint.ts';

/** A page whose frames the test paints by hand: the animation callbacks wait until `paint` runs them. */
function framesByHand() {
  const callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callbacks.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
  return {
    paint() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(performance.now());
    },
  };
}

/** Lets queued tasks (the MessageChannel's message) run. */
const tasks = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('afterNextPaint', () => {
  it('runs once, in a task after the next frame, not before it', async () => {
    const frames = framesByHand();
    const run = vi.fn();
    afterNextPaint(run);
    await tasks();
    expect(run).not.toHaveBeenCalled();
    frames.paint();
    expect(run).not.toHaveBeenCalled();
    await tasks();
    expect(run).toHaveBeenCalledTimes(1);
    frames.paint();
    await tasks();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled, before or after the frame', async () => {
    const frames = framesByHand();
    const before = vi.fn();
    afterNextPaint(before)();
    const after = vi.fn();
    const cancelAfter = afterNextPaint(after);
    frames.paint();
    cancelAfter();
    await tasks();
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('runs without a frame when the page is hidden (a hidden page paints none)', async () => {
    framesByHand();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const run = vi.fn();
    afterNextPaint(run);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
