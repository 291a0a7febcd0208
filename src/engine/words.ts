// Words shared by every mode's explanations: how ids and events are named, and the reasons for links and refusals.
import { deviceOfKey, isDeviceKey } from './ids.ts';
import { reason, type Reason } from './reasons.ts';
import type { Failure, Link } from './types.ts';

/** How an id is shown: the app passes short aliases (D1, U1); the CLI shows ids as they are. */
export type IdLabel = (id: string) => string;
/** Shows an id as it is. */
export const asIs: IdLabel = (id) => id;

/**
 * How an event is named in a reason, by its record index: "#4" by default (1-based position in the stream); the app
 * passes the number its table shows, which skips hidden identity events.
 */
export type EventLabel = (recordIndex: number) => string;
/** Names an event by its 1-based position in the stream. */
export const byPosition: EventLabel = (index) => `#${index + 1}`;

/** " by event #4" for a known event, '' otherwise. */
export type ByEvent = (index: number | undefined) => string;

/** A device key shown as its raw device id, the way Mixpanel's guide writes "Links D1 ⇒ U1". */
export function rawDevice(key: string, label: IdLabel): string {
  return label(isDeviceKey(key) ? deviceOfKey(key) : key);
}

/** The rule behind a link or merge, in words. */
export function linkReason(link: Link, label: IdLabel): Reason {
  const [rule, text] = linkWords(link, label);
  return reason('link', rule, text, { ids: [link.from, link.to] });
}

function linkWords(link: Link, label: IdLabel): [string, string] {
  switch (link.kind) {
    case 'device-link':
      return [
        'S-6',
        `the first event carrying both $device_id ${rawDevice(link.from, label)} and $user_id ${label(link.to)}: links ${label(link.from)} ⇒ ${label(link.to)}, and every event from that device resolves to ${label(link.to)}, earlier ones too (S-12).`,
      ];
    case 'identify':
      return [
        'O-7',
        `$identify passed every check (same ids, GUID form, anon already identified, cluster cap), so the cluster of ${label(link.from)} merges with the cluster of ${label(link.to)}, retroactively (O-5).`,
      ];
    case 'alias':
      return [
        'O-11',
        `$create_alias makes ${label(link.from)} an alias of ${label(link.to)}; their clusters merge, with no GUID or "already identified" check.`,
      ];
    case 'merge':
      return [
        'O-14',
        `$merge joins the clusters of ${label(link.to)} and ${label(link.from)}, checked only against the cap.`,
      ];
    case 'legacy-alias':
      return [
        'L-1',
        `${label(link.from)} now points at ${label(link.to)}; data sent as ${label(link.from)} from now on is stored under ${label(link.to)}'s id. Earlier events stay where they are (L-3).`,
      ];
  }
}

/** A refusal recorded at ingestion (Original, Legacy), with Mixpanel's code where it has one (O-16). */
export function refusalReason(failure: Failure): Reason {
  const official = failure.official
    ? `Mixpanel sets $failure_reason = ${failure.code}`
    : `no Mixpanel code; the engine says ${failure.code}`;
  return reason(
    'refusal',
    failure.rule,
    `${failure.description} (${official}). Nothing is merged, and the ids keep their own events (O-16).`,
  );
}

/** G-7: the failure properties Original and Legacy write, the code's first. */
export const REASON_AND_DESCRIPTION: readonly string[] = ['$failure_reason', '$failure_description'];

/** G-7, O-16: the properties Original and Legacy add to a failed identity event: the code and its description. */
export function failureReasonAndDescription(failure: Failure): Record<string, string> {
  return { $failure_reason: failure.code, $failure_description: failure.description };
}
