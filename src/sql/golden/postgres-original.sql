-- ID Merge Lab: original identity resolution in postgres SQL (idmerge sql).
-- Reads analytics.events; creates analytics.idm_identity_mappings (distinct_id, resolved_distinct_id) and analytics.idm_resolved_events.
-- Options: cluster-limit 500, guid-check php, canonical larger-cluster, blocked-match exact.
-- The events table:
--   ingestion_order: the order Mixpanel received the events in (Q-1: "first" means this order; Legacy freezes ids in it, L-3); unique
--   event: the event name; `$identify`, `$create_alias`, `$merge` are identity events
--   time: event time in seconds since the epoch (read only by --link-order event-time)
--   distinct_id: properties.distinct_id as sent, as text; "" is kept (LIM-2), NULL when absent
--   device_id: properties.$device_id as text; "" counts as absent (Q-11)
--   user_id: properties.$user_id as text; "" counts as absent (Q-11)
--   insert_id: properties.$insert_id as text (a placeholder value rejects the event, LIM-1)
--   channel: "import" or "track": a `$merge` counts only through the import API (O-13)
--   properties: the whole properties object as JSON; Original and Legacy read `alias`, `$identified_id`, `$anon_id`, `$anon_distinct_id`, `$distinct_ids` from it
-- NOT EXPRESSED: Q-5 ties: when two merging clusters were first seen at the same event, the lab keeps the id the stream mentioned first; a profile update is not in the events table, so an id first mentioned by one can break such a tie differently

-- O-1, Q-7, Q-4, LIM-1: each event’s distinct_id and the ids its identity request names
CREATE TABLE analytics.idm_idm_derived AS
SELECT ingestion_order, event, channel, derived_id, anon_id, alias_id, merge_first, merge_second,
  CASE
      WHEN derived_id IS NOT NULL AND derived_id IN ('00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}') THEN 'rejected'
      WHEN insert_id <> '' AND insert_id IN ('00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}') THEN 'rejected'
      WHEN derived_id IS NULL THEN 'non-attributable'
      ELSE 'event'
    END AS kind
FROM (
  SELECT ingestion_order, event, channel, insert_id, anon_id, alias_id, merge_first, merge_second,
    CASE
      WHEN identified_id IS NOT NULL THEN identified_id
      WHEN distinct_id <> '' THEN distinct_id
      WHEN merge_first IS NOT NULL THEN merge_first
    END AS derived_id
  FROM (
    SELECT ingestion_order, event, channel, distinct_id, NULLIF(insert_id, '') AS insert_id,
      CASE WHEN event = '$identify' THEN COALESCE(NULLIF((properties::jsonb ->> '$identified_id'), ''), NULLIF(distinct_id, '')) END AS identified_id,
      CASE WHEN event = '$identify' THEN COALESCE(NULLIF((properties::jsonb ->> '$anon_id'), ''), NULLIF((properties::jsonb ->> '$anon_distinct_id'), '')) END AS anon_id,
      CASE WHEN event = '$create_alias' THEN NULLIF((properties::jsonb ->> 'alias'), '') END AS alias_id,
      CASE WHEN event = '$merge' AND (CASE WHEN jsonb_typeof(properties::jsonb -> '$distinct_ids') = 'array' THEN jsonb_array_length(properties::jsonb -> '$distinct_ids') END) = 2
        AND NULLIF((properties::jsonb -> '$distinct_ids' ->> 0), '') IS NOT NULL AND NULLIF((properties::jsonb -> '$distinct_ids' ->> 1), '') IS NOT NULL THEN NULLIF((properties::jsonb -> '$distinct_ids' ->> 0), '') END AS merge_first,
      CASE WHEN event = '$merge' AND (CASE WHEN jsonb_typeof(properties::jsonb -> '$distinct_ids') = 'array' THEN jsonb_array_length(properties::jsonb -> '$distinct_ids') END) = 2
        AND NULLIF((properties::jsonb -> '$distinct_ids' ->> 0), '') IS NOT NULL AND NULLIF((properties::jsonb -> '$distinct_ids' ->> 1), '') IS NOT NULL THEN NULLIF((properties::jsonb -> '$distinct_ids' ->> 1), '') END AS merge_second
    FROM analytics.events
  ) sent
) derived;

-- O-6, O-10, O-13: every identity request; O-7.1 errSameIDs and O-7.2/O-8 the GUID check need no state
CREATE TABLE analytics.idm_idm_attempts AS
SELECT ingestion_order, action, id_a, id_b,
  CASE
    WHEN action = 'identify' AND id_a = id_b THEN 'errSameIDs'
    WHEN action = 'identify' AND NOT (id_a ~ '^([$]device:)?[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*-[a-zA-Z0-9]*$') THEN 'errAnonDistinctIdNonGUIDForm'
    WHEN id_a = id_b THEN 'none'
  END AS settled
