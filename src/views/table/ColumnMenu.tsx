// A disclosure with a checkbox per optional column (time, distinct_id as sent, failure reason).
import { useRef, type KeyboardEvent } from 'react';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { COLUMN_HEADERS, OPTIONAL_COLUMNS, type ColumnId } from './columnCatalog.ts';

interface ColumnMenuProps {
  readonly visibility: ColumnVisibilityState;
  readonly onToggle: (column: ColumnId, visible: boolean) => void;
}

export function ColumnMenu({ visibility, onToggle }: ColumnMenuProps) {
  const menu = useRef<HTMLDetailsElement>(null);
  // A native <details> has no Escape; menus are expected to close on it and hand focus back to their button.
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || menu.current?.open !== true) return;
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  };
  return (
    <details ref={menu} className="column-menu" data-testid="table.columns" onKeyDown={closeOnEscape}>
      <summary>Columns</summary>
      <fieldset className="column-menu-panel">
        <legend>Optional columns</legend>
        {OPTIONAL_COLUMNS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={visibility[id] !== false}
              onChange={(event) => onToggle(id, event.currentTarget.checked)}
            />
            {COLUMN_HEADERS[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
