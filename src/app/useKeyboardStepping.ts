// ←, →, Home, End and Space step the timeline from anywhere on the page, unless the focused control needs the key.
import { useEffect } from 'react';
import { useActions } from '../store/hooks.ts';
import { stepActionFor, type StepKeyAction } from './keyboardStepping.ts';

export function useKeyboardStepping(): void {
  const { stepBack, stepForward, stepFirst, stepLast, togglePlay } = useActions();
  useEffect(() => {
    const run: Record<StepKeyAction, () => void> = {
      back: stepBack,
      forward: stepForward,
      first: stepFirst,
      last: stepLast,
      'toggle-play': togglePlay,
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const action = stepActionFor(event.key, event, target);
      if (action === undefined) return;
      event.preventDefault();
      run[action]();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [stepBack, stepForward, stepFirst, stepLast, togglePlay]);
}
