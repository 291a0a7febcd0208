// ←, →, Home, End and Space step the timeline from anywhere on the page, unless the focused control needs the key.
import { useEffect } from 'react';
import { useActions, useStoreApi } from '../store/hooks.ts';
import { stepActionFor, type StepKeyAction } from './keyboardStepping.ts';

export function useKeyboardStepping(): void {
  const { stepBack, stepForward, stepFirst, stepLast, togglePlay } = useActions();
  const { store } = useStoreApi();
  useEffect(() => {
    const run: Record<StepKeyAction, () => void> = {
      back: stepBack,
      forward: stepForward,
      first: stepFirst,
      last: stepLast,
      'toggle-play': togglePlay,
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // The timeline belongs to the scenarios: not while the dataset or the import dialog is on show.
      const { source, dialogOpen } = store.getState().dataset;
      if (event.defaultPrevented || source === 'dataset' || dialogOpen) return;
      const target = event.target instanceof Element ? event.target : null;
      const action = stepActionFor(event.key, event, target);
      if (action === undefined) return;
      event.preventDefault();
      run[action]();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, stepBack, stepForward, stepFirst, stepLast, togglePlay]);
}
