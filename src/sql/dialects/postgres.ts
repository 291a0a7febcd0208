// PostgreSQL (15+): run on a real server in the tests.
import { literal, plainCreateTableAs, substrStartsWith, type Dialect } from './dialect.ts';

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
  limits: [],
};
