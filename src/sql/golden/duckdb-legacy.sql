-- ID Merge Lab: legacy identity resolution in duckdb SQL (idmerge sql).
-- Reads analytics.events; creates analytics.idm_identity_mappings (distinct_id, resolved_distinct_id) and analytics.idm_resolved_events.
-- Options: blocked-match exact.
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
-- NOT EXPRESSED: an alias refused as a loop and asked for again more than 3 times is not settled like the lab does
-- NOT EXPRESSED: alias chains longer than 100 are not followed to their end

-- O-1/L-1, LIM-1: each event’s distinct_id, and the alias a $create_alias asks for
CREATE TABLE analytics.idm_idm_derived AS
SELECT ingestion_order, event, derived_id, alias_id,
  CASE
      WHEN derived_id IS NOT NULL AND derived_id IN ('00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}') THEN 'rejected'
      WHEN insert_id <> '' AND insert_id IN ('00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}') THEN 'rejected'
      WHEN derived_id IS NULL THEN 'non-attributable'
      ELSE 'event'
    END AS kind
FROM (
  SELECT ingestion_order, event, NULLIF(distinct_id, '') AS derived_id, NULLIF(insert_id, '') AS insert_id,
    CASE WHEN event = '$create_alias' THEN NULLIF(json_extract_string(properties, '$.alias'), '') END AS alias_id
  FROM analytics.events
) sent;

-- L-2: every $create_alias that could make an alias (both ids present and different)
CREATE TABLE analytics.idm_idm_alias_requests AS
SELECT ingestion_order, alias_id AS alias, derived_id AS target
FROM analytics.idm_idm_derived
WHERE kind = 'event' AND event = '$create_alias' AND alias_id IS NOT NULL AND alias_id <> derived_id;

-- no refusals yet
CREATE TABLE analytics.idm_idm_refused_0 AS
SELECT ingestion_order FROM analytics.idm_idm_alias_requests WHERE 1 = 0;

-- L-2 and the loop decision, round 1: the latest alias of each loop is refused
CREATE TABLE analytics.idm_idm_refused_1 AS
WITH RECURSIVE edges AS (
  SELECT alias, target, ingestion_order
  FROM (
    SELECT alias, target, ingestion_order, ROW_NUMBER() OVER (PARTITION BY alias ORDER BY ingestion_order) AS pick
    FROM analytics.idm_idm_alias_requests
    WHERE ingestion_order NOT IN (SELECT ingestion_order FROM analytics.idm_idm_refused_0)
  ) requests
  WHERE pick = 1
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
  WHERE w.at_id <> w.start_alias AND w.depth < 100
)
SELECT ingestion_order
FROM (
  SELECT ingestion_order FROM analytics.idm_idm_refused_0
  UNION ALL
  SELECT DISTINCT latest AS ingestion_order FROM walk WHERE at_id = start_alias
) refused;

-- L-2 and the loop decision, round 2: the latest alias of each loop is refused
CREATE TABLE analytics.idm_idm_refused_2 AS
WITH RECURSIVE edges AS (
  SELECT alias, target, ingestion_order
  FROM (
    SELECT alias, target, ingestion_order, ROW_NUMBER() OVER (PARTITION BY alias ORDER BY ingestion_order) AS pick
    FROM analytics.idm_idm_alias_requests
    WHERE ingestion_order NOT IN (SELECT ingestion_order FROM analytics.idm_idm_refused_1)
  ) requests
  WHERE pick = 1
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
  WHERE w.at_id <> w.start_alias AND w.depth < 100
)
SELECT ingestion_order
FROM (
  SELECT ingestion_order FROM analytics.idm_idm_refused_1
  UNION ALL
  SELECT DISTINCT latest AS ingestion_order FROM walk WHERE at_id = start_alias
) refused;

