// A list of buttons that is one Tab stop: ↑ ↓ (and Home, End) move between its items, Tab leaves it (roving
// tabindex, as the WAI-ARIA practices describe). The stop is the item last focused, else the current one.
import { useState, type KeyboardEvent } from 'react';

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => Math.min(index + 1, count - 1),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

export interface RovingList<T extends HTMLElement> {
  /** 0 for the one item in the Tab order, -1 for the rest. */
  readonly tabIndexOf: (index: number) => 0 | -1;
  readonly onFocusItem: (index: number) => void;
  /** Put on the list: moves the focus on arrow keys, Home and End. */
  readonly onKeyDown: (event: KeyboardEvent<T>) => void;
}

/** `current`: the item to stop on before any has focus (the selected one), or -1 for the first. */
export function useRovingList<T extends HTMLElement>(count: number, current: number): RovingList<T> {
  const [focused, setFocused] = useState<number | null>(null);
  const stop = Math.min(Math.max(focused ?? (current < 0 ? 0 : current), 0), Math.max(count - 1, 0));
  const onKeyDown = (event: KeyboardEvent<T>) => {
    const move = MOVES[event.key];
    if (move === undefined || count === 0) return;
    event.preventDefault();
    const next = move(stop, count);
    setFocused(next);
    event.currentTarget.querySelectorAll<HTMLElement>('[data-roving-item]')[next]?.focus();
  };
  return { tabIndexOf: (index) => (index === stop ? 0 : -1), onFocusItem: setFocused, onKeyDown };
}
