// Legacy ID management in SQL: an alias table (L-1, L-2) read at ingestion, so every event keeps the id its alias
// chain gave it when it arrived (L-3). Loops are refused like a second alias (DECISIONS.md "Legacy alias loops").
import type { Dialect } from '../dialects/index.ts';
import { outputTables, workTable } from '../names.ts';
import type { SqlOptions, Statement } from '../types.ts';
import { kindOf, resolvedColumn } from './common.ts';

/**
 * Rounds of loop refusal. An alias refused as a loop can be asked for again later; each round settles one more such
 * retry. More retries of the same alias than this are the one Legacy case the SQL does not express.
 */
export const LOOP_ROUNDS = 3;
/** Alias chains longer than this are not followed (the recursion must stop even if a loop survived). */
export const MAX_ALIAS_CHAIN = 100;

/** What the Legacy script does not reproduce (the lab follows any number of retries and any chain length). */
export const LEGACY_LIMITS: readonly string[] = [
  `an alias refused as a loop and asked for again more than ${LOOP_ROUNDS} times is not settled like the lab does`,
  `alias chains longer than ${MAX_ALIAS_CHAIN} are not followed to their end`,
];

export function legacyPlan(options: SqlOptions, dialect: Dialect): Statement[] {
  const t = (name: string) => workTable(options.prefix, name);
  const out = outputTables(options.prefix);
  const rounds = Array.from({ length: LOOP_ROUNDS }, (_, round) => ({
    comment: `L-2 and the loop decision, round ${round + 1}: the latest alias of each loop is refused`,
    sql: dialect.createTableAs(t(`refused_${round + 1}`), refusalRound(t, round)),
  }));
  return [
    {
      comment: 'O-1/L-1, LIM-1: each event’s distinct_id, and the alias a $create_alias asks for',
      sql: dialect.createTableAs(t('derived'), deriveSelect(options, dialect)),
    },
    {
      comment: 'L-2: every $create_alias that could make an alias (both ids present and different)',
      sql: dialect.createTableAs(
        t('alias_requests'),
        `SELECT ingestion_order, alias_id AS alias, derived_id AS target
FROM ${t('derived')}
WHERE kind = 'event' AND event = '$create_alias' AND alias_id IS NOT NULL AND alias_id <> derived_id`,
      ),
    },
    {
      comment: 'no refusals yet',
      sql: dialect.createTableAs(
        t('refused_0'),
        `SELECT ingestion_order FROM ${t('alias_requests')} WHERE 1 = 0`,
      ),
    },
    ...rounds,
    {
      comment: 'L-2: one target per alias, the first request that was not a loop',
      sql: dialect.createTableAs(t('aliases'), firstRequests(t, LOOP_ROUNDS)),
    },
    {
      comment: 'L-3: the id each event was stored under, following the aliases made before it',
      sql: dialect.createTableAs(t('frozen'), frozenSelect(t)),
    },
    {
      comment: 'G-6: the identity mappings, one hop to the end of each alias chain',
      sql: dialect.createTableAs(out.mappings, mappingsSelect(t)),
    },
    {
      comment: 'L-3, G-7: every event resolved',
      sql: dialect.createTableAs(out.resolvedEvents, resolvedSelect(options, dialect, t)),
    },
  ];
}

function deriveSelect(options: SqlOptions, dialect: Dialect): string {
  return `SELECT ingestion_order, event, derived_id, alias_id,
  ${kindOf('derived_id', 'insert_id', options.engine.blockedIdMatch)} AS kind
FROM (
  SELECT ingestion_order, event, NULLIF(distinct_id, '') AS derived_id, NULLIF(insert_id, '') AS insert_id,
    CASE WHEN event = '$create_alias' THEN NULLIF(${dialect.jsonText('properties', 'alias')}, '') END AS alias_id
  FROM ${options.events}
) sent`;
}

/** Per alias, its first request not yet refused. */
function firstRequests(t: (name: string) => string, round: number): string {
  return `SELECT alias, target, ingestion_order
FROM (
  SELECT alias, target, ingestion_order, ROW_NUMBER() OVER (PARTITION BY alias ORDER BY ingestion_order) AS pick
  FROM ${t('alias_requests')}
  WHERE ingestion_order NOT IN (SELECT ingestion_order FROM ${t(`refused_${round}`)})
) requests
WHERE pick = 1`;
}

