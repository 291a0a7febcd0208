// The plain words of the findings about links and merges, worded per mode because each mode links differently.
import type { Mode, ResolveOptions } from '../engine/index.ts';
import { agree, plural, quoteSome, sentences } from './words.ts';

/** One device and the users seen on it, to give an example in an explanation. */
export interface SharedDevice {
  readonly device: string;
  readonly users: readonly string[];
}

function example(shared: SharedDevice): string {
  return `device ${JSON.stringify(shared.device)} carried ${quoteSome(shared.users)}`;
}

const TWO_USERS_CONSEQUENCE: Record<Mode, string> = {
  simplified:
    'The device is linked to the first user it was sent with, and a device links to one user only: each later event pairing it with another user is refused (S-9, $identity_failure_reason errAnonDistinctIdAssignedAlready). Those events stay with their own user id, and everything the device sends without a user id keeps going to the first user (S-13). Call reset() on logout (P-1).',
  original:
    "Original ignores $device_id on ordinary events (O-1), but the $identify the SDK sends for the second user names the first user's id as its anonymous id, which Mixpanel refuses (O-7: errAnonDistinctIdNonGUIDForm or errAnonDistinctIdAssignedAlready), so the second user's anonymous activity is not merged. On Original call reset() when a different person clearly starts, not on every logout, because each reset adds an id to the cluster and clusters are capped (O-18, O-15).",
  legacy:
    "On Legacy identify() only changes the id the device sends (L-5): events sent between a logout and the next login keep the previous user's id for good (L-3). Call reset() on logout (L-8).",
};

/** Worded per mode: each mode's own rule. */
const USERS_MERGED_CAUSE: Record<Mode, string> = {
  simplified: 'An alias pointed one user id at the other, so data sent as either goes to one id (L-1, L-2).',
  original:
    'A $merge or $create_alias joined them: unlike $identify, those skip the guardrails that keep people on a shared device apart (O-9, O-14, P-15), and a merge cannot be undone (O-4).',
  legacy: 'An alias pointed one user id at the other, so data sent as either goes to one id (L-1, L-2).',
};

/** Worded per mode: each mode's own rule. */
const HANDOVER_CAUSE: Record<Mode, string> = {
  simplified:
    'A device id stays with whoever it was first linked to (S-6, S-13, O-7), so activity after a logout that kept the device id goes to that user even when someone else was browsing.',
  original:
    'A device id stays with whoever it was first linked to (S-6, S-13, O-7), so activity after a logout that kept the device id goes to that user even when someone else was browsing.',
  legacy:
    'The anonymous id had been aliased to the earlier user, so the events were filed under that user at ingestion (L-1, L-3).',
};

/** Worded per mode: each mode's own rule. */
const SPECIAL_EVENTS_EFFECT: Record<Mode, string> = {
  simplified:
    'Simplified ignores $identify, $create_alias and $merge for identity; they are accepted and silently do nothing (S-8). Merge scripts written for Original "succeed" and link nothing (P-4). The $identify the SDK sends on identify() is harmless and not counted here; only $identify events in the API form ($identified_id / $anon_id) are.',
  original:
    "With Identity Merge disabled, $identify and $merge are not applicable (L-5); only $create_alias links ids. The SDK's own $identify is harmless and not counted; only the API form ($identified_id / $anon_id) is.",
  legacy:
    "With Identity Merge disabled, $identify and $merge are not applicable (L-5); only $create_alias links ids. The SDK's own $identify is harmless and not counted; only the API form ($identified_id / $anon_id) is.",
};

/** Worded per mode: each mode's own rule. */
const SPECIAL_EVENTS_FIX: Record<Mode, string> = {
  simplified:
    'To link a device to a user, send an ordinary event carrying both $device_id and $user_id (S-6).',
  original: 'To link ids on Legacy, alias once at sign-up (L-6).',
  legacy: 'To link ids on Legacy, alias once at sign-up (L-6).',
};

/** Worded per mode: each mode's own rule. */
const REFUSAL_CONSEQUENCE: Record<Mode, string> = {
  simplified: 'An alias can point at one id only, and only once (L-2).',
  original:
    'Each failed event gets $failure_reason and $failure_description (O-16); the ids it named stay apart.',
  legacy: 'An alias can point at one id only, and only once (L-2).',
};

export function explainDeviceTwoUsers(mode: Mode, first: SharedDevice, devices: number): string {
  return sentences(
    `${plural(devices, 'device')} sent two or more different user ids (e.g. ${example(first)}).`,
    'The same device id under two users means the app did not call reset() when one logged out and the next logged in, or that its reset kept the device id.',
    TWO_USERS_CONSEQUENCE[mode],
  );
}

export function explainDeviceUsersMerged(mode: Mode, first: SharedDevice, devices: number): string {
  return sentences(
    `On ${plural(devices, 'device')}, user ids of different people now resolve to one user (e.g. ${example(first)}).`,
    USERS_MERGED_CAUSE[mode],
    'If each device was one person who changed user id (P-2), that is what the merge was for. If they were different people sharing a device, their data is now mixed for good: find the code that sends these merges or aliases, and call reset() when a different person starts (P-1).',
  );
}

