// DuckDB: run embedded by `idmerge resolve --engine duckdb` and `idmerge load --duckdb`.
import {
  alterRenameUnqualified,
  literal,
  plainCreateTableAs,
  substrStartsWith,
  type Dialect,
} from './dialect.ts';

export const duckdb: Dialect = {
  name: 'duckdb',
  text: 'VARCHAR',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  json: 'VARCHAR',
  preamble: [],
  createTableAs: plainCreateTableAs,
  jsonText: (column, key) => `json_extract_string(${column}, ${literal('$.' + jsonPathKey(key))})`,
  startsWith: substrStartsWith,
  jsonArrayLength: (column, key) => `json_array_length(${column}, ${literal('$.' + jsonPathKey(key))})`,
  jsonArrayText: (column, key, index) =>
    `json_extract_string(${column}, ${literal(`$.${jsonPathKey(key)}[${index}]`)})`,
  regexMatch: (value, pattern, caseInsensitive) =>
    `regexp_matches(${value}, ${literal(pattern)}${caseInsensitive ? ", 'i'" : ''})`,
  renameTable: alterRenameUnqualified,
  // No loop statement: the driver repeats Original's rounds (DuckDB's recursive CTEs cannot update a keyed state
  // portably across versions).
  limits: [],
};

/** `$identified_id` needs quoting in a JSON path. */
export function jsonPathKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `"${key}"`;
}
