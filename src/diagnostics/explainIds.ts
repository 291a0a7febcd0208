// The plain words of the findings about id values: what happened, why it matters, what to do, citing the spec.
import { modeRules, type Mode, type ResolveOptions } from '../engine/index.ts';
import { agree, plural, quoteSome, sentences } from './words.ts';

/** Worded per mode: each mode's own rule. */
const NO_IDENTITY_NEEDS: Record<Mode, string> = {
  simplified: 'no $user_id, no $device_id and no distinct_id (S-2, S-3)',
  original: 'no distinct_id, the only id this mode reads for an ordinary event (O-1, L-1)',
  legacy: 'no distinct_id, the only id this mode reads for an ordinary event (O-1, L-1)',
};

/** Worded per mode: each mode's own rule. */
const EMAIL_CONSEQUENCE: Record<Mode, string> = {
  simplified:
    'On Simplified a cluster has exactly one user id, which can neither change nor be merged with another (S-10).',
  original: 'A $merge can join the two users afterwards (O-14), but only by hand, one person at a time.',
  legacy: 'A $merge can join the two users afterwards (O-14), but only by hand, one person at a time.',
};

/** Worded per mode: each mode's own rule. */
const IDENTIFIER_AS_DEVICE_CONSEQUENCE: Record<Mode, string> = {
  simplified:
    'Each becomes an anonymous "$device:" member of whichever user it was first sent with (S-4); the same value sent later as $user_id is a separate, duplicate user (P-5).',
  original:
    'This mode ignores $device_id on ordinary events (O-1), so nothing goes wrong here yet; on a Simplified project each would become an anonymous device of its user, and a duplicate user when sent as $user_id (P-5).',
  legacy:
    'This mode ignores $device_id on ordinary events (O-1), so nothing goes wrong here yet; on a Simplified project each would become an anonymous device of its user, and a duplicate user when sent as $user_id (P-5).',
};

export function explainPlaceholder(values: readonly string[], total: number): string {
  return sentences(
    `These events carry ${quoteSome(values, total)} as distinct_id or $insert_id.`,
    'The import API refuses those exact values (LIM-1), so the events are not stored and belong to no one.',
    'Send the real id, or "" for an event that belongs to no user (LIM-2, P-9).',
  );
}

export function explainPlaceholderLike(values: readonly string[], total: number, mode: Mode): string {
  const readsAll = modeRules(mode).readsDeviceAndUserIds;
  const where = readsAll ? '$user_id, $device_id or distinct_id' : 'distinct_id';
  return sentences(
    `These events carry ${quoteSome(values, total)} as ${where}.`,
    'Mixpanel accepts them (its placeholder list is matched exactly, Q-12), so everyone who sends one becomes one',
    'user, and a busy one can pass the hot-shard limit (P-8).',
    readsAll &&
      'A shared $device_id is worse still: the first user to log in is linked to it and every later one is refused (S-9).',
    'Fix the code that sends them: usually an id read before it was set, or a default value.',
  );
}

export interface NoIdentityTally {
  /** distinct_id sent as "" (LIM-2). */
  readonly empty: number;
  /** No distinct_id at all (LIM-3). */
  readonly missing: number;
  /** Original / Legacy: events that do carry $user_id or $device_id, which those modes do not read. */
  readonly unreadIds: number;
}

export function explainNoIdentity(mode: Mode, tally: NoIdentityTally): string {
  const needs = NO_IDENTITY_NEEDS[mode];
  return sentences(
    `These events have ${needs}, so no user can be credited with them.`,
    tally.empty > 0 &&
      `${plural(tally.empty, 'event')} sent distinct_id "", which means "no user": stored, but left out of every per-user report (LIM-2).`,
    tally.missing > 0 &&
      `${plural(tally.missing, 'event')} sent no distinct_id at all; Mixpanel makes one up from the sender's IP address when it can (LIM-3).`,
    tally.unreadIds > 0 &&
      `Of these, ${plural(tally.unreadIds, 'event')} ${agree(tally.unreadIds, 'carries', 'carry')} $user_id or $device_id, but only Simplified reads those: copy the id into distinct_id, or use a Simplified project.`,
    'If they belong to users, send an id with them.',
  );
}

export function explainEmail(mode: Mode, ids: readonly string[], total: number): string {
  return sentences(
    `${plural(total, 'user id')} ${agree(total, 'looks', 'look')} like ${agree(total, 'an email address', 'email addresses')}, e.g. ${quoteSome(ids, total)}.`,
    'People change their email; a new email is a new user id, and so a new user (P-2).',
    EMAIL_CONSEQUENCE[mode],
    'Use a stable database id as the user id and keep the email as a profile property.',
  );
}

export function explainDevicePrefixed(
  options: ResolveOptions,
  ids: readonly string[],
  total: number,
): string {
  return sentences(
    `${plural(total, '$device_id value')} already ${agree(total, 'starts', 'start')} with "$device:", e.g. ${quoteSome(ids, total)}.`,
    'Mixpanel stores every $device_id with that prefix (S-4); what it does with one that already has it is undocumented (Q-8).',
    options.devicePrefix === 'strip'
      ? 'This run strips the extra prefix (--device-prefix strip), so they match events that send the same id as distinct_id.'
      : 'This run prefixes them again, as the docs read literally: "$device:$device:…", which never matches an event that sent the same device as distinct_id "$device:…".',
    'Send the raw device id in $device_id; only distinct_id carries the prefix.',
  );
}

export interface IdentifierTally {
  readonly phone: number;
  readonly email: number;
  readonly userId: number;
}

export function explainIdentifierAsDevice(
  mode: Mode,
  tally: IdentifierTally,
  ids: readonly string[],
  total: number,
): string {
  const kinds = [
    tally.phone > 0 && `${plural(tally.phone, 'phone number')}`,
    tally.email > 0 && `${plural(tally.email, 'email address', 'email addresses')}`,
    tally.userId > 0 && `${plural(tally.userId, 'value')} also sent as a user id`,
  ].filter((kind): kind is string => typeof kind === 'string');
  return sentences(
    `Some $device_id values are real identifiers, not device ids: ${kinds.join(', ')} (${quoteSome(ids, total)}).`,
    IDENTIFIER_AS_DEVICE_CONSEQUENCE[mode],
    'Keep $device_id for the id the SDK generates; send phone numbers and CRM ids as profile or event properties.',
  );
}

export interface HotShard {
  readonly id: string;
  readonly day: string;
  readonly count: number;
}

export function explainHotShard(limit: number, shards: readonly HotShard[]): string {
  const worst = [...shards].sort((a, b) => b.count - a.count)[0];
  return sentences(
    `${plural(shards.length, 'distinct_id')} got more than ${limit.toLocaleString('en-US')} events on one UTC day`,
    worst === undefined
      ? ''
      : `(the most: ${JSON.stringify(worst.id)} with ${worst.count.toLocaleString('en-US')} on ${worst.day}).`,
    'Past the limit Mixpanel renames each further event $hotshard_events and clears its distinct_id, so it no longer counts for the user (LIM-4).',
    'Counted on the id derived at ingestion, before any merge (Q-13); the listed events are the ones past the limit.',
    'The usual cause is a constant id, such as a server name or identify("user_id") with a literal string (P-8).',
  );
}
