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