FROM (
  SELECT ingestion_order, 'identify' AS action, anon_id AS id_a, derived_id AS id_b
  FROM analytics.idm_idm_derived WHERE kind = 'event' AND event = '$identify' AND anon_id IS NOT NULL
  UNION ALL
  SELECT ingestion_order, 'alias' AS action, alias_id AS id_a, derived_id AS id_b
  FROM analytics.idm_idm_derived WHERE kind = 'event' AND event = '$create_alias' AND alias_id IS NOT NULL
  UNION ALL
  SELECT ingestion_order, 'merge' AS action, merge_first AS id_a, merge_second AS id_b
  FROM analytics.idm_idm_derived WHERE kind = 'event' AND event = '$merge' AND channel = 'import' AND merge_first IS NOT NULL
) requests;

-- the outcomes so far: the requests settled without state
CREATE TABLE analytics.idm_idm_outcomes AS
SELECT ingestion_order, CASE WHEN settled = 'none' THEN NULL ELSE settled END AS failure_reason,
  CAST(0 AS BIGINT) AS cluster_size
FROM analytics.idm_idm_attempts
WHERE settled IS NOT NULL;

-- O-2: every id a pending request names, alone in its cluster, ranked by when it was first seen (Q-5)
CREATE TABLE analytics.idm_idm_state AS
WITH mentions AS (
  SELECT derived_id AS id, ingestion_order * 3 AS mention,
    CASE WHEN kind = 'event' THEN ingestion_order END AS seen
  FROM analytics.idm_idm_derived WHERE derived_id IS NOT NULL
  UNION ALL
  SELECT id_a AS id, ingestion_order * 3 + 1 AS mention, ingestion_order AS seen FROM analytics.idm_idm_attempts
  UNION ALL
  SELECT id_b AS id, ingestion_order * 3 + 2 AS mention, ingestion_order AS seen FROM analytics.idm_idm_attempts
),
firsts AS (
  SELECT id, MIN(seen) AS first_seen, MIN(mention) AS first_mention FROM mentions GROUP BY id
),
pending_ids AS (
  SELECT DISTINCT id FROM (
    SELECT id_a AS id FROM analytics.idm_idm_attempts WHERE settled IS NULL
    UNION ALL
    SELECT id_b AS id FROM analytics.idm_idm_attempts WHERE settled IS NULL
  ) named
)
SELECT id, id AS canon, CAST(1 AS BIGINT) AS size, CAST(0 AS BIGINT) AS identified,
  CAST(ROW_NUMBER() OVER (ORDER BY first_seen, first_mention) AS BIGINT) AS cluster_rank, CAST(0 AS BIGINT) AS alias_used
FROM firsts
WHERE id IN (SELECT id FROM pending_ids);

-- O-7.3, O-11, O-15/Q-2, Q-5: one round settles the earliest pending identity event of each cluster
DO $idmerge$
BEGIN
  LOOP
    EXIT WHEN NOT EXISTS (SELECT 1 FROM analytics.idm_idm_attempts WHERE settled IS NULL AND ingestion_order NOT IN (SELECT ingestion_order FROM analytics.idm_idm_outcomes));
    -- this round’s work table
    EXECUTE $round$DROP TABLE IF EXISTS analytics.idm_idm_round$round$;
    -- the earliest pending request of each cluster it touches, judged on the clusters as they stand (O-7.3, O-11, O-15, Q-5)
    EXECUTE $round$CREATE TABLE analytics.idm_idm_round AS
WITH pending AS (
  SELECT p.ingestion_order AS ingestion_order, p.action AS action, p.id_a AS id_a, p.id_b AS id_b,
    sa.canon AS canon_a, sa.size AS size_a, sa.identified AS identified_a, sa.cluster_rank AS rank_a,
    sa.alias_used AS alias_used_a,
    sb.canon AS canon_b, sb.size AS size_b, sb.identified AS identified_b, sb.cluster_rank AS rank_b
  FROM analytics.idm_idm_attempts p
  JOIN analytics.idm_idm_state sa ON sa.id = p.id_a
  JOIN analytics.idm_idm_state sb ON sb.id = p.id_b
  WHERE p.settled IS NULL AND p.ingestion_order NOT IN (SELECT ingestion_order FROM analytics.idm_idm_outcomes)
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
      WHEN canon_a <> canon_b AND size_a + size_b > 500 THEN 'errManyIDs'
    END AS failure_reason,
    CASE WHEN canon_a = canon_b OR (size_a > size_b OR (size_a = size_b AND rank_a < rank_b)) THEN canon_a ELSE canon_b END AS winner
  FROM ready
)
SELECT judged.*,
  CASE WHEN canon_a = canon_b THEN size_a ELSE size_a + size_b END AS merged_size,
  CASE WHEN action = 'identify' OR identified_a = 1 OR identified_b = 1 THEN 1 ELSE 0 END AS merged_identified,
  CASE WHEN rank_a < rank_b THEN rank_a ELSE rank_b END AS merged_rank
