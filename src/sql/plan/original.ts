// Original ID Merge in SQL: what is set-based stays set-based (Q-7 attribution, LIM-1, O-7.1 errSameIDs, O-7.2/O-8
// the GUID check, O-13 the channel), and the rules that depend on the state earlier identity events built (O-7.3,
// O-11, O-15/Q-2, Q-5) run in ordered rounds over the identity events only.
//
// A round settles, at once, every pending identity event that is the earliest pending one touching each of its two
// current clusters. Such events share no cluster, and every event before them that is still pending touches other
// clusters, whose outcome cannot change these clusters' sizes, "identified" marks, ranks or alias values: so settling
// them together gives exactly the result of settling every identity event one by one in ingestion order. The
// earliest pending event is always settled, so the rounds end; their number is the longest chain of identity events
// that wait on one another (a few per user in real data), not the number of identity events.
import {
  manyIdsFailure,
  mixpanelFailure,
  type MixpanelFailureCode,
  type ResolveOptions,
} from '../../engine/index.ts';
import { literal, type Dialect } from '../dialects/index.ts';
import { outputTables, workTable } from '../names.ts';
import type { RepeatedBlock, ScriptStep, SqlOptions, Statement } from '../types.ts';
import { kindOf, resolvedColumn } from './common.ts';

/** O-8 / Q-3, as the engine's checks in src/engine/ids.ts; `[$]` instead of `\$`, so no dialect's escaping bites. */
export const GUID_PATTERN = {
  php: '^([$]device:)?[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*$',
  'strict-v4': '^([$]device:)?[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
} as const;

/**
 * What the generated Original script does not reproduce. Every O-rule is expressed; these are the edges left.
 */
export const ORIGINAL_LIMITS: readonly string[] = [
  'Q-5 ties: when two merging clusters were first seen at the same event, the lab keeps the id the stream mentioned first; a profile update is not in the events table, so an id first mentioned by one can break such a tie differently',
];

/** How the ordered rounds run per dialect: said in --help and docs/warehouse.md. */
export const ORIGINAL_LOOP_NOTE =
  'Original runs its identity events in ordered rounds: PostgreSQL in a PL/pgSQL DO block, BigQuery and Snowflake in a scripting LOOP, Spark in a SQL-scripting WHILE (Spark 4); DuckDB and ClickHouse have no loop statement, so their scripts mark a block the driver repeats until nothing is pending (idmerge resolve --engine duckdb and idmerge load do it; by hand, re-run the block)';

type Names = (name: string) => string;

/**
 * The Original script: set-based derivation and checks, the state of every id a pending request names, the ordered
 * rounds (one looping statement where the dialect has one, else a block the driver repeats), then the outputs.
 */
export function originalPlan(options: SqlOptions, dialect: Dialect): ScriptStep[] {
  const t: Names = (name) => workTable(options.prefix, name);
  const out = outputTables(options.prefix);
  const round: RepeatedBlock = {
    comment:
      'O-7.3, O-11, O-15/Q-2, Q-5: one round settles the earliest pending identity event of each cluster',
    body: roundStatements(options, dialect, t),
    pending: pendingRows(t),
  };
  return [
    {
      comment: 'O-1, Q-7, Q-4, LIM-1: each event’s distinct_id and the ids its identity request names',
      sql: dialect.createTableAs(t('derived'), deriveSelect(options, dialect)),
    },
    {
      comment:
        'O-6, O-10, O-13: every identity request; O-7.1 errSameIDs and O-7.2/O-8 the GUID check need no state',
      sql: dialect.createTableAs(t('attempts'), attemptsSelect(options, dialect, t)),
    },
    {
      comment: 'the outcomes so far: the requests settled without state',
      sql: dialect.createTableAs(t('outcomes'), settledSelect(dialect, t)),
    },
    {
      comment:
        'O-2: every id a pending request names, alone in its cluster, ranked by when it was first seen (Q-5)',
      sql: dialect.createTableAs(t('state'), initialStateSelect(dialect, t)),
    },
    ...(dialect.loop ? [dialect.loop(round)] : [round]),
    {
      comment: 'G-6: the identity mappings, one hop to each cluster’s canonical id (O-2, O-3)',
      sql: dialect.createTableAs(
        out.mappings,
        `SELECT id AS distinct_id, canon AS resolved_distinct_id FROM ${t('state')} WHERE canon <> id`,
      ),
    },
    {
      comment: 'O-5, O-16, G-7: every event resolved through the final clusters, failures described',
      sql: dialect.createTableAs(out.resolvedEvents, resolvedSelect(options, dialect, t)),
    },
  ];
}

