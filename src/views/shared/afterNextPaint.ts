// Runs work just after the next frame is painted: a task queued from the frame's animation callback runs once the
// frame has been rendered, when style and layout are clean and the next frame is as far away as it gets.

/** How often to check whether the page was hidden meanwhile (a hidden page paints no frames, so nothing would run). */
const HIDDEN_CHECK_MS = 250;

/** Calls `run` once, in a task right after the next painted frame (at once if the page is hidden); returns a cancel. */
export function afterNextPaint(run: () => void): () => void {
  let done = false;
  let timer = 0;
  const cancel = () => {
    done = true;
    window.clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
  const once = () => {
    if (done) return;
    cancel();
    run();
  };
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(null);
  });
  const checkHidden = () => {
    if (document.visibilityState === 'hidden') once();
    else timer = window.setTimeout(checkHidden, HIDDEN_CHECK_MS);
  };
  timer = window.setTimeout(checkHidden, HIDDEN_CHECK_MS);
  return cancel;
}
