// G-6: telling a Mixpanel export (distinct_id already resolved) from raw import payloads, and undoing the resolution.
import { DEVICE_PREFIX, IDENTITY_EVENT_NAMES, toIdText, type MixpanelEvent } from '../engine/index.ts';

/** What gave an exported event away. */
export type ExportSign = 'mp_processing_time_ms' | '$distinct_id_before_identity' | 'rewritten distinct_id';

/**
 * The first sign that `event` came out of Mixpanel rather than going in: the export-only
 * `mp_processing_time_ms`, the output-side `$distinct_id_before_identity` (G-7), or a distinct_id that no sender
 * would write: an anonymous event (a `$device_id`, no `$user_id`) whose distinct_id is neither the device id nor
 * its `$device:` key, which is what a merge leaves behind once the export shows the canonical id.
 */
export function exportSignOf(event: MixpanelEvent): ExportSign | undefined {
  const properties = event.properties;
  if ('mp_processing_time_ms' in properties) return 'mp_processing_time_ms';
  if ('$distinct_id_before_identity' in properties) return '$distinct_id_before_identity';
  return hasRewrittenDistinctId(event) ? 'rewritten distinct_id' : undefined;
}

function hasRewrittenDistinctId(event: MixpanelEvent): boolean {
  if (IDENTITY_EVENT_NAMES.has(event.event)) return false;
  const properties = event.properties;
  const deviceId = presentId(properties['$device_id']);
  const distinctId = presentId(properties['distinct_id']);
  if (deviceId === undefined || distinctId === undefined || presentId(properties['$user_id']) !== undefined)
    return false;
  return distinctId !== deviceId && distinctId !== DEVICE_PREFIX + deviceId;
}

function presentId(value: unknown): string | undefined {
  const text = toIdText(value);
  return text === '' ? undefined : text;
}

/** True when the event carries a raw id that Simplified derives identity from (S-1, S-2). */
export function hasRawIdentity(event: MixpanelEvent): boolean {
  return (
    presentId(event.properties['$device_id']) !== undefined ||
    presentId(event.properties['$user_id']) !== undefined
  );
}

/**
 * Drops `distinct_id` from an exported event that carries `$device_id` or `$user_id`, so that re-resolving it
 * starts from what the SDK sent. Why: an export's distinct_id is the canonical id at export time (G-5, G-6), the
 * answer rather than the question. Simplified already overrides distinct_id when either raw id is present (S-1),
 * so resolution is unchanged there; dropping it keeps the stale answer out of the table's "distinct_id sent"
 * column and out of checks such as S-5 (distinct_id should equal `$user_id`). Do not use it for an Original or
 * Legacy replay: those modes read only distinct_id (O-1), so the event would become non-attributable; there the
 * merges can be replayed only from the stream's `$identify` / `$create_alias` / `$merge` events.
 * Events without a raw id are returned unchanged, since distinct_id is all they have (S-3).
 */
export function rederiveIdentity(event: MixpanelEvent): MixpanelEvent {
  if (!hasRawIdentity(event) || !('distinct_id' in event.properties)) return event;
  const { distinct_id: _resolved, ...properties } = event.properties;
  return { ...event, properties };
}

/** The file-level note for G-6, naming the line and the sign that gave the export away. */
export function exportNoteMessage(line: number, sign: ExportSign): string {
  return (
    `this looks like a Mixpanel export (line ${line} has ${sign}): its distinct_id values are already resolved ` +
    '(G-6). Simplified re-derives identity from $device_id/$user_id; Original and Legacy read distinct_id, ' +
    'so there the merges show as already made.'
  );
}

/** 5.6's lint: an export with no raw ids cannot replay its merges at all. */
export const EXPORT_WITHOUT_RAW_IDS =
  'no event carries $device_id or $user_id: the exported distinct_ids are canonical, so the merges behind them ' +
  'cannot be replayed';