/** `$identified_id` else distinct_id; `$anon_id` else `$anon_distinct_id`; '' is absent. O-13: two ids. */
function deriveSelect(options: SqlOptions, dialect: Dialect): string {
  const json = (key: string) => `NULLIF(${dialect.jsonText('properties', key)}, '')`;
  const element = (index: number) =>
    `NULLIF(${dialect.jsonArrayText('properties', '$distinct_ids', index)}, '')`;
  return `SELECT ingestion_order, event, channel, derived_id, anon_id, alias_id, merge_first, merge_second,
  ${kindOf('derived_id', 'insert_id', options.engine.blockedIdMatch)} AS kind
FROM (
  SELECT ingestion_order, event, channel, insert_id, anon_id, alias_id, merge_first, merge_second,
    CASE
      WHEN identified_id IS NOT NULL THEN identified_id
      WHEN distinct_id <> '' THEN distinct_id
      WHEN merge_first IS NOT NULL THEN merge_first
    END AS derived_id
  FROM (
    SELECT ingestion_order, event, channel, distinct_id, NULLIF(insert_id, '') AS insert_id,
      CASE WHEN event = '$identify' THEN COALESCE(${json('$identified_id')}, NULLIF(distinct_id, '')) END AS identified_id,
      CASE WHEN event = '$identify' THEN COALESCE(${json('$anon_id')}, ${json('$anon_distinct_id')}) END AS anon_id,
      CASE WHEN event = '$create_alias' THEN ${json('alias')} END AS alias_id,
      CASE WHEN event = '$merge' AND ${dialect.jsonArrayLength('properties', '$distinct_ids')} = 2
        AND ${element(0)} IS NOT NULL AND ${element(1)} IS NOT NULL THEN ${element(0)} END AS merge_first,
      CASE WHEN event = '$merge' AND ${dialect.jsonArrayLength('properties', '$distinct_ids')} = 2
        AND ${element(0)} IS NOT NULL AND ${element(1)} IS NOT NULL THEN ${element(1)} END AS merge_second
    FROM ${options.events}
  ) sent
) derived`;
}

/**
 * One row per identity request that reaches the merge checks: id_a is the id that joins (anon, alias, first of
 * `$merge`), id_b the one it joins (identified, distinct_id, second). `settled` holds the outcome decided without
 * state: a failure code, or 'none' for a request with nothing to link (Q-14, a `$merge` of one id).
 */
function attemptsSelect(options: SqlOptions, dialect: Dialect, t: Names): string {
  const { guidCheck } = options.engine;
  const notGuid =
    guidCheck === 'off'
      ? '1 = 0'
      : `NOT ${dialect.regexMatch('id_a', GUID_PATTERN[guidCheck], guidCheck === 'strict-v4')}`;
  return `SELECT ingestion_order, action, id_a, id_b,
  CASE
    WHEN action = 'identify' AND id_a = id_b THEN 'errSameIDs'
    WHEN action = 'identify' AND ${notGuid} THEN 'errAnonDistinctIdNonGUIDForm'
    WHEN id_a = id_b THEN 'none'
  END AS settled
FROM (
  SELECT ingestion_order, 'identify' AS action, anon_id AS id_a, derived_id AS id_b
  FROM ${t('derived')} WHERE kind = 'event' AND event = '$identify' AND anon_id IS NOT NULL
  UNION ALL
  SELECT ingestion_order, 'alias' AS action, alias_id AS id_a, derived_id AS id_b
  FROM ${t('derived')} WHERE kind = 'event' AND event = '$create_alias' AND alias_id IS NOT NULL
  UNION ALL
  SELECT ingestion_order, 'merge' AS action, merge_first AS id_a, merge_second AS id_b
  FROM ${t('derived')} WHERE kind = 'event' AND event = '$merge' AND channel = 'import' AND merge_first IS NOT NULL
) requests`;
}

function settledSelect(dialect: Dialect, t: Names): string {
  return `SELECT ingestion_order, CASE WHEN settled = 'none' THEN NULL ELSE settled END AS failure_reason,
  CAST(0 AS ${dialect.bigint}) AS cluster_size
FROM ${t('attempts')}
WHERE settled IS NOT NULL`;
}

/** The requests no round has settled yet. */
function pendingRows(t: Names): string {
  return `FROM ${t('attempts')}
WHERE settled IS NULL AND ingestion_order NOT IN (SELECT ingestion_order FROM ${t('outcomes')})`;
}

/**
 * Q-5's "seen first": the earliest event that saw an id (an accepted event attributed to it, or an identity request
 * naming it), ties by the order the engine first met the ids (within an event: its distinct_id, then id_a, id_b).
 */
