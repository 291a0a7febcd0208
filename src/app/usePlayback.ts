// Plays the timeline: one step per tick at the chosen speed, stopping at the last step.
import { useEffect } from 'react';
import { useActions, useAppState, useStoreApi } from '../store/hooks.ts';

export function usePlayback(): void {
  const playing = useAppState((state) => state.playing);
  const speed = useAppState((state) => state.speed);
  const { store } = useStoreApi();
  const { stepForward, togglePlay } = useActions();
  useEffect(() => {
    if (!playing) return undefined;
    const tick = () => {
      const { cursor, stepCount } = store.getState();
      if (cursor >= stepCount) togglePlay();
      else stepForward();
    };
    const timer = window.setInterval(tick, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, store, stepForward, togglePlay]);
}