FROM judged$round$;
    -- O-16: their outcomes
    EXECUTE $round$INSERT INTO analytics.idm_idm_outcomes (ingestion_order, failure_reason, cluster_size)
SELECT ingestion_order, failure_reason, size_a + size_b FROM analytics.idm_idm_round$round$;
    -- the next state’s work table
    EXECUTE $round$DROP TABLE IF EXISTS analytics.idm_idm_state_next$round$;
    -- O-2, O-14: merged clusters take the winner’s canonical id (Q-5); O-11: used alias values are marked
    EXECUTE $round$CREATE TABLE analytics.idm_idm_state_next AS
SELECT s.id AS id,
  COALESCE(m.winner, s.canon) AS canon,
  COALESCE(m.merged_size, s.size) AS size,
  COALESCE(m.merged_identified, s.identified) AS identified,
  COALESCE(m.merged_rank, s.cluster_rank) AS cluster_rank,
  CASE WHEN u.alias IS NOT NULL THEN 1 ELSE s.alias_used END AS alias_used
FROM analytics.idm_idm_state s
LEFT JOIN (
  SELECT canon_a AS canon, winner, merged_size, merged_identified, merged_rank
    FROM analytics.idm_idm_round WHERE failure_reason IS NULL
    UNION ALL
    SELECT canon_b AS canon, winner, merged_size, merged_identified, merged_rank
    FROM analytics.idm_idm_round WHERE failure_reason IS NULL AND canon_b <> canon_a
) m ON m.canon = s.canon
LEFT JOIN (
  SELECT id_a AS alias FROM analytics.idm_idm_round WHERE action = 'alias' AND failure_reason IS NULL
) u ON u.alias = s.id$round$;
    -- the new state replaces the old
    EXECUTE $round$DROP TABLE analytics.idm_idm_state$round$;
    -- the new state replaces the old
    EXECUTE $round$ALTER TABLE analytics.idm_idm_state_next RENAME TO idm_idm_state$round$;
  END LOOP;
END
$idmerge$;

-- G-6: the identity mappings, one hop to each cluster’s canonical id (O-2, O-3)
CREATE TABLE analytics.idm_identity_mappings AS
SELECT id AS distinct_id, canon AS resolved_distinct_id FROM analytics.idm_idm_state WHERE canon <> id;

-- O-5, O-16, G-7: every event resolved through the final clusters, failures described
CREATE TABLE analytics.idm_resolved_events AS
SELECT e.*, r.resolved_distinct_id, r.distinct_id_before_identity, r.failure_reason, r.failure_description
FROM analytics.events e
JOIN (
  SELECT d.ingestion_order AS ingestion_order,
    CASE WHEN d.kind = 'rejected' THEN NULL WHEN d.kind = 'non-attributable' THEN '' ELSE COALESCE(s.canon, d.derived_id) END AS resolved_distinct_id,
    CASE WHEN d.kind = 'event' AND s.canon <> d.derived_id THEN d.derived_id END AS distinct_id_before_identity,
    f.failure_reason AS failure_reason,
    CASE f.failure_reason
      WHEN 'errSameIDs' THEN 'Identified and anon ID are same in the identify request ' || f.id_a
      WHEN 'errAnonDistinctIdNonGUIDForm' THEN '$anon_distinct_id didn''t match expected GUID pattern: ' || f.id_a
      WHEN 'errAnonDistinctIdAssignedAlready' THEN '$anon_distinct_id already identified: ' || f.id_a
      WHEN 'errManyIDs' THEN 'too many distinctIDs mapped together, Cluster size: ' || CAST(f.cluster_size AS TEXT) || ' Max limit: 500'
      WHEN 'errAliasAlreadyExists' THEN 'alias already exists with the id ' || f.id_a
    END AS failure_description
  FROM analytics.idm_idm_derived d
  LEFT JOIN analytics.idm_idm_state s ON s.id = d.derived_id
  LEFT JOIN (
    SELECT o.ingestion_order AS ingestion_order, o.failure_reason AS failure_reason,
      o.cluster_size AS cluster_size, a.id_a AS id_a
    FROM analytics.idm_idm_outcomes o
    JOIN analytics.idm_idm_attempts a ON a.ingestion_order = o.ingestion_order
    WHERE o.failure_reason IS NOT NULL
  ) f ON f.ingestion_order = d.ingestion_order
) r ON r.ingestion_order = e.ingestion_order;
