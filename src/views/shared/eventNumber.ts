// How a view names an event: by the number the table shows it under, or as hidden when the table hides it.
import type { EventRow } from '../../store/derive.ts';

export function eventNumberText(row: Pick<EventRow, 'displayNumber'>): string {
  return row.displayNumber === undefined ? '(hidden)' : `#${row.displayNumber}`;
}
