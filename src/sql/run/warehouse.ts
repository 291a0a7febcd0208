// What every database the lab runs SQL on offers: load the events table, run statements, read rows back.
import { modeRules, type Mode } from '../../engine/index.ts';
import { DIALECT } from '../dialects/index.ts';
import { eventsTableDdl, type EventRow } from '../eventsTable.ts';
import { generateStatements } from '../generate.ts';
import { outputTables } from '../names.ts';
import {
  isRepeatedBlock,
  type DialectName,
  type RepeatedBlock,
  type SqlOptions,
  type Statement,
} from '../types.ts';

export interface Warehouse {
  readonly dialect: DialectName;
  /** Runs one statement. */
  execute(sql: string): Promise<void>;
  /** Runs a query; every value comes back as JS (text as string, numbers as number, NULL as null). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Appends rows to an existing events table, in batches. */
  append(table: string, rows: AsyncIterable<EventRow[]> | Iterable<EventRow[]>): Promise<number>;
  close(): Promise<void>;
}

/** One resolved event as the SQL writes it (the CLI's output properties, by ingestion order). */
export interface SqlResolvedRow {
  readonly ingestion_order: number;
  readonly resolved_distinct_id: string | null;
  readonly distinct_id_before_identity: string | null;
  /** Simplified (G-7). */
  readonly identity_failure_reason?: string | null;
  /** Original (O-16). */
  readonly failure_reason?: string | null;
  readonly failure_description?: string | null;
}

export interface MappingRow {
  readonly distinct_id: string;
  readonly resolved_distinct_id: string;
}

/** Drops (if present) and creates the events table, then appends the rows. */
export async function loadEvents(
  warehouse: Warehouse,
  table: string,
  batches: AsyncIterable<EventRow[]> | Iterable<EventRow[]>,
): Promise<number> {
  await warehouse.execute(`DROP TABLE IF EXISTS ${table}`);
  await warehouse.execute(eventsTableDdl(DIALECT[warehouse.dialect], table));
  return warehouse.append(table, batches);
}

/** Runs the generated script for `options` (whose dialect must be the warehouse's). */
export async function runResolution(warehouse: Warehouse, options: SqlOptions): Promise<void> {
  for (const step of generateStatements(options)) {
    if (isRepeatedBlock(step)) await repeat(warehouse, step);
    else await runStatement(warehouse, step);
  }
}

async function runStatement(warehouse: Warehouse, statement: Statement): Promise<void> {
  const created = /^CREATE (?:OR REPLACE )?TABLE (\S+)/.exec(statement.sql)?.[1];
  if (created !== undefined && !statement.sql.startsWith('CREATE OR REPLACE'))
    await warehouse.execute(`DROP TABLE IF EXISTS ${created}`);
  await warehouse.execute(statement.sql);
}

/** The driver's loop for dialects without one: each round settles at least one pending row, so it ends. */
async function repeat(warehouse: Warehouse, block: RepeatedBlock): Promise<void> {
  const pending = async () =>
    Number((await warehouse.query(`SELECT COUNT(*) AS pending ${block.pending}`))[0]?.['pending'] ?? 0);
  let left = await pending();
  for (let rounds = left; left > 0; rounds--) {
    if (rounds < 0) throw new Error(`${block.comment}: the rounds did not settle every pending row`);
    for (const statement of block.body) await runStatement(warehouse, statement);
    left = await pending();
  }
}

/** The resolved events, by ingestion order. */
export async function readResolved(warehouse: Warehouse, options: SqlOptions): Promise<SqlResolvedRow[]> {
  const rows = await warehouse.query(
    `SELECT ingestion_order, resolved_distinct_id, distinct_id_before_identity, ${failureColumns(options.mode).join(', ')}
FROM ${outputTables(options.prefix).resolvedEvents} ORDER BY ingestion_order`,
  );
  return rows.map((row) => ({ ...row, ingestion_order: Number(row['ingestion_order']) }) as SqlResolvedRow);
}

/** G-7: the columns holding the mode's failure properties (their names without `$`), the code's first. */
export function failureColumns(mode: Mode): string[] {
  return modeRules(mode).failurePropertyNames.map((name) => name.slice(1));
}

/** The mappings table, sorted by distinct_id so two tables compare row by row. */
export async function readMappings(warehouse: Warehouse, options: SqlOptions): Promise<MappingRow[]> {
  const rows = await warehouse.query(
    `SELECT distinct_id, resolved_distinct_id FROM ${outputTables(options.prefix).mappings}`,
  );
  return (rows as unknown as MappingRow[]).sort(byDistinctId);
}

export function byDistinctId(a: MappingRow, b: MappingRow): number {
  return a.distinct_id < b.distinct_id ? -1 : a.distinct_id > b.distinct_id ? 1 : 0;
}
