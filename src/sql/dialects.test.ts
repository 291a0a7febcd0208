// The dialects that cannot run here (BigQuery, Snowflake, Spark) are checked by golden files and a SQL parser; the
// golden files of the runnable ones make any change to the generated SQL visible in review.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, MODES, type Mode } from '../engine/index.ts';
import { DIALECT } from './dialects/index.ts';
import { generateScript, planSteps } from './generate.ts';
import { DIALECTS, isRepeatedBlock, type DialectName } from './types.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const options = (mode: Mode, dialect: DialectName) => ({
  mode,
  dialect,
  events: 'analytics.events',
  prefix: 'analytics.idm_',
  engine: DEFAULT_OPTIONS,
});

describe.each(DIALECTS)('%s: the generated script matches its golden file', (dialect) => {
  it.each(MODES)('%s', (mode) => {
    const path = join(GOLDEN, `${dialect}-${mode}.sql`);
    const script = generateScript(options(mode, dialect));
    // UPDATE_GOLDEN=1 rewrites the files after a deliberate change; review the diff.
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, script);
    expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(script).toBe(readFileSync(path, 'utf8'));
  });
});

/**
 * node-sql-parser's grammars: BigQuery's and Snowflake's, and Hive's for Spark SQL (it has none for Spark; Spark's
 * SQL grew from HiveQL). Hive's grammar lacks CREATE TABLE … AS, so Spark's SELECTs are parsed alone; BigQuery's lacks
 * the RECURSIVE keyword, so those statements are parsed without it. The BigQuery, Snowflake and Hive grammars lack
 * DROP TABLE IF EXISTS and a qualified new name in ALTER TABLE … RENAME TO (all valid there), so those are parsed as
 * DROP TABLE and an unqualified name.
 */
const GRAMMAR: Partial<Record<DialectName, string>> = {
  bigquery: 'bigquery',
  snowflake: 'snowflake',
  spark: 'hive',
  postgres: 'postgresql',
};

function parsable(dialect: DialectName, sql: string): string {
  if (dialect === 'postgres') return sql;
  const ddl = sql
    .replace(/^DROP TABLE IF EXISTS /, 'DROP TABLE ')
    .replace(/ RENAME TO (?:\w+\.)+(\w+)$/, ' RENAME TO $1');
  if (dialect === 'spark') return ddl.replace(/^CREATE TABLE \S+ AS\n/, '');
  if (dialect === 'bigquery') return ddl.replace(/\bWITH RECURSIVE\b/, 'WITH');
  return ddl;
}

describe.each(Object.entries(GRAMMAR))('%s: every statement parses', (dialect, database) => {
  const parser = new sqlParser.Parser();
  it.each(MODES)('%s', (mode) => {
    // The loop statements (PL/pgSQL, BigQuery/Snowflake/Spark scripting) are outside these grammars: their bodies
    // are parsed one statement at a time instead.
    const unlooped = { ...DIALECT[dialect as DialectName], loop: undefined };
    const statements = planSteps(options(mode, dialect as DialectName), unlooped).flatMap((step) =>
      isRepeatedBlock(step) ? step.body : [step],
    );
    expect(statements.length).toBeGreaterThan(3);
    for (const statement of statements) {
      const ast = parser.astify(parsable(dialect as DialectName, statement.sql), { database });
      expect(ast, statement.comment).toBeTruthy();
    }
  });
});
