// The choices `idmerge sql` takes: which identity system, which SQL dialect, which tables, and the engine options SQL honours.
import type { Mode, ResolveOptions } from '../engine/index.ts';

/** The SQL dialects the generator writes. DuckDB, PostgreSQL and ClickHouse are run in the tests. */
export type DialectName = 'duckdb' | 'postgres' | 'clickhouse' | 'bigquery' | 'snowflake' | 'spark';
export const DIALECTS: readonly DialectName[] = [
  'duckdb',
  'postgres',
  'clickhouse',
  'bigquery',
  'snowflake',
  'spark',
];

/** What a generated script needs to know. */
export interface SqlOptions {
  readonly mode: Mode;
  readonly dialect: DialectName;
  /** The events table (optionally schema-qualified), laid out as EVENT_COLUMNS documents. Default `events`. */
  readonly events: string;
  /** Prepended to every table the script creates, e.g. `analytics.idm_`. Default empty. */
  readonly prefix: string;
  /** The engine options (DECISIONS.md) the SQL follows. */
  readonly engine: ResolveOptions;
}

/** The names of the tables a script creates. */
export interface OutputTables {
  /** Mixpanel's export shape (G-6): distinct_id → resolved_distinct_id, one hop. */
  readonly mappings: string;
  /** Every event with its resolved distinct_id and the failure columns the CLI writes. */
  readonly resolvedEvents: string;
}

/** One statement of a generated script, with a comment saying which rules it carries. */
export interface Statement {
  readonly comment: string;
  readonly sql: string;
}

/**
 * Statements run again and again while work is pending (Original's ordered rounds over identity events). A dialect
 * with a loop statement (PL/pgSQL, BigQuery and Snowflake scripting, Spark SQL scripting) wraps it into one
 * statement; DuckDB and ClickHouse have none, so the driver (idmerge's runners, or a person) repeats it.
 */
export interface RepeatedBlock {
  readonly comment: string;
  readonly body: readonly Statement[];
  /** `FROM … WHERE …`: the rows still pending; the block repeats while there is one. */
  readonly pending: string;
}

/** One step of a script: a statement, or a block repeated until nothing is pending. */
export type ScriptStep = Statement | RepeatedBlock;

export function isRepeatedBlock(step: ScriptStep): step is RepeatedBlock {
  return 'body' in step;
}
