// The event table's columns by id: the five of Mixpanel's guide, the row number, and three optional ones.

export const COLUMN_IDS = [
  'number',
  'event',
  'device_id',
  'user_id',
  'distinct_id',
  'notes',
  'time',
  'sent_distinct_id',
  'failure',
] as const;

export type ColumnId = (typeof COLUMN_IDS)[number];

/** Header text, exactly as Mixpanel's "Identifying Users" guide writes it where the guide has the column. */
export const COLUMN_HEADERS: Readonly<Record<ColumnId, string>> = {
  number: '#',
  event: 'Event',
  device_id: '$device_id',
  user_id: '$user_id',
  distinct_id: 'distinct_id (set by Mixpanel)',
  notes: 'Notes',
  time: 'Time',
  sent_distinct_id: 'distinct_id (as sent)',
  failure: 'Failure reason',
};

/** Columns the guide does not draw: hidden until the user turns them on in the column menu. */
export const OPTIONAL_COLUMNS: readonly ColumnId[] = ['time', 'sent_distinct_id', 'failure'];

export function isColumnId(id: string): id is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(id);
}
