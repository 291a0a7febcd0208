// CSV rows → Mixpanel events through the header: each column has exactly one target, fixed when the header is read.
import type { Channel } from '../engine/index.ts';
import { describeBadChannel, readChannel } from './mixpanel.ts';
import { parseEventTime } from './time.ts';
import { accepted, rejected, type Normalised } from './types.ts';

/** Where one column's cells go. */
export type ColumnTarget =
  | { readonly kind: 'event' }
  | { readonly kind: 'time' }
  | { readonly kind: 'channel' }
  | { readonly kind: 'property'; readonly key: string }
  /** `$distinct_ids` (for `$merge`): a cell holding a JSON list is parsed, since a list has no CSV form. */
  | { readonly kind: 'json-list'; readonly key: string }
  | { readonly kind: 'ignored' };

/** How a CSV file's header maps to event fields: one target per column. */
export interface CsvColumnPlan {
  readonly columns: readonly string[];
  readonly targets: readonly ColumnTarget[];
  readonly hasEventColumn: boolean;
  /** Human notes about the header: unnamed columns, two columns feeding one property. */
  readonly notes: readonly string[];
}

/** Column aliases in priority order: the first one present in the header takes the role. */
const ROLE_ALIASES: ReadonlyArray<readonly [ColumnTarget, readonly string[]]> = [
  [{ kind: 'event' }, ['event', 'event_name', 'name']],
  [{ kind: 'time' }, ['time', 'timestamp']],
  [{ kind: 'channel' }, ['channel']],
  [{ kind: 'property', key: 'distinct_id' }, ['distinct_id']],
  [{ kind: 'property', key: '$device_id' }, ['$device_id', 'device_id']],
  [{ kind: 'property', key: '$user_id' }, ['$user_id', 'user_id']],
  [{ kind: 'property', key: '$insert_id' }, ['$insert_id', 'insert_id']],
];

const PROPERTY_PREFIX = 'properties.';

/**
 * Reads a header row. Known names match case-insensitively (event/event_name/name, time/timestamp, distinct_id,
 * $device_id/device_id, $user_id/user_id, $insert_id/insert_id, channel); when two aliases of one role are
 * present the first listed wins and the other is an ordinary property. `properties.x` → property x; any other
 * column → the property of that name.
 */
export function planCsvColumns(header: readonly string[]): CsvColumnPlan {
  const columns = header.map((name) => name.trim());
  const targets: ColumnTarget[] = columns.map((name) => propertyTarget(name));
  for (const [role, aliases] of ROLE_ALIASES) {
    const index = aliases.map((alias) => findColumn(columns, alias)).find((found) => found !== -1);
    if (index !== undefined) targets[index] = role;
  }
  return {
    columns,
    targets,
    hasEventColumn: targets.some((target) => target.kind === 'event'),
    notes: headerNotes(columns, targets),
  };
}

function findColumn(columns: readonly string[], alias: string): number {
  return columns.findIndex((name) => name.toLowerCase() === alias);
}

function propertyTarget(name: string): ColumnTarget {
  if (name === '') return { kind: 'ignored' };
  const key = name.startsWith(PROPERTY_PREFIX) ? name.slice(PROPERTY_PREFIX.length) : name;
  return key === '$distinct_ids' ? { kind: 'json-list', key } : { kind: 'property', key };
}

function headerNotes(columns: readonly string[], targets: readonly ColumnTarget[]): string[] {
  const notes: string[] = [];
  const seen = new Map<string, string>();
  targets.forEach((target, index) => {
    if (target.kind === 'ignored') notes.push(`column ${index + 1} has no name: its cells are ignored`);
    if (target.kind !== 'property' && target.kind !== 'json-list') return;
    const earlier = seen.get(target.key);
    const name = columns[index] ?? '';
    if (earlier === undefined) seen.set(target.key, name);
    else
      notes.push(
        `columns "${earlier}" and "${name}" both fill property "${target.key}": the first non-empty wins`,
      );
  });
  return notes;
}

/** The column name under which `toCsvRow` writes a property, so that reading the CSV back restores its key. */
export function csvColumnForProperty(key: string): string {
  if (key === 'time') return key; // the time column is read back as epoch seconds, which it already is
  const target = planCsvColumns([key]).targets[0];
  const isSelf = (target?.kind === 'property' || target?.kind === 'json-list') && target.key === key;
  return isSelf ? key : PROPERTY_PREFIX + key;
}

/**
 * One data row → an event. Empty cells are absent; every cell stays a string except time (epoch seconds) and
 * `$distinct_ids` (a JSON list), because CSV cannot tell the number 42 from the id "42" and ids must not change.
 */
export function csvRowToRecord(plan: CsvColumnPlan, cells: readonly string[]): Normalised {
  if (cells.length !== plan.columns.length)
    return rejected(
      'csv-ragged-row',
      `row has ${describeFieldCount(cells.length)}; the header has ${describeFieldCount(plan.columns.length)}`,
    );
  const row: RowState = { name: undefined, channel: undefined, properties: {} };
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index] ?? '';
    const target = plan.targets[index];
    if (cell === '' || target === undefined) continue;
    const fault = readCell(row, target, cell);
    if (fault !== undefined) return fault;
  }
  return toRecord(row);
}

interface RowState {
  name: string | undefined;
  channel: Channel | undefined;
  readonly properties: Record<string, unknown>;
}

/** Stores one non-empty cell; returns a rejection when the cell is unusable. */
function readCell(row: RowState, target: ColumnTarget, cell: string): Normalised | undefined {
  switch (target.kind) {
    case 'event':
      row.name = cell;
      return undefined;
    case 'time':
      return readTime(row, cell);
    case 'channel':
      return readChannelCell(row, cell);
    case 'property':
      return setProperty(row.properties, target.key, cell);
    case 'json-list':
      return setProperty(row.properties, target.key, readJsonList(cell));
    case 'ignored':
      return undefined;
  }
}

function readTime(row: RowState, cell: string): Normalised | undefined {
  const time = parseEventTime(cell);
  if (time === undefined)
    return rejected(
      'bad-time',
      `time is not epoch seconds, epoch milliseconds or an ISO 8601 date: "${cell}"`,
    );
  return setProperty(row.properties, 'time', time);
}

function readChannelCell(row: RowState, cell: string): Normalised | undefined {
  const channel = readChannel(cell);
  if (channel === 'invalid') return rejected('bad-channel', describeBadChannel(cell));
  row.channel = channel;
  return undefined;
}

/** First non-empty value wins. defineProperty, so a column named `__proto__` is a property, not a prototype. */
function setProperty(properties: Record<string, unknown>, key: string, value: unknown): undefined {
  if (Object.hasOwn(properties, key)) return undefined;
  if (key === '__proto__')
    Object.defineProperty(properties, key, { value, enumerable: true, writable: true, configurable: true });
  else properties[key] = value;
  return undefined;
}

function toRecord(row: RowState): Normalised {
  if (row.name === undefined) return rejected('missing-event-name', 'missing event name');
  const { name: event, properties, channel } = row;
  return accepted([
    { kind: 'event', event: channel === undefined ? { event, properties } : { event, properties, channel } },
  ]);
}

function readJsonList(cell: string): unknown {
  if (!cell.trimStart().startsWith('[')) return cell;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return cell;
  }
}

function describeFieldCount(count: number): string {
  return count === 1 ? '1 field' : `${count} fields`;
}
