// The mappings in the order `idmerge resolve --mappings` prints them: by the first mention of each id in the stream.
import type { Mode } from '../engine/index.ts';
import { outputTables, workTable } from './names.ts';
import type { MappingRow, Warehouse } from './run/warehouse.ts';
import type { SqlOptions } from './types.ts';

/**
 * Where each id is first mentioned, as a rank: the ingestion order, then its place within the event, in the order
 * the engine reads an event's ids (Simplified: device key, user id, a lone distinct_id; Legacy: distinct_id, alias; Original: distinct_id, the
 * request's two ids).
 */
const MENTIONS: Record<Mode, (t: (name: string) => string) => string> = {
  simplified: (
    t,
  ) => `SELECT device_key AS id, ingestion_order * 3 AS mention FROM ${t('derived')} WHERE device_key IS NOT NULL
UNION ALL SELECT user_key AS id, ingestion_order * 3 + 1 AS mention FROM ${t('derived')} WHERE user_key IS NOT NULL
UNION ALL SELECT derived_id AS id, ingestion_order * 3 + 2 AS mention FROM ${t('derived')}
  WHERE user_key IS NULL AND device_key IS NULL AND derived_id IS NOT NULL`,
  legacy: (
    t,
  ) => `SELECT derived_id AS id, ingestion_order * 2 AS mention FROM ${t('derived')} WHERE derived_id IS NOT NULL
UNION ALL SELECT alias_id AS id, ingestion_order * 2 + 1 AS mention FROM ${t('derived')}
  WHERE kind = 'event' AND event = '$create_alias' AND alias_id IS NOT NULL`,
  // Original: the event's distinct_id, then the ids its identity request names (src/sql/plan/original.ts).
  original: (
    t,
  ) => `SELECT derived_id AS id, ingestion_order * 3 AS mention FROM ${t('derived')} WHERE derived_id IS NOT NULL
UNION ALL SELECT id_a AS id, ingestion_order * 3 + 1 AS mention FROM ${t('attempts')}
UNION ALL SELECT id_b AS id, ingestion_order * 3 + 2 AS mention FROM ${t('attempts')}`,
};

/** The mappings table in the engine's order (needs the script's working tables, so run before they are dropped). */
export async function readMappingsInStreamOrder(
  warehouse: Warehouse,
  options: SqlOptions,
): Promise<MappingRow[]> {
  const t = (name: string) => workTable(options.prefix, name);
  const rows = await warehouse.query(`SELECT m.distinct_id, m.resolved_distinct_id
FROM ${outputTables(options.prefix).mappings} m
JOIN (SELECT id, MIN(mention) AS first_mention FROM (${MENTIONS[options.mode](t)}) mentions GROUP BY id) f
  ON f.id = m.distinct_id
ORDER BY f.first_mention`);
  return rows as unknown as MappingRow[];
}
