// `idmerge resolve --engine duckdb`: the generated SQL run inside embedded DuckDB, printed exactly as `resolve` prints.
import {
  modeRules,
  type Failure,
  type Mode,
  type ResolveOptions,
  type ResolvedOutput,
} from '../engine/index.ts';
import { DuckDbWarehouse } from '../sql/run/duckdb.ts';
import { readMappingsInStreamOrder } from '../sql/mappingOrder.ts';
import {
  failureColumns,
  loadEvents,
  runResolution,
  type SqlResolvedRow,
  type Warehouse,
} from '../sql/run/warehouse.ts';
import { outputTables } from '../sql/names.ts';
import type { SqlOptions } from '../sql/types.ts';
import { eventRowBatches, ProblemReport } from './eventRows.ts';
import { LineWriter, type CliStreams } from './io.ts';
import type { RecordReader } from './readers.ts';

/** Loads the file into an in-memory DuckDB, runs the script, and writes events (or mappings) as `resolve` does. */
export async function resolveOnDuckDb(
  reader: RecordReader,
  mode: Mode,
  engine: ResolveOptions,
  streams: CliStreams,
  mappingsOnly: boolean,
): Promise<number> {
  const options: SqlOptions = { mode, dialect: 'duckdb', events: 'events', prefix: '', engine };
  const report = new ProblemReport(streams.stderr);
  const out = new LineWriter(streams.stdout);
  const warehouse = await DuckDbWarehouse.open();
  try {
    await loadEvents(warehouse, options.events, eventRowBatches(reader, report.add));
    await runResolution(warehouse, options);
    if (mappingsOnly) {
      for (const row of await readMappingsInStreamOrder(warehouse, options)) out.line(JSON.stringify(row));
    } else await writeEvents(reader, warehouse, options, out);
    await out.flush();
  } finally {
    await warehouse.close();
  }
  return report.finish(reader);
}

/** The second pass: each batch's rows are fetched by their ingestion-order range and rendered by the reader. */
async function writeEvents(
  reader: RecordReader,
  warehouse: Warehouse,
  options: SqlOptions,
  out: LineWriter,
): Promise<void> {
  const table = outputTables(options.prefix).resolvedEvents;
  let order = 0;
  for await (const batch of reader.batches()) {
    const first = order;
    order += batch.items.length;
    const rows = await warehouse.query(
      `SELECT ingestion_order, resolved_distinct_id, distinct_id_before_identity, ${failureColumns(options.mode).join(', ')}
FROM ${table} WHERE ingestion_order >= ${first} AND ingestion_order < ${order}`,
    );
    const byOrder = new Map(
      rows.map((row) => [Number(row['ingestion_order']), row as unknown as SqlResolvedRow]),
    );
    batch.items.forEach((item, i) => {
      const row = byOrder.get(first + i);
      out.line(reader.render(item, row === undefined ? PROFILE_OUTPUT : toOutput(row, options.mode)));
    });
    await out.flush();
    if (out.isClosed) return;
  }
}

/** Profile updates have no row; readers pass them through unchanged whatever the outcome says. */
const PROFILE_OUTPUT: ResolvedOutput = {
  resolved: null,
  resolvedId: null,
  distinctIdBeforeIdentity: undefined,
  failure: undefined,
};

/**
 * The SQL row as the readers' outcome. `resolved` (the engine's internal id number) means nothing outside the
 * engine and no reader reads it; the texts are what gets written.
 */
function toOutput(row: SqlResolvedRow, mode: Mode): ResolvedOutput {
  return {
    resolved: null,
    resolvedId: row.resolved_distinct_id,
    distinctIdBeforeIdentity: row.distinct_id_before_identity ?? undefined,
    failure: failureOf(row, mode),
  };
}

/** The SQL writes only the failures Mixpanel reports (official), as the CLI does. */
function failureOf(row: SqlResolvedRow, mode: Mode): Failure | undefined {
  const code = (row as unknown as Record<string, string | null | undefined>)[failureColumns(mode)[0]!];
  if (code === null || code === undefined) return undefined;
  return {
    code: code as Failure['code'],
    official: true,
    description: row.failure_description ?? '',
    rule: modeRules(mode).words.officialFailureRule,
  };
}
