// Above the table: the text filter, the as-sent / as-shown toggle, identity events and optional columns.
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useActions } from '../../store/hooks.ts';
import type { ColumnId } from './columnCatalog.ts';
import { ColumnMenu } from './ColumnMenu.tsx';
import { ViewToggle } from './ViewToggle.tsx';

interface TableToolbarProps {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly showIdentity: boolean;
  readonly visibility: ColumnVisibilityState;
  readonly onToggleColumn: (column: ColumnId, visible: boolean) => void;
  readonly shown: number;
  readonly total: number;
}

export function TableToolbar(props: TableToolbarProps) {
  const { setIdentityEvents } = useActions();
  return (
    <div className="table-toolbar" role="group" aria-label="Event table controls">
      <input
        type="search"
        className="table-filter"
        placeholder="Filter…"
        aria-label="Filter events"
        data-testid="table.filter"
        value={props.query}
        onChange={(event) => props.onQuery(event.currentTarget.value)}
      />
      <ViewToggle />
      <label className="table-check">
        <input
          type="checkbox"
          checked={props.showIdentity}
          data-testid="table.identityEvents"
          onChange={(event) => setIdentityEvents(event.currentTarget.checked ? 'shown' : 'hidden')}
        />
        Show identity events
      </label>
      <ColumnMenu visibility={props.visibility} onToggle={props.onToggleColumn} />
      <output className="table-count" aria-live="polite" data-testid="table.count">
        {countText(props.shown, props.total)}
      </output>
    </div>
  );
}

function countText(shown: number, total: number): string {
  const events = `${total} ${total === 1 ? 'event' : 'events'}`;
  return shown === total ? events : `${shown} of ${events}`;
}