-- L-2 and the loop decision, round 3: the latest alias of each loop is refused
CREATE TABLE analytics.idm_idm_refused_3 AS
WITH RECURSIVE edges AS (
  SELECT alias, target, ingestion_order
  FROM (
    SELECT alias, target, ingestion_order, ROW_NUMBER() OVER (PARTITION BY alias ORDER BY ingestion_order) AS pick
    FROM analytics.idm_idm_alias_requests
    WHERE ingestion_order NOT IN (SELECT ingestion_order FROM analytics.idm_idm_refused_2)
  ) requests
  WHERE pick = 1
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
  WHERE w.at_id <> w.start_alias AND w.depth < 100
)
SELECT ingestion_order
FROM (
  SELECT ingestion_order FROM analytics.idm_idm_refused_2
  UNION ALL
  SELECT DISTINCT latest AS ingestion_order FROM walk WHERE at_id = start_alias
) refused;

-- L-2: one target per alias, the first request that was not a loop
CREATE TABLE analytics.idm_idm_aliases AS
SELECT alias, target, ingestion_order
FROM (
  SELECT alias, target, ingestion_order, ROW_NUMBER() OVER (PARTITION BY alias ORDER BY ingestion_order) AS pick
  FROM analytics.idm_idm_alias_requests
  WHERE ingestion_order NOT IN (SELECT ingestion_order FROM analytics.idm_idm_refused_3)
) requests
WHERE pick = 1;

-- L-3: the id each event was stored under, following the aliases made before it
CREATE TABLE analytics.idm_idm_frozen AS
WITH RECURSIVE walk AS (
  SELECT d.ingestion_order, d.derived_id AS at_id, 0 AS depth
  FROM analytics.idm_idm_derived d
  WHERE d.kind = 'event' AND d.derived_id IN (SELECT alias FROM analytics.idm_idm_aliases)
  UNION ALL
  SELECT w.ingestion_order, a.target AS at_id, w.depth + 1 AS depth
  FROM walk w
  JOIN analytics.idm_idm_aliases a ON a.alias = w.at_id
  WHERE a.ingestion_order < w.ingestion_order AND w.depth < 100
)
SELECT ingestion_order, at_id AS frozen_id
FROM (
  SELECT ingestion_order, at_id, ROW_NUMBER() OVER (PARTITION BY ingestion_order ORDER BY depth DESC) AS pick
  FROM walk
) chains
WHERE pick = 1;

-- G-6: the identity mappings, one hop to the end of each alias chain
CREATE TABLE analytics.idm_identity_mappings AS
WITH RECURSIVE walk AS (
  SELECT alias AS distinct_id, target AS at_id, 1 AS depth FROM analytics.idm_idm_aliases
  UNION ALL
  SELECT w.distinct_id, a.target AS at_id, w.depth + 1 AS depth
  FROM walk w
  JOIN analytics.idm_idm_aliases a ON a.alias = w.at_id
  WHERE w.depth < 100
)
SELECT distinct_id, at_id AS resolved_distinct_id
FROM (
  SELECT distinct_id, at_id, ROW_NUMBER() OVER (PARTITION BY distinct_id ORDER BY depth DESC) AS pick
  FROM walk
) chains
WHERE pick = 1 AND at_id <> distinct_id;

-- L-3, G-7: every event resolved
CREATE TABLE analytics.idm_resolved_events AS
SELECT e.*, r.resolved_distinct_id, r.distinct_id_before_identity,
  CAST(NULL AS VARCHAR) AS failure_reason, CAST(NULL AS VARCHAR) AS failure_description
FROM analytics.events e
JOIN (
  SELECT d.ingestion_order,
    CASE WHEN d.kind = 'rejected' THEN NULL WHEN d.kind = 'non-attributable' THEN '' ELSE COALESCE(f.frozen_id, d.derived_id) END AS resolved_distinct_id,
    CASE WHEN d.kind = 'event' AND f.frozen_id <> d.derived_id THEN d.derived_id END AS distinct_id_before_identity
  FROM analytics.idm_idm_derived d
  LEFT JOIN analytics.idm_idm_frozen f ON f.ingestion_order = d.ingestion_order
) r ON r.ingestion_order = e.ingestion_order;
