// Reads the identity-relevant facts out of one Mixpanel event; everything else in the payload is ignored here.
import { NOT_NUMBERED } from './idTable.ts';
import { toIdText, toPresentIdText } from './ids.ts';
import type { Channel, MixpanelEvent, RecordOrigin } from './types.ts';

/** The identity events (O-6, O-10, O-13); on Simplified they have no special meaning (S-8). */
export const IDENTITY_EVENT_NAMES: ReadonlySet<string> = new Set(['$identify', '$create_alias', '$merge']);

/**
 * A reader's own numbers of an event's most-read ids, when it numbers ids (a number always stands for the same
 * text, in every property and every event; two numbers may stand for one text): each the number of that property's string value, or NOT_NUMBERED. The engine
 * then finds those ids by number (IdTable.intern), not by hashing their texts again (issue #14).
 */
export interface IdNumbers {
  /** distinct_id's. */
  readonly distinctIdNumber: number;
  /** `$device_id`'s: the raw value's number (the engine makes the `$device:` key, S-4). */
  readonly deviceIdNumber: number;
  /** `$user_id`'s. */
  readonly userIdNumber: number;
}

/** An event whose reader numbered its ids: what `Resolver.ingestNumbered` takes. */
export interface NumberedEvent extends Omit<MixpanelEvent, 'channel'>, IdNumbers {
  /** As MixpanelEvent's; undefined is absent, so a reused object can say it. */
  readonly channel?: Channel | undefined;
  /** What its producer knows of it (a stream record's `origin`), if anything. */
  readonly origin?: RecordOrigin | undefined;
}

/** Numbers of an event whose reader numbers nothing. */
export const UNNUMBERED: IdNumbers = Object.freeze({
  distinctIdNumber: NOT_NUMBERED,
  deviceIdNumber: NOT_NUMBERED,
  userIdNumber: NOT_NUMBERED,
});

/** The parts of an event that identity resolution reads, with ids already in their compared text form. */
export interface EventFacts extends IdNumbers {
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
export function readEventFacts(event: MixpanelEvent, numbers: IdNumbers = UNNUMBERED): EventFacts {
  return fillEventFacts(blankEventFacts(), event, numbers);
}

/** EventFacts a reader fills again and again (fillEventFacts). */
export type MutableEventFacts = { -readonly [K in keyof EventFacts]: EventFacts[K] };

/** Facts to fill, in the one shape every EventFacts has. */
export function blankEventFacts(): MutableEventFacts {
  return {
    name: '',
    channel: 'import',
    isIdentityEvent: false,
    distinctId: undefined,
    deviceId: undefined,
    userId: undefined,
    insertId: undefined,
    time: undefined,
    identifiedId: undefined,
    anonId: undefined,
    alias: undefined,
    mergeIds: undefined,
    // Written out, not spread from UNNUMBERED: a spread in a literal builds each object on V8's slow path.
    distinctIdNumber: NOT_NUMBERED,
    deviceIdNumber: NOT_NUMBERED,
    userIdNumber: NOT_NUMBERED,
  };
}

/**
 * readEventFacts into `into` (reused by a caller that reads a million events: no object per event). A number is
 * kept only with its value's text: a property whose value is absent or empty where that means absent has
 * none.
 */
export function fillEventFacts(
  into: MutableEventFacts,
  event: MixpanelEvent | NumberedEvent,
  numbers: IdNumbers,
): EventFacts {
  const p = event.properties;
  const name = event.event;
  const distinctId = toIdText(p['distinct_id']);
  const deviceId = toPresentIdText(p['$device_id']);
  const userId = toPresentIdText(p['$user_id']);
  const isIdentify = name === '$identify';
  into.name = name;
  into.channel = event.channel ?? 'import';
  into.isIdentityEvent = IDENTITY_EVENT_NAMES.has(name);
  into.distinctId = distinctId;
  into.deviceId = deviceId;
  into.userId = userId;
  into.insertId = toPresentIdText(p['$insert_id']);
  into.time = readEventTime(p['time']);
  into.identifiedId = isIdentify
    ? (toPresentIdText(p['$identified_id']) ?? presentOrUndefined(distinctId))
    : undefined;
  into.anonId = isIdentify
    ? (toPresentIdText(p['$anon_id']) ?? toPresentIdText(p['$anon_distinct_id']))
    : undefined;
  into.alias = name === '$create_alias' ? toPresentIdText(p['alias']) : undefined;
  into.mergeIds = name === '$merge' ? readMergeIds(p['$distinct_ids']) : undefined;
  into.distinctIdNumber = distinctId === undefined ? NOT_NUMBERED : numbers.distinctIdNumber;
  into.deviceIdNumber = deviceId === undefined ? NOT_NUMBERED : numbers.deviceIdNumber;
  into.userIdNumber = userId === undefined ? NOT_NUMBERED : numbers.userIdNumber;
  return into;
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
