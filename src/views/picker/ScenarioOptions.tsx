// The picker's popup list: one group per lesson, each option with its title and lesson.
import { useEffect } from 'react';
import type { ScenarioGroupMatch, Searchable } from '../../store/scenarioSearch.ts';

interface ScenarioOptionsProps {
  readonly listId: string;
  readonly groups: readonly ScenarioGroupMatch[];
  readonly activeId: string | undefined;
  readonly currentId: string;
  readonly onChoose: (scenario: Searchable) => void;
}

export function ScenarioOptions({ listId, groups, activeId, currentId, onChoose }: ScenarioOptionsProps) {
  useEffect(() => {
    if (activeId !== undefined)
      document.getElementById(`${listId}-${activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, activeId]);
  if (groups.length === 0)
    return (
      <div id={listId} className="picker-list" data-testid="picker.list">
        <p className="picker-empty">No scenario matches.</p>
      </div>
    );
  return (
    <div id={listId} className="picker-list" role="listbox" aria-label="Scenarios" data-testid="picker.list">
      {groups.map(({ group, scenarios }) => (
        <div key={group} role="group" aria-label={group}>
          <div className="picker-group" aria-hidden="true">
            {group}
          </div>
          {scenarios.map((scenario) => (
            <div
              key={scenario.id}
              id={`${listId}-${scenario.id}`}
              role="option"
              aria-selected={scenario.id === activeId}
              aria-current={scenario.id === currentId || undefined}
              className="picker-option"
              data-testid={`picker.option.${scenario.id}`}
              // Keep focus in the input: a mouse-down would blur it and close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChoose(scenario)}
            >
              <span className="picker-option-title">{scenario.title}</span>
              <span className="picker-option-lesson">{scenario.lesson}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
