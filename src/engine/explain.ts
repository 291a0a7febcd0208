// Words for what the engine decided: short notes for the event table, and reasons naming their rules for the panel.
import { CANONICAL_STRATEGY_TEXT } from './canonical.ts';
import { deviceOfKey, isDeviceKey } from './ids.ts';
import type { StoredRecord } from './ledger.ts';
import type { Link, ResolveOptions } from './types.ts';
import type { EventOutcome, ResolutionView } from './view.ts';

/** How an id is shown: the app passes short aliases (D1, U1); the CLI shows ids as they are. */
export type IdLabel = (id: string) => string;
const asIs: IdLabel = (id) => id;

/**
 * How an event is named in a reason, by its record index: "#4" by default (1-based position in the stream); the app
 * passes the number its table shows, which skips hidden identity events.
 */
export type EventLabel = (recordIndex: number) => string;
const byPosition: EventLabel = (index) => `#${index + 1}`;

/** A device key shown as its raw device id, the way Mixpanel's guide writes "Links D1 ⇒ U1". */
function rawDevice(key: string, label: IdLabel): string {
  return label(isDeviceKey(key) ? deviceOfKey(key) : key);
}

/** Short notes for the table's Notes column, in the words of Mixpanel's guide where it has them. */
export function notesFor(
  outcome: EventOutcome,
  record: StoredRecord,
  view: ResolutionView,
  label: IdLabel = asIs,
): string[] {
  const notes: string[] = [];
  const device = record.newDevice;
  if (device && record.origin?.afterReset)
    notes.push(`Reset generated new ID: ${rawDevice(device.key, label)}`);
  else if (device && device.ordinal > 1) notes.push(`New device ${rawDevice(device.key, label)}`);
  if (outcome.status === 'rejected')
    notes.push(`Rejected: "${outcome.rejectedValue ?? ''}" is a placeholder id`);
  if (outcome.status === 'non-attributable') notes.push('No usable identity');
  if (outcome.isIdentityEvent && identityEventIgnored(view, record))
    notes.push(`No effect on ${modeName(view)}`);
  if (outcome.link) notes.push(linkNote(outcome.link, label));
  if (outcome.failure) notes.push(outcome.failure.code);
  if (
    view.mode === 'legacy' &&
    outcome.resolvedId !== null &&
    outcome.resolvedId !== outcome.derivedId &&
    outcome.resolvedId !== ''
  ) {
    notes.push(`Stored as ${label(outcome.resolvedId)}`);
  }
  if (outcome.retroactivelyUpdated) notes.push('Retroactively updated');
  return notes;
}

function identityEventIgnored(view: ResolutionView, record: StoredRecord): boolean {
  return view.mode === 'simplified' || (view.mode === 'legacy' && record.name !== '$create_alias');
}

function modeName(view: ResolutionView): string {
  return { simplified: 'Simplified', original: 'Original', legacy: 'Legacy' }[view.mode];
}

export function linkNote(link: Link, label: IdLabel = asIs): string {
  switch (link.kind) {
    case 'device-link':
      return `Links ${rawDevice(link.from, label)} ⇒ ${label(link.to)}`;
    case 'identify':
      return `Merges ${label(link.from)} ⇒ ${label(link.to)}`;
    case 'alias':
      return `Aliases ${label(link.from)} ⇒ ${label(link.to)}`;
    case 'merge':
      return `Merges ${label(link.from)} ⇔ ${label(link.to)}`;
    case 'legacy-alias':
      return `Alias ${label(link.from)} → ${label(link.to)}`;
  }
}

/** The reasons behind one event's outcome, each naming its rule, for the explanation panel and the CLI. */
export function explainOutcome(
  outcome: EventOutcome,
  record: StoredRecord,
  view: ResolutionView,
  options: ResolveOptions,
  label: IdLabel = asIs,
  eventLabel: EventLabel = byPosition,
): string[] {
  const by = (index: number | undefined) => (index === undefined ? '' : ` by event ${eventLabel(index)}`);
  const lines = [derivationReason(outcome, label, view.mode)];
  if (outcome.status === 'rejected') {
    lines.push(
      `LIM-1: "${outcome.rejectedValue ?? ''}" is a placeholder the import API rejects; the event is kept but counted for no one (Q-12, ${options.blockedIdMatch} match).`,
    );
    return lines;
  }
  if (outcome.status === 'non-attributable') return lines;
  lines.push(...identityReasons(outcome, record, view, label, by));
  lines.push(resolutionReason(outcome, view, options, label, by));
  return lines;
}

function derivationReason(o: EventOutcome, label: IdLabel, mode: ResolutionView['mode']): string {
  const id = label(o.derivedId);
  switch (o.derivation) {
    case 'user-id':
      return o.deviceKey === undefined
        ? `S-2: $user_id ${id} is present, so the event's distinct_id is ${id}.`
        : `S-2: $user_id ${id} is present, so the event's distinct_id is ${id}; it also carries $device_id ${rawDevice(o.deviceKey, label)}.`;
    case 'device-id':
      return `S-2: no $user_id; $device_id ${rawDevice(o.derivedId, label)} gives distinct_id ${id}.`;
    case 'distinct-id-device':
      return `S-3: only distinct_id was sent; it starts with $device:, so it is read as device ${rawDevice(o.derivedId, label)}.`;
    case 'distinct-id-user':
      return `S-3: only distinct_id was sent; without the $device: prefix it is read as the user id ${id}, and Mixpanel adds $user_id.`;
    case 'distinct-id':
      return mode === 'legacy'
        ? `L-1: the event was sent with distinct_id ${id}.`
        : `O-1: identity comes only from distinct_id (${id}); $device_id and $user_id are ignored on Original.`;
    case 'identified-id':
      return `Q-7: $identify is attributed to its identified id ${id}.`;
    case 'merge-first-id':
      return `Q-7: $merge has no distinct_id, so it is attributed to its first $distinct_ids entry, ${id}.`;
    case 'none':
      return mode === 'simplified'
        ? 'LIM-2, LIM-3: no $user_id, $device_id or distinct_id, so the event belongs to no user (resolved distinct_id "").'
        : 'LIM-2, LIM-3: no distinct_id (O-1: only distinct_id counts here), so the event belongs to no user.';
  }
}

