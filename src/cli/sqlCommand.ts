// `idmerge sql`: prints the SQL script (or writes dbt models) that resolves an events table in a warehouse.
import { defineCommand, files } from './command.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MODES } from '../engine/index.ts';
import { dbtModels, type DbtFile } from '../sql/dbt.ts';
import { generateScript, unsupportedRules } from '../sql/generate.ts';
import { DIALECTS, type DialectName, type SqlOptions } from '../sql/types.ts';
import { EVENT_COLUMNS } from '../sql/eventsTable.ts';
import { ORIGINAL_LOOP_NOTE } from '../sql/plan/original.ts';
import { ENGINE_FLAGS, ENGINE_FLAGS_HELP, engineOptions, UsageError } from './options.ts';

export const SQL_USAGE = `Usage: idmerge sql --mode simplified|legacy|original --dialect DIALECT [options]

Prints a SQL script that reads an events table and creates PREFIXidentity_mappings (distinct_id,
resolved_distinct_id: Mixpanel's export shape, one hop) and PREFIXresolved_events (every event with
resolved_distinct_id, NULL when rejected, and the failure columns idmerge resolve writes). The script agrees
with idmerge resolve event by event; the tests prove it on DuckDB, PostgreSQL and ClickHouse.

Dialects: ${DIALECTS.join(', ')} (duckdb, postgres and clickhouse are run in the tests; bigquery, snowflake and
spark are checked by golden files and a SQL parser).

The events table (one row per event):
${EVENT_COLUMNS.map((c) => `  ${c.name.padEnd(16)}${c.doc}`).join('\n')}

Options:
  --dialect DIALECT                   the SQL dialect (required)
  --events TABLE                      the events table, optionally schema-qualified (default events)
  --out-prefix P                      prefix for every table created, e.g. analytics.idm_ (default none)
  --dbt                               write dbt models (a models/idmerge folder) instead of printing the script
  --dbt-dir DIR                       where --dbt writes (default models)
${ENGINE_FLAGS_HELP}
  -h, --help                          show this help

What SQL cannot express:
${MODES.flatMap((mode) => unsupportedRules(mode).map((rule) => `  ${mode}: ${rule}`)).join('\n') || '  nothing'}

How Original runs: ${ORIGINAL_LOOP_NOTE}.`;

const FLAGS = {
  ...ENGINE_FLAGS,
  dialect: { type: 'string' },
  events: { type: 'string', default: 'events' },
  'out-prefix': { type: 'string', default: '' },
  dbt: { type: 'boolean', default: false },
  'dbt-dir': { type: 'string', default: 'models' },
} as const;

export const runSql = defineCommand({
  usage: SQL_USAGE,
  flags: FLAGS,
  checks: [files.none('sql')],
  async run({ values }, streams) {
    const options = sqlOptionsFrom(values);
    if (!values.dbt) {
      streams.stdout.write(generateScript(options));
      return 0;
    }
    for (const file of dbtModelsOrUsage(options)) {
      const path = join(values['dbt-dir'], file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text);
      streams.stdout.write(`${path}\n`);
    }
    return 0;
  },
});

/** dbt's one-SELECT models cannot hold Original's loop: say so as a usage error, not a crash. */
function dbtModelsOrUsage(options: SqlOptions): DbtFile[] {
  try {
    return dbtModels(options);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** The flags shared by sql, load and resolve --engine: mode, dialect, tables and engine options. */
export function sqlOptionsFrom(values: {
  readonly dialect?: string | undefined;
  readonly events?: string | undefined;
  readonly 'out-prefix'?: string | undefined;
  readonly [flag: string]: unknown;
}): SqlOptions {
  const dialect = values.dialect;
  if (dialect === undefined) throw new UsageError(`--dialect is required: one of ${DIALECTS.join(', ')}`);
  if (!DIALECTS.includes(dialect as DialectName))
    throw new UsageError(`--dialect must be one of ${DIALECTS.join(', ')}; got "${dialect}"`);
  const { mode, options } = engineOptions(values as Parameters<typeof engineOptions>[0]);
  return checked({
    mode,
    dialect: dialect as DialectName,
    events: values.events ?? 'events',
    prefix: values['out-prefix'] ?? '',
    engine: options,
  });
}

function checked(options: SqlOptions): SqlOptions {
  try {
    generateScript(options);
    return options;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
