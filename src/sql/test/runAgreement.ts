// Runs a stream through a warehouse and through the engine, for the agreement tests.
import { DEFAULT_OPTIONS, type Mode, type ResolveOptions, type StreamRecord } from '../../engine/index.ts';
import type { DialectName, SqlOptions } from '../types.ts';
import { loadEvents, readMappings, readResolved, runResolution, type Warehouse } from '../run/warehouse.ts';
import { engineAnswer, rowsOf, type Answer } from './agreement.ts';

export function sqlOptions(
  mode: Mode,
  dialect: DialectName,
  engine: Partial<ResolveOptions> = {},
): SqlOptions {
  return { mode, dialect, events: 'events', prefix: '', engine: { ...DEFAULT_OPTIONS, ...engine } };
}

/** The SQL's answer and the engine's, for one stream. */
export async function bothAnswers(
  warehouse: Warehouse,
  records: readonly StreamRecord[],
  options: SqlOptions,
): Promise<{ sql: Answer; engine: Answer }> {
  await loadEvents(warehouse, options.events, [rowsOf(records)]);
  await runResolution(warehouse, options);
  const sql = {
    resolved: await readResolved(warehouse, options),
    mappings: await readMappings(warehouse, options),
  };
  return { sql, engine: engineAnswer(records, options.mode, options.engine) };
}