function initialStateSelect(dialect: Dialect, t: Names): string {
  const int = (value: string) => `CAST(${value} AS ${dialect.bigint})`;
  return `WITH mentions AS (
  SELECT derived_id AS id, ingestion_order * 3 AS mention,
    CASE WHEN kind = 'event' THEN ingestion_order END AS seen
  FROM ${t('derived')} WHERE derived_id IS NOT NULL
  UNION ALL
  SELECT id_a AS id, ingestion_order * 3 + 1 AS mention, ingestion_order AS seen FROM ${t('attempts')}
  UNION ALL
  SELECT id_b AS id, ingestion_order * 3 + 2 AS mention, ingestion_order AS seen FROM ${t('attempts')}
),
firsts AS (
  SELECT id, MIN(seen) AS first_seen, MIN(mention) AS first_mention FROM mentions GROUP BY id
),
pending_ids AS (
  SELECT DISTINCT id FROM (
    SELECT id_a AS id FROM ${t('attempts')} WHERE settled IS NULL
    UNION ALL
    SELECT id_b AS id FROM ${t('attempts')} WHERE settled IS NULL
  ) named
)
SELECT id, id AS canon, ${int('1')} AS size, ${int('0')} AS identified,
  ${int('ROW_NUMBER() OVER (ORDER BY first_seen, first_mention)')} AS cluster_rank, ${int('0')} AS alias_used
FROM firsts
WHERE id IN (SELECT id FROM pending_ids)`;
}

function roundStatements(options: SqlOptions, dialect: Dialect, t: Names): Statement[] {
  return [
    { comment: 'this round’s work table', sql: `DROP TABLE IF EXISTS ${t('round')}` },
    {
      comment:
        'the earliest pending request of each cluster it touches, judged on the clusters as they stand (O-7.3, O-11, O-15, Q-5)',
      sql: dialect.createTableAs(t('round'), roundSelect(options, dialect, t)),
    },
    {
      comment: 'O-16: their outcomes',
      sql: `INSERT INTO ${t('outcomes')} (ingestion_order, failure_reason, cluster_size)
SELECT ingestion_order, failure_reason, size_a + size_b FROM ${t('round')}`,
    },
    { comment: 'the next state’s work table', sql: `DROP TABLE IF EXISTS ${t('state_next')}` },
    {
      comment:
        'O-2, O-14: merged clusters take the winner’s canonical id (Q-5); O-11: used alias values are marked',
      sql: dialect.createTableAs(t('state_next'), nextStateSelect(t)),
    },
    { comment: 'the new state replaces the old', sql: `DROP TABLE ${t('state')}` },
    { comment: 'the new state replaces the old', sql: dialect.renameTable(t('state_next'), t('state')) },
  ];
}

/** does cluster a keep its canonical id when it merges with b? As the engine's strategies in canonical.ts. */
function aWins(options: SqlOptions, dialect: Dialect): string {
  const larger = '(size_a > size_b OR (size_a = size_b AND rank_a < rank_b))';
  const anonymous = (canon: string) =>
    `(${dialect.startsWith(canon, '$device:')} OR ${dialect.regexMatch(canon, GUID_PATTERN.php, false)})`;
  const strategies: Record<ResolveOptions['canonical'], string> = {
    'larger-cluster': larger,
    'first-seen': 'rank_a < rank_b',
    'user-id-when-present': `CASE WHEN ${anonymous('canon_a')} = ${anonymous('canon_b')} THEN ${larger} ELSE NOT ${anonymous('canon_a')} END`,
  };
  return strategies[options.engine.canonical];
}

function roundSelect(options: SqlOptions, dialect: Dialect, t: Names): string {
  const limit = options.engine.clusterLimit;
  return `WITH pending AS (
  SELECT p.ingestion_order AS ingestion_order, p.action AS action, p.id_a AS id_a, p.id_b AS id_b,
    sa.canon AS canon_a, sa.size AS size_a, sa.identified AS identified_a, sa.cluster_rank AS rank_a,
    sa.alias_used AS alias_used_a,
    sb.canon AS canon_b, sb.size AS size_b, sb.identified AS identified_b, sb.cluster_rank AS rank_b
  FROM ${t('attempts')} p
  JOIN ${t('state')} sa ON sa.id = p.id_a
  JOIN ${t('state')} sb ON sb.id = p.id_b
  WHERE p.settled IS NULL AND p.ingestion_order NOT IN (SELECT ingestion_order FROM ${t('outcomes')})
),
earliest AS (
  SELECT canon, MIN(ingestion_order) AS first_order
  FROM (
    SELECT canon_a AS canon, ingestion_order FROM pending
    UNION ALL
    SELECT canon_b AS canon, ingestion_order FROM pending
  ) touching
  GROUP BY canon
),
ready AS (
  SELECT pending.*
  FROM pending
  JOIN earliest ea ON ea.canon = pending.canon_a
  JOIN earliest eb ON eb.canon = pending.canon_b
  WHERE ea.first_order = pending.ingestion_order AND eb.first_order = pending.ingestion_order
),
judged AS (
  SELECT ready.*,
    CASE
      WHEN action = 'identify' AND identified_a = 1 THEN 'errAnonDistinctIdAssignedAlready'
      WHEN action = 'alias' AND alias_used_a = 1 THEN 'errAliasAlreadyExists'
      WHEN canon_a <> canon_b AND size_a + size_b > ${limit} THEN 'errManyIDs'
    END AS failure_reason,
    CASE WHEN canon_a = canon_b OR ${aWins(options, dialect)} THEN canon_a ELSE canon_b END AS winner
  FROM ready
)
SELECT judged.*,
  CASE WHEN canon_a = canon_b THEN size_a ELSE size_a + size_b END AS merged_size,
  CASE WHEN action = 'identify' OR identified_a = 1 OR identified_b = 1 THEN 1 ELSE 0 END AS merged_identified,
  CASE WHEN rank_a < rank_b THEN rank_a ELSE rank_b END AS merged_rank
FROM judged`;
}

