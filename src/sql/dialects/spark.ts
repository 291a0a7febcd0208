// Spark SQL (4.1+ for recursive CTEs): checked by golden files and a SQL parser; not run here.
import { blockLines, literal, plainCreateTableAs, substrStartsWith, type Dialect } from './dialect.ts';
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
  regexMatch: (value, pattern, caseInsensitive) =>
    `${value} RLIKE ${literal((caseInsensitive ? '(?i)' : '') + pattern)}`,
  renameTable: (from, to) => `ALTER TABLE ${from} RENAME TO ${to}`,
  // Spark 4 SQL scripting (spark.sql.scripting.enabled): a compound statement with WHILE.
  loop: (block) => ({
    comment: block.comment,
    sql: `BEGIN
  WHILE EXISTS (SELECT 1 ${block.pending.replace(/\n/g, ' ')}) DO
${blockLines(block.body, '    ')}
  END WHILE;
END`,
  }),
  limits: [],
};
