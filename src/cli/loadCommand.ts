// `idmerge load FILE --duckdb PATH | --postgres URL | --clickhouse URL`: the events table there, and (unless
// --events-only) the identity mappings and resolved events made by the generated SQL.
import { loadEvents, runResolution, type Warehouse } from '../sql/run/warehouse.ts';
import { outputTables } from '../sql/names.ts';
import type { DialectName, SqlOptions } from '../sql/types.ts';
import { eventRowBatches, ProblemReport } from './eventRows.ts';
import { defineCommand, files } from './command.ts';
import { rereadableSource } from './io.ts';
import { ENGINE_FLAGS, ENGINE_FLAGS_HELP, UsageError } from './options.ts';
import { chooseFormat, readerFor } from './readers.ts';
import { sqlOptionsFrom } from './sqlCommand.ts';

export const LOAD_USAGE = `Usage: idmerge load [options] FILE (--duckdb PATH | --postgres URL | --clickhouse URL)

Reads FILE (any format idmerge resolve reads) into an events table in a database, then runs the script of
idmerge sql there, creating the identity mappings and the resolved events: ready to query.

Targets (exactly one):
  --duckdb PATH                       a DuckDB database file (created if missing)
  --postgres URL                      a PostgreSQL server, e.g. postgres://user@localhost:5432/db
  --clickhouse URL                    a ClickHouse server over HTTP, e.g. http://default@localhost:8123/default
                                      (the script needs ClickHouse 24.x or later for recursive CTEs)

Options:
  --events TABLE                      the events table to (re)create (default events)
  --out-prefix P                      prefix for the tables the script creates (default none)
  --events-only                       load the events table only; do not run the script
  --format FORMAT                     input format, as idmerge resolve (default auto)
${ENGINE_FLAGS_HELP}
  -h, --help                          show this help`;

const FLAGS = {
  ...ENGINE_FLAGS,
  duckdb: { type: 'string' },
  postgres: { type: 'string' },
  clickhouse: { type: 'string' },
  events: { type: 'string', default: 'events' },
  'out-prefix': { type: 'string', default: '' },
  'events-only': { type: 'boolean', default: false },
  format: { type: 'string', default: 'auto' },
} as const;

export const runLoad = defineCommand({
  usage: LOAD_USAGE,
  flags: FLAGS,
  checks: [files.exactlyOne()],
  async run({ values, positionals }, streams) {
    const target = targetOf(values);
    const options = sqlOptionsFrom({ ...values, dialect: target.dialect });
    const source = await rereadableSource(positionals[0], streams.stdin);
    const warehouse = await target.open();
    try {
      const reader = readerFor(
        source.path,
        await chooseFormat(source.path, source.name, values.format),
        options.mode,
        source.name,
      );
      const report = new ProblemReport(streams.stderr);
      const count = await loadEvents(warehouse, options.events, eventRowBatches(reader, report.add));
      streams.stdout.write(`${count} events loaded into ${options.events} (${target.name})\n`);
      if (!values['events-only']) {
        const failed = await scriptFailure(warehouse, options, target);
        if (failed !== undefined) {
          streams.stderr.write(failed);
          return 1;
        }
        const out = outputTables(options.prefix);
        streams.stdout.write(
          `${options.mode} resolution written to ${out.mappings} and ${out.resolvedEvents}\n`,
        );
      }
      return report.finish();
    } finally {
      await warehouse.close();
      await source.release();
    }
  },
});

/**
 * Runs the script; a database that refuses it (an old server, a missing feature) gets its own words and what the
 * script needs, not a stack trace. The events table stays loaded.
 */
async function scriptFailure(
  warehouse: Warehouse,
  options: SqlOptions,
  target: Target,
): Promise<string | undefined> {
  try {
    await runResolution(warehouse, options);
    return undefined;
  } catch (error) {
    const said = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return `idmerge load: ${target.name} refused the ${options.mode} script: ${said}\n  ${options.events} is loaded; the script needs ${target.needs}.\n`;
  }
}

interface Target {
  readonly name: string;
  /** What the generated script needs of this database. */
  readonly needs: string;
  readonly dialect: DialectName;
  open(): Promise<Warehouse>;
}

/** The one database named; each driver is imported only when it is used (DuckDB and chdb are native modules). */
function targetOf(values: { duckdb?: string; postgres?: string; clickhouse?: string }): Target {
  const given = (['duckdb', 'postgres', 'clickhouse'] as const).filter((name) => values[name] !== undefined);
  if (given.length !== 1)
    throw new UsageError('give exactly one of --duckdb PATH, --postgres URL, --clickhouse URL');
  const { duckdb, postgres, clickhouse } = values;
  if (duckdb !== undefined)
    return {
      name: `DuckDB ${duckdb}`,
      needs: 'DuckDB 1.1 or later',
      dialect: 'duckdb',
      open: async () => (await import('../sql/run/duckdb.ts')).DuckDbWarehouse.open(duckdb),
    };
  if (postgres !== undefined)
    return {
      name: 'PostgreSQL',
      needs: 'PostgreSQL 15 or later',
      dialect: 'postgres',
      open: async () => (await import('../sql/run/postgres.ts')).PostgresWarehouse.connect(postgres),
    };
  return {
    name: 'ClickHouse',
    needs: 'ClickHouse 24.x or later (recursive CTEs, window functions)',
    dialect: 'clickhouse',
    open: async () =>
      (await import('../sql/run/clickhouseServer.ts')).ClickHouseServerWarehouse.connect(clickhouse ?? ''),
  };
}