export interface Handover {
  readonly device: string;
  readonly earlier: string;
  readonly later: string;
}

export function explainHandover(mode: Mode, first: Handover, runs: number, events: number): string {
  return sentences(
    `${plural(events, 'anonymous event')} in ${plural(runs, 'run')} came between two different users on one device, and ${agree(events, 'is', 'are')} credited to the earlier one`,
    `(e.g. device ${JSON.stringify(first.device)}: ${JSON.stringify(first.earlier)}, then anonymous events, then ${JSON.stringify(first.later)}).`,
    HANDOVER_CAUSE[mode],
    'They may well belong to the next person, or to a third; Mixpanel cannot tell, and neither can this check.',
    "Only this pattern is reported: anonymous events before a device's first user look exactly like a normal sign-up, so a guest who browses and leaves before someone else logs in (SC-S5) goes unnoticed here.",
    'Call reset() on logout so the next person gets a new device id (P-1).',
  );
}

export function explainIdentifyWithoutEvent(count: number, users: readonly string[], total: number): string {
  return sentences(
    `${plural(count, '$identify event')} (for ${quoteSome(users, total)}) ${agree(count, 'was', 'were')} never followed by an ordinary event carrying the same $device_id and $user_id.`,
    "On Simplified the $identify event itself does nothing (S-8); the link is made by the first ordinary event with both ids (S-6, S-7). Without one, the device's anonymous events stay anonymous (P-3).",
    'Track at least one event after identify(), even a plain "Log In". If those events arrive later in another file, this finding goes away once they are read.',
  );
}

export function explainSpecialEvents(mode: Mode, byName: ReadonlyMap<string, number>): string {
  const names = [...byName].map(([name, count]) => `${name} ×${count.toLocaleString('en-US')}`).join(', ');
  return sentences(`This stream sends ${names}.`, SPECIAL_EVENTS_EFFECT[mode], SPECIAL_EVENTS_FIX[mode]);
}

export function explainNotGuid(options: ResolveOptions, ids: readonly string[], total: number): string {
  const pattern =
    options.guidCheck === 'strict-v4'
      ? "a strict RFC 4122 version-4 UUID (this run's --guid-check strict-v4)"
      : 'five dash-separated letter-and-digit groups, optionally after "$device:" (the PHP SDK\'s check, Q-3)';
  return sentences(
    `$identify was refused for ${plural(total, 'anonymous id')} (e.g. ${quoteSome(ids, total)}) that ${agree(total, 'is', 'are')} not GUID-shaped: Mixpanel expects ${pattern} (O-8).`,
    'The merge fails with errAnonDistinctIdNonGUIDForm, and the anonymous activity stays a separate user (O-16).',
    'Generate UUIDv4 anonymous ids, or link these ids with $create_alias or $merge, which skip the check but also skip its protection of shared devices (P-15, O-9).',
  );
}

export function explainOverCap(limit: number, ids: readonly string[], total: number): string {
  return sentences(
    `${plural(total, 'id')} (e.g. ${quoteSome(ids, total)}) could not join a cluster: it would pass ${limit.toLocaleString('en-US')} ids, so Mixpanel refused with errManyIDs (O-15).`,
    'Each stays a separate, orphaned user with its events.',
    'The usual cause is calling reset() on every logout: each login then brings a new device id into the cluster (O-18).',
  );
}

export function explainNearCap(limit: number, threshold: number, clusters: readonly SizedCluster[]): string {
  const largest = [...clusters].sort((a, b) => b.size - a.size)[0];
  return sentences(
    `${plural(clusters.length, 'cluster')} ${agree(clusters.length, 'holds', 'hold')} ${threshold.toLocaleString('en-US')} ids or more, close to the cap of ${limit.toLocaleString('en-US')}`,
    largest === undefined ? '' : `(the largest, ${JSON.stringify(largest.canonical)}, has ${largest.size}).`,
    'Once a cluster is full, further $identify, $create_alias and $merge into it fail with errManyIDs and those ids stay orphaned (O-15).',
    'Call reset() only when a different person starts, not on every logout (O-18). The listed events are the ones that brought ids into these clusters.',
  );
}

export interface SizedCluster {
  readonly canonical: string;
  readonly size: number;
}

export interface RefusalTally {
  readonly count: number;
  readonly description: string;
}

export function explainRefused(
  mode: Mode,
  byCode: ReadonlyMap<string, RefusalTally>,
  userAsAnon: number,
): string {
  const lines = [...byCode].map(
    ([code, tally]) => `${code} ×${tally.count.toLocaleString('en-US')} (e.g. "${tally.description}")`,
  );
  return sentences(
    `Mixpanel refused these identity events, so they linked nothing: ${lines.join('; ')}.`,
    userAsAnon > 0 &&
      `${userAsAnon === 1 ? 'One of them names' : `${plural(userAsAnon, 'of them', 'of them')} name`} an earlier user id as the anonymous id: identify() for a second user on a device without reset() in between (P-1).`,
    REFUSAL_CONSEQUENCE[mode],
  );
}
