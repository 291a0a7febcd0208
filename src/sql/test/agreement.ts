// The engine's answer in the SQL's shape, so a test can compare the two row by row.
import { resolve, type Mode, type ResolveOptions, type StreamRecord } from '../../engine/index.ts';
import { toEventRow, type EventRow } from '../eventsTable.ts';
import type { MappingRow, SqlResolvedRow } from '../run/warehouse.ts';
import { byDistinctId, failureColumns } from '../run/warehouse.ts';

export interface Answer {
  readonly resolved: SqlResolvedRow[];
  readonly mappings: MappingRow[];
}

/** The events table rows for a stream (profile updates take an ingestion order but no row). */
export function rowsOf(records: readonly StreamRecord[]): EventRow[] {
  return records.flatMap((record, index) => toEventRow(record, index) ?? []);
}

/** What `idmerge resolve` would write for each event, and `idmerge resolve --mappings`, sorted. */
export function engineAnswer(records: readonly StreamRecord[], mode: Mode, options: ResolveOptions): Answer {
  const resolution = resolve(records, mode, options);
  const view = resolution.final();
  const resolved: SqlResolvedRow[] = [];
  records.forEach((record, index) => {
    if (record.kind !== 'event') return;
    const outcome = view.outcome(index);
    const failure = outcome.failure?.official ? outcome.failure : undefined;
    const common = {
      ingestion_order: index,
      resolved_distinct_id: outcome.resolvedId,
      distinct_id_before_identity: outcome.distinctIdBeforeIdentity ?? null,
    };
    // G-7: the mode's failure columns (SQL names: the property names without `$`), the code first.
    const [codeColumn = '', descriptionColumn] = failureColumns(mode);
    resolved.push({
      ...common,
      [codeColumn]: failure?.code ?? null,
      ...(descriptionColumn === undefined ? {} : { [descriptionColumn]: failure?.description ?? null }),
    });
  });
  return { resolved, mappings: view.mappings().sort(byDistinctId) };
}
