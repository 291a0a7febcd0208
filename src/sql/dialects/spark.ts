// Spark SQL (4.1+ for recursive CTEs): checked by golden files and a SQL parser; not run here.
import { literal, plainCreateTableAs, substrStartsWith, type Dialect } from './dialect.ts';
import { jsonPathKey } from './duckdb.ts';

export const spark: Dialect = {
  name: 'spark',
  text: 'STRING',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  json: 'STRING',
  preamble: [],
  createTableAs: plainCreateTableAs,
  jsonText: (column, key) => `get_json_object(${column}, ${literal('$.' + jsonPathKey(key))})`,
  startsWith: substrStartsWith,
  jsonArrayLength: (column, key) =>
    `json_array_length(get_json_object(${column}, ${literal('$.' + jsonPathKey(key))}))`,
  jsonArrayText: (column, key, index) =>
    `get_json_object(${column}, ${literal(`$.${jsonPathKey(key)}[${index}]`)})`,
  limits: [],
};
