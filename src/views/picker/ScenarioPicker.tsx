// The scenario picker: a combobox named "Scenario" whose list is grouped by lesson and filtered as you type.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { fetchLibrary, LIBRARY_CONTENTS, shelvedLibrary } from '../../scenarios/library/shelf.ts';
import { useActions, useScenario } from '../../store/hooks.ts';
import { openLibraryScenario } from '../../store/openScenario.ts';
import { searchScenarios, type Searchable } from '../../store/scenarioSearch.ts';
import { warmWhenIdle } from '../shared/lazyView.tsx';
import { ScenarioOptions } from './ScenarioOptions.tsx';
import './picker.css';

// The bodies (and so the lessons the list shows and searches) load when the page is idle, or when the list opens.
warmWhenIdle(fetchLibrary);

/**
 * The scenarios the list offers: every library entry (title, group, rules: with the page), as whole scenarios once
 * the library has loaded. Until then the list shows titles without lessons; a failed load leaves it so.
 */
function useListed(open: boolean): readonly Searchable[] {
  const [loaded, setLoaded] = useState(shelvedLibrary);
  const library = loaded ?? shelvedLibrary();
  useEffect(() => {
    if (!open || library !== undefined) return;
    let live = true;
    fetchLibrary().then(
      (scenarios) => live && setLoaded(scenarios),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, library]);
  return library ?? LIBRARY_CONTENTS;
}

export function ScenarioPicker() {
  const current = useScenario();
  const actions = useActions();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const open = query !== null;
  const listed = useListed(open);
  const groups = useMemo(() => searchScenarios(listed, query ?? ''), [listed, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.scenarios), [groups]);
  const activeScenario = flat[Math.min(active, flat.length - 1)];

  const close = () => setQuery(null);
  const choose = (scenario: Searchable) => {
    close();
    if (scenario.id !== current.id) openLibraryScenario(actions, scenario.id);
  };
  const openList = (text: string) => {
    setQuery(text);
    setActive(
      Math.max(
        0,
        flat.findIndex((s) => s.id === current.id),
      ),
    );
  };
  const move = (delta: number) => setActive((index) => clampIndex(index + delta, flat.length));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const handled = handleKey(event.key, {
      open,
      openList: () => openList(''),
      close,
      move,
      toEdge: (last) => setActive(last ? flat.length - 1 : 0),
      chooseActive: () => (activeScenario === undefined ? undefined : choose(activeScenario)),
    });
    if (handled) event.preventDefault();
  };

  return (
    <div className="picker">
      <label className="picker-label" htmlFor={`${listId}-input`}>
        Scenario
      </label>
      <input
        id={`${listId}-input`}
        className="picker-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeScenario ? `${listId}-${activeScenario.id}` : undefined}
        data-testid="picker.input"
        value={query ?? current.title}
        placeholder="Search scenarios"
        onFocus={(event) => event.currentTarget.select()}
        onClick={() => (open ? undefined : openList(''))}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {open ? (
        <ScenarioOptions
          listId={listId}
          groups={groups}
          activeId={activeScenario?.id}
          currentId={current.id}
          onChoose={choose}
        />
      ) : null}
    </div>
  );
}

function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(index, 0), Math.max(length - 1, 0));
}

interface KeyHandlers {
  readonly open: boolean;
  readonly openList: () => void;
  readonly close: () => void;
  readonly move: (delta: number) => void;
  readonly toEdge: (last: boolean) => void;
  readonly chooseActive: () => void;
}

/** The combobox keys of the ARIA practices: arrows move, Enter chooses, Escape closes; true when handled. */
function handleKey(key: string, on: KeyHandlers): boolean {
  if (!on.open) {
    if (key !== 'ArrowDown' && key !== 'ArrowUp') return false;
    on.openList();
    return true;
  }
  const actions: Record<string, () => void> = {
    ArrowDown: () => on.move(1),
    ArrowUp: () => on.move(-1),
    PageDown: () => on.move(5),
    PageUp: () => on.move(-5),
    Enter: on.chooseActive,
    Escape: on.close,
  };
  const action = actions[key];
  action?.();
  return action !== undefined;
}
