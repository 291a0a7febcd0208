// The events table every generated script reads: one row per event, in ingestion order, ids as text.
import { readEventTime, toIdText, type StreamRecord } from '../engine/index.ts';
import type { Dialect } from './dialects/index.ts';

/** One row of the events table. */
export interface EventRow {
  readonly ingestion_order: number;
  readonly event: string;
  readonly time: number | null;
  readonly distinct_id: string | null;
  readonly device_id: string | null;
  readonly user_id: string | null;
  readonly insert_id: string | null;
  readonly channel: string;
  readonly properties: string;
}

/** The columns, in order, with what each holds: the contract between the loader, the docs and the SQL. */
export const EVENT_COLUMNS: ReadonlyArray<{
  readonly name: keyof EventRow;
  readonly type: 'bigint' | 'text' | 'double' | 'json';
  readonly doc: string;
}> = [
  {
    name: 'ingestion_order',
    type: 'bigint',
    doc: 'the order Mixpanel received the events in (Q-1: "first" means this order; Legacy freezes ids in it, L-3); unique',
  },
  {
    name: 'event',
    type: 'text',
    doc: 'the event name; `$identify`, `$create_alias`, `$merge` are identity events',
  },
  {
    name: 'time',
    type: 'double',
    doc: 'event time in seconds since the epoch (read only by --link-order event-time)',
  },
  {
    name: 'distinct_id',
    type: 'text',
    doc: 'properties.distinct_id as sent, as text; "" is kept (LIM-2), NULL when absent',
  },
  { name: 'device_id', type: 'text', doc: 'properties.$device_id as text; "" counts as absent (Q-11)' },
  { name: 'user_id', type: 'text', doc: 'properties.$user_id as text; "" counts as absent (Q-11)' },
  {
    name: 'insert_id',
    type: 'text',
    doc: 'properties.$insert_id as text (a placeholder value rejects the event, LIM-1)',
  },
  {
    name: 'channel',
    type: 'text',
    doc: '"import" or "track": a `$merge` counts only through the import API (O-13)',
  },
  {
    name: 'properties',
    type: 'json',
    doc: 'the whole properties object as JSON; Original and Legacy read `alias`, `$identified_id`, `$anon_id`, `$anon_distinct_id`, `$distinct_ids` from it',
  },
];

/** The events table as a dialect declares it. */
export function eventsTableDdl(dialect: Dialect, name: string): string {
  const types = { bigint: dialect.bigint, text: dialect.text, double: dialect.double, json: dialect.json };
  const columns = EVENT_COLUMNS.map((column) => `  ${column.name} ${types[column.type]}`).join(',\n');
  const options = dialect.name === 'clickhouse' ? ' ENGINE = MergeTree ORDER BY ingestion_order' : '';
  return `CREATE TABLE ${name} (\n${columns}\n)${options}`;
}

/**
 * The row for the record at `order`, or undefined for a profile update (the events table holds events only; profile
 * updates take an ingestion order but have no identity effect on events). Ids are the engine's compared text
 * (numbers as their decimal text, G-9), so the SQL compares what the engine compares.
 */
export function toEventRow(record: StreamRecord, order: number): EventRow | undefined {
  if (record.kind !== 'event') return undefined;
  const { event } = record;
  const p = event.properties;
  return {
    ingestion_order: order,
    event: event.event,
    time: readEventTime(p['time']) ?? null,
    distinct_id: toIdText(p['distinct_id']) ?? null,
    device_id: toIdText(p['$device_id']) ?? null,
    user_id: toIdText(p['$user_id']) ?? null,
    insert_id: toIdText(p['$insert_id']) ?? null,
    channel: event.channel ?? 'import',
    properties: JSON.stringify(p),
  };
}
