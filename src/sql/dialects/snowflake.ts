// Snowflake: checked by golden files and a SQL parser; not run here.
import { blockLines, literal, plainCreateTableAs, substrStartsWith, type Dialect } from './dialect.ts';

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
  regexMatch: (value, pattern, caseInsensitive) =>
    `REGEXP_LIKE(${value}, ${literal(pattern)}${caseInsensitive ? ", 'i'" : ''})`,
  renameTable: (from, to) => `ALTER TABLE ${from} RENAME TO ${to}`,
  // Snowflake Scripting, as an anonymous block.
  loop: (block) => ({
    comment: block.comment,
    sql: `EXECUTE IMMEDIATE $$
DECLARE
  pending_rows INTEGER;
BEGIN
  LOOP
    SELECT COUNT(*) INTO :pending_rows ${block.pending.replace(/\n/g, ' ')};
    IF (pending_rows = 0) THEN
      BREAK;
    END IF;
${blockLines(block.body, '    ')}
  END LOOP;
END;
$$`,
  }),
  limits: [],
};
