// Snowflake: checked by golden files and a SQL parser; not run here.
import { literal, plainCreateTableAs, substrStartsWith, type Dialect } from './dialect.ts';

export const snowflake: Dialect = {
  name: 'snowflake',
  text: 'VARCHAR',
  bigint: 'NUMBER(19,0)',
  double: 'DOUBLE',
  json: 'VARCHAR',
  preamble: [],
  createTableAs: (name, select) =>
    plainCreateTableAs(name, select).replace(/^CREATE TABLE/, 'CREATE OR REPLACE TABLE'),
  jsonText: (column, key) => `GET(PARSE_JSON(${column}), ${literal(key)})::VARCHAR`,
  startsWith: substrStartsWith,
  jsonArrayLength: (column, key) => `ARRAY_SIZE(GET(PARSE_JSON(${column}), ${literal(key)}))`,
  jsonArrayText: (column, key, index) =>
    `GET(GET(PARSE_JSON(${column}), ${literal(key)}), ${index})::VARCHAR`,
  limits: [],
};
