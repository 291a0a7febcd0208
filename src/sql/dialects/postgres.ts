// PostgreSQL (15+): run on a real server in the tests.
import {
  alterRenameUnqualified,
  literal,
  plainCreateTableAs,
  substrStartsWith,
  type Dialect,
} from './dialect.ts';

export const postgres: Dialect = {
  name: 'postgres',
  text: 'TEXT',
  bigint: 'BIGINT',
  double: 'DOUBLE PRECISION',
  json: 'JSONB',
  preamble: [],
  createTableAs: plainCreateTableAs,
  jsonText: (column, key) => `(${column}::jsonb ->> ${literal(key)})`,
  startsWith: substrStartsWith,
  jsonArrayLength: (column, key) =>
    `(CASE WHEN jsonb_typeof(${column}::jsonb -> ${literal(key)}) = 'array' THEN jsonb_array_length(${column}::jsonb -> ${literal(key)}) END)`,
  jsonArrayText: (column, key, index) => `(${column}::jsonb -> ${literal(key)} ->> ${index})`,
  regexMatch: (value, pattern, caseInsensitive) =>
    `(${value} ${caseInsensitive ? '~*' : '~'} ${literal(pattern)})`,
  renameTable: alterRenameUnqualified,
  // PL/pgSQL: an anonymous block loops; each statement goes through EXECUTE, so the tables a round drops and creates
  // are planned afresh every time.
  loop: (block) => ({
    comment: block.comment,
    sql: `DO $idmerge$
BEGIN
  LOOP
    EXIT WHEN NOT EXISTS (SELECT 1 ${block.pending.replace(/\n/g, ' ')});
${block.body.map((s) => `    -- ${s.comment}\n    EXECUTE $round$${s.sql}$round$;`).join('\n')}
  END LOOP;
END
$idmerge$`,
  }),
  limits: [],
};
