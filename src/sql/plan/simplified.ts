// Simplified ID Merge in plain SQL: derive each event's id (S-2, S-3), keep the first device→user pair (S-6, Q-1),
// resolve one hop through it (S-12), and flag the refused pairs (S-9).
import type { Dialect } from '../dialects/index.ts';
import { workTable, outputTables } from '../names.ts';
import type { SqlOptions, Statement } from '../types.ts';
import { IDENTITY_EVENTS_SQL, kindOf, resolvedColumn } from './common.ts';

export function simplifiedPlan(options: SqlOptions, dialect: Dialect): Statement[] {
  const derived = workTable(options.prefix, 'derived');
  const links = workTable(options.prefix, 'links');
  const out = outputTables(options.prefix);
  return [
    {
      comment: 'S-1..S-4, Q-8, Q-11, LIM-1: each event’s own id and device key',
      sql: dialect.createTableAs(derived, deriveSelect(options, dialect)),
    },
    {
      comment: 'S-6, S-8, Q-1: the first pair of a device key and a user id links them',
      sql: dialect.createTableAs(links, linkSelect(options, derived)),
    },
    {
      comment: 'G-6: the identity mappings, one hop (distinct_id → resolved_distinct_id)',
      sql: dialect.createTableAs(
        out.mappings,
        `SELECT device_key AS distinct_id, linked_user AS resolved_distinct_id
FROM ${links}
WHERE linked_user <> device_key`,
      ),
    },
    {
      comment: 'S-12, S-9, G-7: every event resolved',
      sql: dialect.createTableAs(out.resolvedEvents, resolvedSelect(options, derived, links)),
    },
  ];
}

/** S-2: `$user_id`, else `$device:` + `$device_id`, else (S-3) the sent distinct_id; '' counts as absent. */
function deriveSelect(options: SqlOptions, dialect: Dialect): string {
  const { engine } = options;
  // by default a `$device_id` that already starts with `$device:` is prefixed again, as documented (S-4).
  const deviceKey =
    engine.devicePrefix === 'strip'
      ? `CASE WHEN ${dialect.startsWith('device_id', '$device:')} THEN device_id ELSE '$device:' || device_id END`
      : `'$device:' || device_id`;
  return `SELECT ingestion_order, event, time, user_id AS user_key, device_key, derived_id,
  ${kindOf('derived_id', 'insert_id', engine.blockedIdMatch)} AS kind
FROM (
  SELECT ingestion_order, event, time, user_id, device_key, insert_id,
    CASE
      WHEN user_id IS NOT NULL THEN user_id
      WHEN device_key IS NOT NULL THEN device_key
      WHEN distinct_id = '' THEN NULL
      ELSE distinct_id
    END AS derived_id
  FROM (
    SELECT ingestion_order, event, time, distinct_id, user_id, insert_id, ${deviceKey} AS device_key
    FROM (
      SELECT ingestion_order, event, time, distinct_id, NULLIF(user_id, '') AS user_id,
        NULLIF(device_id, '') AS device_id, NULLIF(insert_id, '') AS insert_id
      FROM ${options.events}
    ) sent
  ) keyed
) derived`;
}

/** S-6 / Q-1: per device key, the first pair in ingestion order, or by event time (no time last, ties by order). */
function linkSelect(options: SqlOptions, derived: string): string {
  const order =
    options.engine.linkOrder === 'event-time'
      ? 'CASE WHEN time IS NULL THEN 1 ELSE 0 END, time, ingestion_order'
      : 'ingestion_order';
  return `SELECT device_key, user_key AS linked_user, ingestion_order AS link_order
FROM (
  SELECT device_key, user_key, ingestion_order,
    ROW_NUMBER() OVER (PARTITION BY device_key ORDER BY ${order}) AS pick
  FROM ${derived}
  WHERE kind = 'event' AND event NOT IN ${IDENTITY_EVENTS_SQL} AND user_key IS NOT NULL AND device_key IS NOT NULL
) pairs
WHERE pick = 1`;
}

/**
 * S-12: an event resolves through the link of its own id (one hop). S-9: a pair whose device is linked to another
 * user is refused: `$identity_failure_reason`, and `$distinct_id_before_identity` holds the device key.
 */
function resolvedSelect(options: SqlOptions, derived: string, links: string): string {
  const refused = `d.kind = 'event' AND d.event NOT IN ${IDENTITY_EVENTS_SQL} AND d.user_key IS NOT NULL
      AND dl.linked_user IS NOT NULL AND dl.linked_user <> d.derived_id AND dl.linked_user <> d.device_key`;
  const resolved = resolvedColumn('d.kind', 'COALESCE(l.linked_user, d.derived_id)');
  return `SELECT e.*, r.resolved_distinct_id, r.distinct_id_before_identity, r.identity_failure_reason
FROM ${options.events} e
JOIN (
  SELECT d.ingestion_order,
    ${resolved} AS resolved_distinct_id,
    CASE
      WHEN ${refused} THEN d.device_key
      WHEN d.kind = 'event' AND l.linked_user IS NOT NULL AND l.linked_user <> d.derived_id THEN d.derived_id
    END AS distinct_id_before_identity,
    CASE WHEN ${refused} THEN 'errAnonDistinctIdAssignedAlready' END AS identity_failure_reason
  FROM ${derived} d
  LEFT JOIN ${links} l ON l.device_key = d.derived_id
  LEFT JOIN ${links} dl ON dl.device_key = d.device_key
) r ON r.ingestion_order = e.ingestion_order`;
}
