// Segment spec messages mapped the way Segment's Mixpanel destination maps them; channel is always `import`.
import type { MixpanelEvent, StreamRecord } from '../engine/index.ts';
import { isPlainObject } from './text.ts';
import { parseEventTime } from './time.ts';
import { accepted, rejected, type Normalised } from './types.ts';

/** The Segment message types the reader knows. */
export const SEGMENT_TYPES = ['track', 'identify', 'page', 'screen', 'alias', 'group'] as const;
/** A Segment message type. */
export type SegmentType = (typeof SEGMENT_TYPES)[number];

/** The event a nameless page call becomes: Segment's default "consolidated page calls" setting. */
export const PAGE_EVENT = 'Loaded a Page';
/** The event a nameless screen call becomes; named screens become "Viewed <name> Screen". */
export const NAMELESS_SCREEN_EVENT = 'Loaded a Screen';

type Message = Record<string, unknown>;

/** The identity fields of a message; null and "" count as absent, as Segment sends `"userId": null`. */
interface SegmentIds {
  readonly userId: unknown;
  readonly anonymousId: unknown;
}

/** Whether `value` is a Segment message type the reader knows. */
export function isSegmentType(value: unknown): value is SegmentType {
  return typeof value === 'string' && (SEGMENT_TYPES as readonly string[]).includes(value);
}

/**
 * One Segment message → Mixpanel records. anonymousId → `$device_id`, userId → `$user_id` (so Simplified derives
 * distinct_id from them), distinct_id = userId ?? anonymousId, messageId → `$insert_id`, timestamp → time (epoch
 * seconds). Identity fields win over same-named keys in `properties`. `group` yields no record, only a note.
 */
export function normaliseSegment(value: unknown): Normalised {
  if (!isPlainObject(value)) return rejected('not-an-object', 'not a JSON object');
  const type = value['type'];
  if (!isSegmentType(type)) return rejected('segment-bad-type', describeBadType(type));
  const time = readSegmentTime(value);
  if (time === 'invalid')
    return rejected('bad-time', `timestamp is not an ISO 8601 date: ${describeTime(value)}`);
  const ids = {
    userId: presentOrUndefined(value['userId']),
    anonymousId: presentOrUndefined(value['anonymousId']),
  };
  return SEGMENT_MAPPERS[type](value, ids, time);
}

type Mapper = (message: Message, ids: SegmentIds, time: number | undefined) => Normalised;

const SEGMENT_MAPPERS: Record<SegmentType, Mapper> = {
  track: (message, ids, time) => {
    const name = message['event'];
    if (typeof name !== 'string' || name === '') return rejected('missing-event-name', 'missing event name');
    return toEvent(name, message, ids, time);
  },
  page: (message, ids, time) => toEvent(PAGE_EVENT, message, ids, time, readPageFields(message)),
  screen: (message, ids, time) => {
    const name = presentOrUndefined(message['name']);
    const event =
      name === undefined
        ? NAMELESS_SCREEN_EVENT
        : `Viewed ${typeof name === 'string' ? name : JSON.stringify(name)} Screen`;
    return toEvent(event, message, ids, time, readPageFields(message));
  },
  identify: mapIdentify,
  alias: mapAlias,
  group: () =>
    accepted([], {
      code: 'segment-group-ignored',
      message: 'Segment group call ignored: groups do not take part in identity merging',
    }),
};

function toEvent(
  name: string,
  message: Message,
  ids: SegmentIds,
  time: number | undefined,
  extra: Message = {},
): Normalised {
  if (ids.userId === undefined && ids.anonymousId === undefined) return rejectMissingIds();
  const properties = message['properties'] ?? {};
  if (!isPlainObject(properties)) return rejected('properties-not-object', 'properties is not an object');
  return accepted([
    toEventRecord(name, { ...extra, ...properties, ...buildIdentityProperties(message, ids, time) }),
  ]);
}