/**
 * With each alias on its first unrefused request, a loop is a cycle of aliases; when its latest alias arrived, the
 * rest of the cycle was already there, so that one is refused (its alias may then take a later request).
 */
function refusalRound(t: (name: string) => string, round: number): string {
  return `WITH RECURSIVE edges AS (
  ${firstRequests(t, round).replace(/\n/g, '\n  ')}
),
walk AS (
  SELECT e.alias AS start_alias, e.target AS at_id, e.ingestion_order AS latest, 1 AS depth
  FROM edges e
  WHERE e.target IN (SELECT alias FROM edges)
  UNION ALL
  SELECT w.start_alias, e.target AS at_id,
    CASE WHEN e.ingestion_order > w.latest THEN e.ingestion_order ELSE w.latest END AS latest, w.depth + 1 AS depth
  FROM walk w
  JOIN edges e ON e.alias = w.at_id
  WHERE w.at_id <> w.start_alias AND w.depth < ${MAX_ALIAS_CHAIN}
)
SELECT ingestion_order
FROM (
  SELECT ingestion_order FROM ${t(`refused_${round}`)}
  UNION ALL
  SELECT DISTINCT latest AS ingestion_order FROM walk WHERE at_id = start_alias
) refused`;
}

/** L-3: follow the aliases made before the event, to the end of the chain. */
function frozenSelect(t: (name: string) => string): string {
  return `WITH RECURSIVE walk AS (
  SELECT d.ingestion_order, d.derived_id AS at_id, 0 AS depth
  FROM ${t('derived')} d
  WHERE d.kind = 'event' AND d.derived_id IN (SELECT alias FROM ${t('aliases')})
  UNION ALL
  SELECT w.ingestion_order, a.target AS at_id, w.depth + 1 AS depth
  FROM walk w
  JOIN ${t('aliases')} a ON a.alias = w.at_id
  WHERE a.ingestion_order < w.ingestion_order AND w.depth < ${MAX_ALIAS_CHAIN}
)
SELECT ingestion_order, at_id AS frozen_id
FROM (
  SELECT ingestion_order, at_id, ROW_NUMBER() OVER (PARTITION BY ingestion_order ORDER BY depth DESC) AS pick
  FROM walk
) chains
WHERE pick = 1`;
}

/** G-6: each alias to the id at the end of its chain, with every alias made (where new data sent as it goes). */
function mappingsSelect(t: (name: string) => string): string {
  return `WITH RECURSIVE walk AS (
  SELECT alias AS distinct_id, target AS at_id, 1 AS depth FROM ${t('aliases')}
  UNION ALL
  SELECT w.distinct_id, a.target AS at_id, w.depth + 1 AS depth
  FROM walk w
  JOIN ${t('aliases')} a ON a.alias = w.at_id
  WHERE w.depth < ${MAX_ALIAS_CHAIN}
)
SELECT distinct_id, at_id AS resolved_distinct_id
FROM (
  SELECT distinct_id, at_id, ROW_NUMBER() OVER (PARTITION BY distinct_id ORDER BY depth DESC) AS pick
  FROM walk
) chains
WHERE pick = 1 AND at_id <> distinct_id`;
}

/** Legacy failures are the lab's own (Mixpanel reports no code), so the CLI writes none: the columns stay NULL. */
function resolvedSelect(options: SqlOptions, dialect: Dialect, t: (name: string) => string): string {
  const resolved = resolvedColumn('d.kind', 'COALESCE(f.frozen_id, d.derived_id)');
  return `SELECT e.*, r.resolved_distinct_id, r.distinct_id_before_identity,
  CAST(NULL AS ${dialect.text}) AS failure_reason, CAST(NULL AS ${dialect.text}) AS failure_description
FROM ${options.events} e
JOIN (
  SELECT d.ingestion_order,
    ${resolved} AS resolved_distinct_id,
    CASE WHEN d.kind = 'event' AND f.frozen_id <> d.derived_id THEN d.derived_id END AS distinct_id_before_identity
  FROM ${t('derived')} d
  LEFT JOIN ${t('frozen')} f ON f.ingestion_order = d.ingestion_order
) r ON r.ingestion_order = e.ingestion_order`;
}
