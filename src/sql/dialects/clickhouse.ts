// ClickHouse (recursive CTEs need 24.x or later): run on the embedded engine (chdb 26.7) in the tests.
import { literal, substrStartsWith, type Dialect } from './dialect.ts';

export const clickhouse: Dialect = {
  name: 'clickhouse',
  text: 'Nullable(String)',
  bigint: 'Int64',
  double: 'Nullable(Float64)',
  json: 'String',
  // Outer joins fill unmatched columns with NULL, as in standard SQL, instead of the type's default ('').
  preamble: ['SET join_use_nulls = 1'],
  createTableAs: (name, select) => `CREATE TABLE ${name} ENGINE = MergeTree ORDER BY tuple() AS\n${select}`,
  jsonText: (column, key) => chText(column, literal(key)),
  startsWith: substrStartsWith,
  jsonArrayLength: (column, key) =>
    `if(JSONType(${column}, ${literal(key)}) = 'Array', JSONLength(${column}, ${literal(key)}), NULL)`,
  jsonArrayText: (column, key, index) => chText(column, `${literal(key)}, ${index + 1}`),
  regexMatch: (value, pattern, caseInsensitive) =>
    `match(${value}, ${literal((caseInsensitive ? '(?i)' : '') + pattern)})`,
  renameTable: (from, to) => `RENAME TABLE ${from} TO ${to}`,
  // No loop statement (nor procedures): the driver repeats Original's rounds.
  limits: [],
};

/** A JSON value as text: strings unquoted, other scalars as written, null and absent as NULL. */
function chText(column: string, path: string): string {
  return `multiIf(JSONType(${column}, ${path}) = 'String', JSONExtractString(${column}, ${path}), JSONType(${column}, ${path}) IN ('Null', 'Null'), NULL, JSONHas(${column}, ${path}), JSONExtractRaw(${column}, ${path}), NULL)`;
}
