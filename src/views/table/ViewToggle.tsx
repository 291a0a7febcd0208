// "As sent" or "As Mixpanel shows it": the stored properties, or $user_id filled in as the guide draws it.
import { useActions, useAppState } from '../../store/hooks.ts';
import type { TableView } from './projectRows.ts';

const OPTIONS: ReadonlyArray<{ readonly value: TableView; readonly label: string }> = [
  { value: 'as-sent', label: 'As sent' },
  { value: 'as-shown', label: 'As Mixpanel shows it' },
];

export function ViewToggle() {
  const tableView = useAppState((state) => state.tableView);
  const { setTableView } = useActions();
  return (
    <fieldset className="segmented" data-testid="table.view">
      <legend className="visually-hidden">Table view</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="segmented-option">
          <input
            type="radio"
            name="table-view"
            value={option.value}
            checked={tableView === option.value}
            onChange={() => setTableView(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
