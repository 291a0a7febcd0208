// Measures each step from the action to the frame that shows it (views/shared/stepTiming.ts).
import { useEffect } from 'react';
import { useAppState, useStoreApi } from '../store/hooks.ts';
import { markStep, measureStepAfterPaint } from '../views/shared/stepTiming.ts';

export function useStepTiming(): void {
  const { store } = useStoreApi();
  const cursor = useAppState((state) => state.cursor);
  // The store calls listeners inside the action, so this mark is the moment the user stepped.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.cursor !== previous.cursor) markStep();
      }),
    [store],
  );
  // After commit, the next painted frame is the one that shows the step.
  useEffect(() => measureStepAfterPaint(), [cursor]);
}
