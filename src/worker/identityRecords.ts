// One identity's records, for "Edit as scenario": the events of the selected cluster and every event that shares an
// id with them, in stream order (the order the engine read them, which decides a retroactive or a frozen result).
import { DEVICE_PREFIX, isBlockedId, toIdText, type StreamRecord } from '../engine/index.ts';
import type { EventStore } from './eventStore.ts';
import type { ResolvedIndex } from './resolvedIndex.ts';

/** A record of the identity's stream and the line of the file it came from. */
export interface IdentityRecord {
  readonly record: StreamRecord;
  /** Its index among the file's records. */
  readonly index: number;
  readonly line: number;
  /** Whether the event resolved to the selected cluster (false: it, or this profile update, only shares an id). */
  readonly inIdentity: boolean;
}

/** The first `cap` records that decide an identity; `total` counts them all. */
export interface IdentityRecords {
  readonly canonical: string;
  /** Records that decide the identity in any mode (its events, and the events and profile updates sharing an id). */
  readonly total: number;
  /** Events of the cluster itself. */
  readonly identityEvents: number;
  readonly records: readonly IdentityRecord[];
}

/** The fields that name an id: what every mode's links are made of (S-4, O-6, O-10, O-13, L-3). */
const ID_FIELDS = [
  'distinct_id',
  '$device_id',
  '$user_id',
  '$identified_id',
  '$anon_id',
  '$anon_distinct_id',
  'alias',
];

/**
 * The events that decide `id`'s cluster: its own events, and every event connected to them through a shared id
 * (its whole id component). Every mode keys its state by id, so a component resolves alone exactly as it does
 * within the file, in every mode, while a cluster alone may not (a merge the file refused because of an event
 * outside the cluster would be accepted). Only the fields the store keeps leave the worker (identity fields, time,
 * channel, a suspicious `$insert_id`): nothing private. Two passes over the stored records.
 */
export function identityRecords(
  store: EventStore,
  index: ResolvedIndex,
  id: string,
  cap: number,
): IdentityRecords {
  // A raw `$device_id` (as the table shows it) stands for its `$device:` key on Simplified (S-4).
  const known = index.knows(id) || !index.knows(DEVICE_PREFIX + id) ? id : DEVICE_PREFIX + id;
  const canonical = index.view.canonicalOf(known);
  const own = new Set(index.eventsOf(canonical));
  const components = new IdComponents();
  for (let at = 0; at < store.size; at++) components.join(idsOf(store.record(at)));
  const roots = new Set<string>();
  for (const member of index.cluster(canonical)?.members ?? []) roots.add(components.root(plain(member.id)));
  for (const at of own) for (const text of idsOf(store.record(at))) roots.add(components.root(text));
  const records: IdentityRecord[] = [];
  let total = 0;
  for (let at = 0; at < store.size; at++) {
    const record = store.record(at);
    const inIdentity = own.has(at);
    if (!inIdentity && !idsOf(record).some((text) => roots.has(components.root(text)))) continue;
    total++;
    if (records.length < cap) records.push({ record, index: at, line: store.lineOf(at), inIdentity });
  }
  return { canonical, total, identityEvents: own.size, records };
}

/** An id without its `$device:` prefix: the device id and its distinct_id form are one device (S-4). */
function plain(text: string): string {
  return text.startsWith(DEVICE_PREFIX) ? text.slice(DEVICE_PREFIX.length) : text;
}

/**
 * The ids a record names. A profile update counts too: where it lands, and which id Original saw first (Q-5's
 * first-seen canonical), depend on it.
 */
function idsOf(record: StreamRecord): string[] {
  const props: Readonly<Record<string, unknown>> =
    record.kind === 'event' ? record.event.properties : record.update;
  const ids: string[] = [];
  const add = (value: unknown) => {
    const text = toIdText(value);
    // A placeholder ("undefined", "null", "0" …) names no one (LIM-1, in any letter case: Q-12): joining through it
    // would make one component of every identity that ever sent it.
    if (text === undefined || text === '' || isBlockedId(text, 'case-insensitive')) return;
    ids.push(plain(text));
  };
  if (record.kind === 'profile') add(record.update.$distinct_id);
  for (const field of ID_FIELDS) add(props[field]);
  const merged = props['$distinct_ids'];
  if (Array.isArray(merged)) merged.forEach(add);
  return ids;
}

/** Union-find over id texts: which ids are connected through events that name them together. */
class IdComponents {
  private readonly parent = new Map<string, string>();

  root(text: string): string {
    let root = text;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root))
      root = up;
    for (let at = text; at !== root;) {
      const up = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }

  join(ids: readonly string[]): void {
    const first = ids[0];
    if (first === undefined) return;
    const root = this.root(first);
    if (!this.parent.has(root)) this.parent.set(root, root);
    for (const text of ids) {
      const other = this.root(text);
      if (other !== root) this.parent.set(other, root);
    }
  }
}
