// Reads the identity-relevant facts out of one Mixpanel event; everything else in the payload is ignored here.
import { toIdText, toPresentIdText } from './ids.ts';
import type { Channel, MixpanelEvent } from './types.ts';

/** The identity events (O-6, O-10, O-13); on Simplified they have no special meaning (S-8). */
export const IDENTITY_EVENT_NAMES: ReadonlySet<string> = new Set(['$identify', '$create_alias', '$merge']);

/** The parts of an event that identity resolution reads, with ids already in their compared text form. */
export interface EventFacts {
  readonly name: string;
  readonly channel: Channel;
  /** `$identify`, `$create_alias` or `$merge` (S-8, O-6, O-10, O-13). */
  readonly isIdentityEvent: boolean;
  /** distinct_id as sent; '' is kept, because it means "no user" (LIM-2). */
  readonly distinctId: string | undefined;
  /** `$device_id` / `$user_id`; an empty string counts as absent. */
  readonly deviceId: string | undefined;
  readonly userId: string | undefined;
  readonly insertId: string | undefined;
  /** Event time in seconds (milliseconds are detected and converted), if sent. */
  readonly time: number | undefined;
  /** `$identify`: `$identified_id`, else distinct_id. */
  readonly identifiedId: string | undefined;
  /** `$identify`: `$anon_id`, else `$anon_distinct_id`. */
  readonly anonId: string | undefined;
  /** `$create_alias`: the new id. */
  readonly alias: string | undefined;
  /** `$merge`: the two ids, or undefined when `$distinct_ids` is not a list of exactly two ids. */
  readonly mergeIds: readonly [string, string] | undefined;
}

/** Times above this are milliseconds: 1e11 seconds is the year 5138. */
const MILLISECOND_THRESHOLD = 1e11;

/** An event's `time` as a number in seconds (milliseconds are divided; numeric strings accepted), or undefined (Q-1 event-time order). */
export function readEventTime(value: unknown): number | undefined {
  const time = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof time !== 'number' || !Number.isFinite(time)) return undefined;
  return time > MILLISECOND_THRESHOLD ? time / 1000 : time;
}

/** Reads what identity resolution needs from one event: its name, channel, ids as compared text (S-2, O-1), identity-event fields. */
export function readEventFacts(event: MixpanelEvent): EventFacts {
  const p = event.properties;
  const name = event.event;
  const distinctId = toIdText(p['distinct_id']);
  return {
    name,
    channel: event.channel ?? 'import',
    isIdentityEvent: IDENTITY_EVENT_NAMES.has(name),
    distinctId,
    deviceId: toPresentIdText(p['$device_id']),
    userId: toPresentIdText(p['$user_id']),
    insertId: toPresentIdText(p['$insert_id']),
    time: readEventTime(p['time']),
    identifiedId:
      name === '$identify'
        ? (toPresentIdText(p['$identified_id']) ?? presentOrUndefined(distinctId))
        : undefined,
    anonId:
      name === '$identify'
        ? (toPresentIdText(p['$anon_id']) ?? toPresentIdText(p['$anon_distinct_id']))
        : undefined,
    alias: name === '$create_alias' ? toPresentIdText(p['alias']) : undefined,
    mergeIds: name === '$merge' ? readMergeIds(p['$distinct_ids']) : undefined,
  };
}

function presentOrUndefined(id: string | undefined): string | undefined {
  return id === '' ? undefined : id;
}

function readMergeIds(value: unknown): readonly [string, string] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const first = toPresentIdText(value[0]);
  const second = toPresentIdText(value[1]);
  return first === undefined || second === undefined ? undefined : [first, second];
}
