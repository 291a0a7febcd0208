// BigQuery (GoogleSQL): checked by golden files and a SQL parser; not run here.
import {
  alterRenameUnqualified,
  blockLines,
  literal,
  plainCreateTableAs,
  substrStartsWith,
  type Dialect,
} from './dialect.ts';
import { jsonPathKey } from './duckdb.ts';

export const bigquery: Dialect = {
  name: 'bigquery',
  text: 'STRING',
  bigint: 'INT64',
  double: 'FLOAT64',
  json: 'STRING',
  preamble: [],
  createTableAs: (name, select) =>
    plainCreateTableAs(name, select).replace(/^CREATE TABLE/, 'CREATE OR REPLACE TABLE'),
  jsonText: (column, key) => `JSON_VALUE(${column}, ${literal('$.' + jsonPathKey(key))})`,
  startsWith: substrStartsWith,
  jsonArrayLength: (column, key) =>
    `ARRAY_LENGTH(JSON_QUERY_ARRAY(${column}, ${literal('$.' + jsonPathKey(key))}))`,
  jsonArrayText: (column, key, index) =>
    `JSON_VALUE(${column}, ${literal(`$.${jsonPathKey(key)}[${index}]`)})`,
  regexMatch: (value, pattern, caseInsensitive) =>
    `REGEXP_CONTAINS(${value}, ${literal((caseInsensitive ? '(?i)' : '') + pattern)})`,
  renameTable: alterRenameUnqualified,
  // BigQuery scripting: LOOP … LEAVE.
  loop: (block) => ({
    comment: block.comment,
    sql: `LOOP
  IF NOT EXISTS (SELECT 1 ${block.pending.replace(/\n/g, ' ')}) THEN
    LEAVE;
  END IF;
${blockLines(block.body, '  ')}
END LOOP`,
  }),
  limits: [],
};