/** Each settled merge rewrites both clusters' rows; a successful `$create_alias` marks its alias value used. */
function nextStateSelect(t: Names): string {
  const merged = `SELECT canon_a AS canon, winner, merged_size, merged_identified, merged_rank
  FROM ${t('round')} WHERE failure_reason IS NULL
  UNION ALL
  SELECT canon_b AS canon, winner, merged_size, merged_identified, merged_rank
  FROM ${t('round')} WHERE failure_reason IS NULL AND canon_b <> canon_a`;
  return `SELECT s.id AS id,
  COALESCE(m.winner, s.canon) AS canon,
  COALESCE(m.merged_size, s.size) AS size,
  COALESCE(m.merged_identified, s.identified) AS identified,
  COALESCE(m.merged_rank, s.cluster_rank) AS cluster_rank,
  CASE WHEN u.alias IS NOT NULL THEN 1 ELSE s.alias_used END AS alias_used
FROM ${t('state')} s
LEFT JOIN (
  ${merged.replace(/\n/g, '\n  ')}
) m ON m.canon = s.canon
LEFT JOIN (
  SELECT id_a AS alias FROM ${t('round')} WHERE action = 'alias' AND failure_reason IS NULL
) u ON u.alias = s.id`;
}

/** The engine's `$failure_description` wordings (src/engine/failures.ts), with the value spliced in as SQL. */
function description(code: MixpanelFailureCode, value: string, size: string, limit: number): string {
  const marker = '\u0000';
  const text =
    code === 'errManyIDs'
      ? manyIdsFailure(0, limit).description.replace('0', marker)
      : mixpanelFailure(code, marker).description;
  const [before = '', after = ''] = text.split(marker);
  const spliced = code === 'errManyIDs' ? size : value;
  return [literal(before), spliced, ...(after === '' ? [] : [literal(after)])].join(' || ');
}

const FAILURE_CODES: readonly MixpanelFailureCode[] = [
  'errSameIDs',
  'errAnonDistinctIdNonGUIDForm',
  'errAnonDistinctIdAssignedAlready',
  'errManyIDs',
  'errAliasAlreadyExists',
];

function resolvedSelect(options: SqlOptions, dialect: Dialect, t: Names): string {
  const size = `CAST(f.cluster_size AS ${dialect.text})`;
  const describe = FAILURE_CODES.map(
    (code) => `WHEN ${literal(code)} THEN ${description(code, 'f.id_a', size, options.engine.clusterLimit)}`,
  ).join('\n      ');
  const resolved = resolvedColumn('d.kind', 'COALESCE(s.canon, d.derived_id)');
  return `SELECT e.*, r.resolved_distinct_id, r.distinct_id_before_identity, r.failure_reason, r.failure_description
FROM ${options.events} e
JOIN (
  SELECT d.ingestion_order AS ingestion_order,
    ${resolved} AS resolved_distinct_id,
    CASE WHEN d.kind = 'event' AND s.canon <> d.derived_id THEN d.derived_id END AS distinct_id_before_identity,
    f.failure_reason AS failure_reason,
    CASE f.failure_reason
      ${describe}
    END AS failure_description
  FROM ${t('derived')} d
  LEFT JOIN ${t('state')} s ON s.id = d.derived_id
  LEFT JOIN (
    SELECT o.ingestion_order AS ingestion_order, o.failure_reason AS failure_reason,
      o.cluster_size AS cluster_size, a.id_a AS id_a
    FROM ${t('outcomes')} o
    JOIN ${t('attempts')} a ON a.ingestion_order = o.ingestion_order
    WHERE o.failure_reason IS NOT NULL
  ) f ON f.ingestion_order = d.ingestion_order
) r ON r.ingestion_order = e.ingestion_order`;
}
