// A tablist with its panels (ARIA tabs pattern): arrows, Home and End move between tabs, and the panel follows.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabSpec<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly content: ReactNode;
}

interface TabsProps<K extends string> {
  readonly label: string;
  readonly tabs: readonly TabSpec<K>[];
  readonly selected: K;
  readonly onSelect: (key: K) => void;
  /** Ids for each panel, so a control elsewhere can point at one (aria-controls). */
  readonly panelId: (key: K) => string;
}

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

export function Tabs<K extends string>({ label, tabs, selected, onSelect, panelId }: TabsProps<K>) {
  const prefix = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    const index = tabs.findIndex((tab) => tab.key === selected);
    const next = move === undefined ? undefined : tabs[move(index, tabs.length)];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next.key);
    list.current?.querySelector<HTMLElement>(`[data-tab="${next.key}"]`)?.focus();
  };
  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${prefix}-${tab.key}`}
            data-tab={tab.key}
            data-testid={`tabs.${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={panelId(tab.key)}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={panelId(tab.key)}
          className="tab-panel"
          aria-labelledby={`${prefix}-${tab.key}`}
          tabIndex={0}
          hidden={tab.key !== selected}
          data-testid={`panel.${tab.key}`}
        >
          {tab.key === selected ? tab.content : null}
        </div>
      ))}
    </div>
  );
}
