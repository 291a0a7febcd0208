// Roving focus over the rows: one row in the Tab order, arrow keys move it, Enter or Space selects, Escape clears.
// ← → Home End stay with the timeline, so a user can watch the focused row while stepping.
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { nextRowIndex } from './rowKeys.ts';

export interface RowFocusHandlers {
  /** Scroll a row into view (it may not be rendered yet: the body is virtualized). */
  readonly reveal: (index: number) => void;
  readonly activate: (index: number) => void;
  readonly clear: () => void;
}

export function useRowFocus(count: number, handlers: RowFocusHandlers) {
  const [activeIndex, setActiveIndex] = useState(0);
  // True while the user moves through rows by keyboard: only then may a row take focus as it renders.
  const [navigating, setNavigating] = useState(false);
  const active = Math.min(activeIndex, Math.max(count - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const next = nextRowIndex(event.key, event.ctrlKey || event.metaKey, active, count);
    if (next !== undefined) {
      event.preventDefault();
      setActiveIndex(next);
      setNavigating(true);
      handlers.reveal(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      handlers.activate(active);
    } else if (event.key === 'Escape') {
      handlers.clear();
    }
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setNavigating(false);
  };
  return { active, navigating, onKeyDown, onBlur, onFocusRow: setActiveIndex };
}
