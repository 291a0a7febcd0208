-- ID Merge Lab: simplified identity resolution in postgres SQL (idmerge sql).
-- Reads analytics.events; creates analytics.idm_identity_mappings (distinct_id, resolved_distinct_id) and analytics.idm_resolved_events.
-- Options: link-order ingestion, device-prefix prefix-again, blocked-match exact.
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

-- S-1..S-4, Q-8, Q-11, LIM-1: each event’s own id and device key
CREATE TABLE analytics.idm_idm_derived AS
SELECT ingestion_order, event, time, user_id AS user_key, device_key, derived_id,
  CASE
      WHEN derived_id IS NOT NULL AND derived_id IN ('00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}') THEN 'rejected'
      WHEN insert_id <> '' AND insert_id IN ('00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}') THEN 'rejected'
      WHEN derived_id IS NULL THEN 'non-attributable'
      ELSE 'event'
    END AS kind
FROM (
  SELECT ingestion_order, event, time, user_id, device_key, insert_id,
    CASE
      WHEN user_id IS NOT NULL THEN user_id
      WHEN device_key IS NOT NULL THEN device_key
      WHEN distinct_id = '' THEN NULL
      ELSE distinct_id
    END AS derived_id
  FROM (
    SELECT ingestion_order, event, time, distinct_id, user_id, insert_id, '$device:' || device_id AS device_key
    FROM (
      SELECT ingestion_order, event, time, distinct_id, NULLIF(user_id, '') AS user_id,
        NULLIF(device_id, '') AS device_id, NULLIF(insert_id, '') AS insert_id
      FROM analytics.events
    ) sent
  ) keyed
) derived;

-- S-6, S-8, Q-1: the first pair of a device key and a user id links them
CREATE TABLE analytics.idm_idm_links AS
SELECT device_key, user_key AS linked_user, ingestion_order AS link_order
FROM (
  SELECT device_key, user_key, ingestion_order,
    ROW_NUMBER() OVER (PARTITION BY device_key ORDER BY ingestion_order) AS pick
  FROM analytics.idm_idm_derived
  WHERE kind = 'event' AND event NOT IN ('$identify', '$create_alias', '$merge') AND user_key IS NOT NULL AND device_key IS NOT NULL
) pairs
WHERE pick = 1;

-- G-6: the identity mappings, one hop (distinct_id → resolved_distinct_id)
CREATE TABLE analytics.idm_identity_mappings AS
SELECT device_key AS distinct_id, linked_user AS resolved_distinct_id
FROM analytics.idm_idm_links
WHERE linked_user <> device_key;

-- S-12, S-9, G-7: every event resolved
CREATE TABLE analytics.idm_resolved_events AS
SELECT e.*, r.resolved_distinct_id, r.distinct_id_before_identity, r.identity_failure_reason
FROM analytics.events e
JOIN (
  SELECT d.ingestion_order,
    CASE WHEN d.kind = 'rejected' THEN NULL WHEN d.kind = 'non-attributable' THEN '' ELSE COALESCE(l.linked_user, d.derived_id) END AS resolved_distinct_id,
    CASE
      WHEN d.kind = 'event' AND d.event NOT IN ('$identify', '$create_alias', '$merge') AND d.user_key IS NOT NULL
      AND dl.linked_user IS NOT NULL AND dl.linked_user <> d.derived_id AND dl.linked_user <> d.device_key THEN d.device_key
      WHEN d.kind = 'event' AND l.linked_user IS NOT NULL AND l.linked_user <> d.derived_id THEN d.derived_id
    END AS distinct_id_before_identity,
    CASE WHEN d.kind = 'event' AND d.event NOT IN ('$identify', '$create_alias', '$merge') AND d.user_key IS NOT NULL
      AND dl.linked_user IS NOT NULL AND dl.linked_user <> d.derived_id AND dl.linked_user <> d.device_key THEN 'errAnonDistinctIdAssignedAlready' END AS identity_failure_reason
  FROM analytics.idm_idm_derived d
  LEFT JOIN analytics.idm_idm_links l ON l.device_key = d.derived_id
  LEFT JOIN analytics.idm_idm_links dl ON dl.device_key = d.device_key
) r ON r.ingestion_order = e.ingestion_order;
