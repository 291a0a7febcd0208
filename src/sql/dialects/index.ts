// The dialects by name.
import type { DialectName } from '../types.ts';
import { bigquery } from './bigquery.ts';
import { clickhouse } from './clickhouse.ts';
import type { Dialect } from './dialect.ts';
import { duckdb } from './duckdb.ts';
import { postgres } from './postgres.ts';
import { snowflake } from './snowflake.ts';
import { spark } from './spark.ts';

export type { Dialect };
export { literal } from './dialect.ts';

export const DIALECT: Readonly<Record<DialectName, Dialect>> = {
  duckdb,
  postgres,
  clickhouse,
  bigquery,
  snowflake,
  spark,
};
