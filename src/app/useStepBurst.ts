// Marks the root element while steps come in a burst, so the views skip their step motion (views/shared/stepBurst.ts).
import { useEffect } from 'react';
import { useStoreApi } from '../store/hooks.ts';
import { BURST_ATTRIBUTE, createBurstWatch } from '../views/shared/stepBurst.ts';

export function useStepBurst(): void {
  const { store } = useStoreApi();
  useEffect(() => {
    const step = createBurstWatch();
    // The store calls listeners inside the action, before React renders the step, so the step's new elements are
    // created under the mark and never start their motion. The mark stays until the next step: lifting it later
    // would start the last step's motion late.
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.cursor !== previous.cursor)
        document.documentElement.toggleAttribute(BURST_ATTRIBUTE, step(performance.now()));
    });
    return () => {
      unsubscribe();
      document.documentElement.removeAttribute(BURST_ATTRIBUTE);
    };
  }, [store]);
}
