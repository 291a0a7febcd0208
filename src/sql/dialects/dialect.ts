// What differs between SQL dialects, kept to a handful of small functions so every dialect shares one logical plan.
import type { DialectName, RepeatedBlock, Statement } from '../types.ts';

export interface Dialect {
  readonly name: DialectName;
  /** The text type, for casts and the events table's DDL. */
  readonly text: string;
  /** The type of the ingestion-order column. */
  readonly bigint: string;
  /** The type of the time column (seconds, fractional). */
  readonly double: string;
  /** The type of the properties column. */
  readonly json: string;
  /** Statements a session needs first (ClickHouse: NULLs from outer joins). */
  readonly preamble: readonly string[];
  /** `CREATE TABLE name AS select`, with whatever table options the dialect requires. */
  createTableAs(name: string, select: string): string;
  /** A top-level property of the properties JSON as text, NULL when absent or JSON null. */
  jsonText(column: string, key: string): string;
  /** `value` starts with `prefix` (a literal without wildcards). */
  startsWith(value: string, prefix: string): string;
  /** A property that is a JSON array: its length, and its element `index` (0-based) as text. */
  jsonArrayLength(column: string, key: string): string;
  jsonArrayText(column: string, key: string, index: number): string;
  /** `value` matches `pattern` (anchored by the pattern; no backslashes, so no dialect's literal escaping bites). */
  regexMatch(value: string, pattern: string, caseInsensitive: boolean): string;
  /** Renames a table; `to` is the full name the script uses (some dialects want it unqualified). */
  renameTable(from: string, to: string): string;
  /**
   * The block as one looping statement, or undefined when the dialect has no loop statement and the driver must
   * repeat the block (DuckDB, ClickHouse).
   */
  readonly loop?: ((block: RepeatedBlock) => Statement) | undefined;
  /** Which rules this dialect cannot express, by mode; printed in --help and the script's header. */
  readonly limits: readonly string[];
}

/** `ALTER TABLE a.b RENAME TO c`: the new name without the schema (DuckDB, PostgreSQL, BigQuery). */
export function alterRenameUnqualified(from: string, to: string): string {
  return `ALTER TABLE ${from} RENAME TO ${to.slice(to.lastIndexOf('.') + 1)}`;
}

/** A statement's text indented for a block body, ending with `;`. */
export function blockLines(statements: readonly Statement[], indent: string): string {
  return statements
    .map((s) => `${indent}-- ${s.comment}\n${indent}${s.sql.replace(/\n/g, `\n${indent}`)};`)
    .join('\n');
}

/** A SQL string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `CREATE TABLE name AS select` as most dialects write it. */
export function plainCreateTableAs(name: string, select: string): string {
  return `CREATE TABLE ${name} AS\n${select}`;
}

/** The portable prefix test: every dialect here has SUBSTR(value, 1, n). */
export function substrStartsWith(value: string, prefix: string): string {
  return `SUBSTR(${value}, 1, ${prefix.length}) = ${literal(prefix)}`;
}