type ByEvent = (index: number | undefined) => string;

function identityReasons(
  o: EventOutcome,
  record: StoredRecord,
  view: ResolutionView,
  label: IdLabel,
  byEvent: ByEvent,
): string[] {
  if (view.mode === 'simplified') return simplifiedReasons(o, record, view, label, byEvent);
  const lines: string[] = [];
  if (view.mode === 'legacy' && record.isIdentityEvent && record.name !== '$create_alias') {
    lines.push(
      `L-5: ${record.name} does nothing server-side when ID Merge is disabled; identify only changes the id a device sends.`,
    );
  }
  if (o.link) lines.push(linkReason(o.link, label));
  if (o.failure) {
    const official = o.failure.official
      ? `Mixpanel sets $failure_reason = ${o.failure.code}`
      : `no Mixpanel code; the engine says ${o.failure.code}`;
    lines.push(
      `${o.failure.rule}: ${o.failure.description} (${official}). Nothing is merged, and the ids keep their own events (O-16).`,
    );
  }
  return lines;
}

function simplifiedReasons(
  o: EventOutcome,
  record: StoredRecord,
  view: ResolutionView,
  label: IdLabel,
  byEvent: ByEvent,
): string[] {
  if (record.isIdentityEvent) {
    return [
      `S-8: ${record.name} has no special meaning on Simplified; it links nothing, even when it carries both ids (S-7).`,
    ];
  }
  if (o.link) return [linkReason(o.link, label)];
  if (o.failure && o.deviceKey !== undefined) {
    const linkedTo = label(view.canonicalOf(o.deviceKey));
    return [
      `S-9: ${label(o.deviceKey)} is already linked to ${linkedTo}${byEvent(o.linkedBy)}; this event stays with ${label(o.derivedId)} and links nothing ($identity_failure_reason = errAnonDistinctIdAssignedAlready).`,
    ];
  }
  if (o.derivation === 'user-id' && o.deviceKey !== undefined) {
    return [
      `S-6: ${rawDevice(o.deviceKey, label)} is already linked to ${label(o.derivedId)}${byEvent(o.linkedBy)}; repeating the pair changes nothing.`,
    ];
  }
  if (o.derivation === 'user-id') return ['S-14: an event with only $user_id links nothing.'];
  return [];
}

function linkReason(link: Link, label: IdLabel): string {
  switch (link.kind) {
    case 'device-link':
      return `S-6: the first event carrying both $device_id ${rawDevice(link.from, label)} and $user_id ${label(link.to)}: links ${label(link.from)} ⇒ ${label(link.to)}, and every event from that device resolves to ${label(link.to)}, earlier ones too (S-12).`;
    case 'identify':
      return `O-7: $identify passed every check (same ids, GUID form, anon already identified, cluster cap), so the cluster of ${label(link.from)} merges with the cluster of ${label(link.to)}, retroactively (O-5).`;
    case 'alias':
      return `O-11: $create_alias makes ${label(link.from)} an alias of ${label(link.to)}; their clusters merge, with no GUID or "already identified" check.`;
    case 'merge':
      return `O-14: $merge joins the clusters of ${label(link.to)} and ${label(link.from)}, checked only against the cap.`;
    case 'legacy-alias':
      return `L-1: ${label(link.from)} now points at ${label(link.to)}; data sent as ${label(link.from)} from now on is stored under ${label(link.to)}'s id. Earlier events stay where they are (L-3).`;
  }
}

function resolutionReason(
  o: EventOutcome,
  view: ResolutionView,
  options: ResolveOptions,
  label: IdLabel,
  byEvent: ByEvent,
): string {
  const resolved = label(o.resolvedId ?? '');
  if (view.mode === 'legacy') {
    return o.resolvedId === o.derivedId
      ? `L-3: no alias applied when it was ingested, so it is stored as ${resolved} for good.`
      : `L-1, L-3: ${label(o.derivedId)} was an alias when the event arrived, so it is stored as ${resolved}, frozen at ingestion.`;
  }
  if (view.mode === 'simplified') {
    if (o.derivation !== 'device-id' && o.derivation !== 'distinct-id-device')
      return `S-11: the canonical id is the user id, ${resolved}.`;
    return o.resolvedId === o.derivedId
      ? `S-12: ${label(o.derivedId)} is not linked to a user (yet), so the event resolves to ${resolved}.`
      : `S-12: ${label(o.derivedId)} is linked to ${resolved}${byEvent(o.linkedBy)}, so this event resolves to ${resolved}, whenever it happened.`;
  }
  const cluster = view.clusters().find((c) => c.canonical === o.resolvedId);
  const size = cluster?.members.length ?? 1;
  return size === 1
    ? `O-2: ${resolved} belongs to no cluster, so it resolves to itself.`
    : `O-2, O-3: ${label(o.derivedId)} is in a cluster of ${size} ids whose canonical id is ${resolved} (Q-5: ${CANONICAL_STRATEGY_TEXT[options.canonical]}).`;
}