function buildIdentityProperties(message: Message, ids: SegmentIds, time: number | undefined): Message {
  const properties: Message = { distinct_id: ids.userId ?? ids.anonymousId };
  if (ids.anonymousId !== undefined) properties['$device_id'] = ids.anonymousId;
  if (ids.userId !== undefined) properties['$user_id'] = ids.userId;
  return withMessageFields(properties, message, time);
}

/** messageId → `$insert_id` and time, the two fields every mapped event carries. */
function withMessageFields(properties: Message, message: Message, time: number | undefined): Message {
  const messageId = presentOrUndefined(message['messageId']);
  if (messageId !== undefined) properties['$insert_id'] = messageId;
  if (time !== undefined) properties['time'] = time;
  return properties;
}

/** Page and screen `name` / `category` travel as properties, as Segment's destination sends them. */
function readPageFields(message: Message): Message {
  const fields: Message = {};
  for (const key of ['name', 'category']) {
    const value = presentOrUndefined(message[key]);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

/**
 * identify → a profile update setting the traits on userId, and, when anonymousId is known too, an `$identify`
 * event joining them (what Original needs; Simplified ignores it, S-8). Without userId nothing can be keyed.
 */
function mapIdentify(message: Message, ids: SegmentIds, time: number | undefined): Normalised {
  if (ids.userId === undefined) {
    if (ids.anonymousId === undefined) return rejectMissingIds();
    return accepted([], {
      code: 'segment-anonymous-identify',
      message: 'identify without userId: nothing to set',
    });
  }
  const traits = message['traits'] ?? {};
  if (!isPlainObject(traits)) return rejected('properties-not-object', 'traits is not an object');
  const records: StreamRecord[] = [];
  if (ids.anonymousId !== undefined) records.push(identifyEvent(message, ids, time));
  if (Object.keys(traits).length > 0)
    records.push({ kind: 'profile', update: { $distinct_id: ids.userId, $set: traits } });
  return accepted(records);
}

function identifyEvent(message: Message, ids: SegmentIds, time: number | undefined): StreamRecord {
  const properties = { $identified_id: ids.userId, $anon_id: ids.anonymousId, distinct_id: ids.userId };
  return toEventRecord('$identify', withMessageFields(properties, message, time));
}

/** alias: previousId is the id already in use, userId the new one: `$create_alias` {alias: userId}. */
function mapAlias(message: Message, ids: SegmentIds, time: number | undefined): Normalised {
  const previousId = presentOrUndefined(message['previousId']);
  if (previousId === undefined || ids.userId === undefined)
    return rejected('segment-missing-id', 'alias needs both previousId and userId');
  const properties = { alias: ids.userId, distinct_id: previousId };
  return accepted([toEventRecord('$create_alias', withMessageFields(properties, message, time))]);
}

function toEventRecord(name: string, properties: Message): StreamRecord {
  const event: MixpanelEvent = { event: name, properties, channel: 'import' };
  return { kind: 'event', event };
}

/** Segment's `timestamp`, falling back to the fields it is computed from. */
function readSegmentTime(message: Message): number | undefined | 'invalid' {
  const raw = presentOrUndefined(
    message['timestamp'] ?? message['originalTimestamp'] ?? message['receivedAt'],
  );
  if (raw === undefined) return undefined;
  return parseEventTime(raw) ?? 'invalid';
}

function describeTime(message: Message): string {
  return JSON.stringify(message['timestamp'] ?? message['originalTimestamp'] ?? message['receivedAt']) ?? '';
}

function presentOrUndefined(value: unknown): unknown {
  return value === null || value === '' ? undefined : value;
}

function rejectMissingIds(): Normalised {
  return rejected('segment-missing-id', 'Segment message has neither userId nor anonymousId');
}

function describeBadType(type: unknown): string {
  if (type === undefined) return 'missing Segment "type"';
  return `unknown Segment type ${JSON.stringify(type)} (expected ${SEGMENT_TYPES.join(', ')})`;
}
