// The one list of findings: ids, titles, rules and severities that the findings panel and the CLI both show.
import type { Mode } from '../engine/index.ts';
import type { FindingId, Severity } from './types.ts';

/** A value that is the same in every mode, or differs by mode (only for the modes the finding applies to). */
export type PerMode<T> = T | { readonly [M in Mode]?: T };

/** What the catalogue says about one finding, before any stream is read. */
export interface CatalogueEntry {
  readonly id: FindingId;
  readonly title: string;
  /** One line: what the finding detects. */
  readonly summary: string;
  readonly severity: PerMode<Severity>;
  readonly rule: PerMode<string>;
  /** The modes where it can fire; the spec makes most identity pitfalls mode-specific. */
  readonly modes: readonly Mode[];
}

const ALL: readonly Mode[] = ['simplified', 'original', 'legacy'];

/** Every finding, in the order the panel lists findings of one severity. */
export const FINDING_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'placeholder-id',
    title: 'Placeholder ids that Mixpanel rejects',
    summary:
      'distinct_id or $insert_id is a placeholder such as "null" or "0", which the import API refuses.',
    severity: 'error',
    rule: 'LIM-1, P-9',
    modes: ALL,
  },
  {
    id: 'cluster-over-cap',
    title: 'Merges refused because a cluster is full',
    summary: 'Identity events failed with errManyIDs: the cluster would pass the id cap.',
    severity: 'error',
    rule: 'O-15, LIM-5',
    modes: ['original'],
  },
  {
    id: 'anon-id-not-guid',
    title: 'Anonymous ids that fail the GUID check',
    summary: '$identify failed with errAnonDistinctIdNonGUIDForm: the anonymous id is not GUID-shaped.',
    severity: 'error',
    rule: 'O-8, P-15',
    modes: ['original'],
  },
  {
    id: 'hot-shard',
    title: 'Distinct ids over the hot-shard limit',
    summary: 'More than 200,000 events for one distinct_id on one UTC day; Mixpanel rewrites the rest.',
    severity: 'error',
    rule: 'LIM-4, P-8, Q-13',
    modes: ALL,
  },
  {
    id: 'device-two-users',
    title: 'A device seen with two user ids: reset() not called',
    summary: 'One device id carried two different user ids, so the device was shared without reset().',
    severity: 'warning',
    rule: { simplified: 'S-9, P-1', original: 'P-1, O-7, O-18', legacy: 'P-1, L-5, L-8' },
    modes: ALL,
  },
  {
    id: 'device-users-merged',
    title: 'Two user ids from one device merged into one user',
    summary:
      'Two user ids seen on one device now resolve to the same id: right for one person, lasting harm for two.',
    severity: 'warning',
    rule: { original: 'P-1, O-4, O-14, P-15', legacy: 'P-1, L-2' },
    modes: ['original', 'legacy'],
  },
  {
    id: 'anonymous-handover',
    title: 'Anonymous activity handed to another person',
    summary: 'Anonymous events on a device between two different users are credited to the earlier user.',
    severity: 'warning',
    rule: 'SC-S5, P-1, S-13',
    modes: ALL,
  },
  {
    id: 'identify-without-event',
    title: 'identify() with no event after it',
    summary:
      'A $identify was never followed by an ordinary event carrying both its ids, so nothing was linked.',
    severity: 'warning',
    rule: 'P-3, S-7',
    modes: ['simplified'],
  },
  {
    id: 'special-event-no-effect',
    title: 'Special events that do nothing in this mode',
    summary: '$identify, $create_alias or $merge sent to a mode that ignores them.',
    severity: 'warning',
    rule: { simplified: 'S-8, P-4', legacy: 'L-5' },
    modes: ['simplified', 'legacy'],
  },
  {
    id: 'identity-event-refused',
    title: 'Identity events Mixpanel refused',
    summary: 'Other $identify, $create_alias or $merge events that failed, grouped by failure code.',
    severity: 'warning',
    rule: { original: 'O-7, O-11, O-13, O-16', legacy: 'L-2' },
    modes: ['original', 'legacy'],
  },
  {
    id: 'cluster-near-cap',
    title: 'Clusters close to the id cap',
    summary: 'Clusters holding at least 90% of the cap; the next merges into them will fail.',
    severity: 'warning',
    rule: 'O-15, O-18',
    modes: ['original'],
  },
  {
    id: 'placeholder-like-id',
    title: 'Ids that look like placeholders',
    summary: 'Accepted ids such as "NULL", "None" or "guest" that put many people under one id.',
    severity: 'warning',
    rule: 'LIM-1, Q-12, P-8, P-9',
    modes: ALL,
  },
  {
    id: 'no-usable-identity',
    title: 'Events with no usable identity',
    summary: 'Events the mode can attribute to no one: no distinct_id (or, on Simplified, no id at all).',
    severity: 'warning',
    rule: 'LIM-2, LIM-3',
    modes: ALL,
  },
  {
    id: 'device-id-prefixed',
    title: '$device_id values that already start with $device:',
    summary: 'Mixpanel prefixes every $device_id, so these become "$device:$device:…" unless stripped.',
    severity: 'warning',
    rule: 'Q-8, S-4',
    modes: ['simplified'],
  },
  {
    id: 'identifier-as-device-id',
    title: 'A phone number, email or user id sent as $device_id',
    summary:
      'A real identifier sent as $device_id becomes an anonymous device; sent later as $user_id, a second user.',
    severity: { simplified: 'warning', original: 'info', legacy: 'info' },
    rule: 'P-5, S-4',
    modes: ALL,
  },
  {
    id: 'email-user-id',
    title: 'User ids that look like email addresses',
    summary: 'User ids should be stable database ids; an email changes, and a changed user id is a new user.',
    severity: { simplified: 'warning', original: 'info', legacy: 'info' },
    rule: 'P-2, S-10',
    modes: ALL,
  },
];

const BY_ID = new Map(FINDING_CATALOGUE.map((entry) => [entry.id, entry]));

/** The catalogue entry of a finding id. */
export function catalogueEntry(id: FindingId): CatalogueEntry {
  const entry = BY_ID.get(id);
  if (entry === undefined) throw new RangeError(`no finding "${id}" in the catalogue`);
  return entry;
}

/** The value of a per-mode field in one mode (the first given value where the mode has none of its own). */
export function forMode<T extends string>(value: PerMode<T>, mode: Mode): T {
  if (typeof value === 'string') return value;
  const own = value[mode] ?? Object.values(value).find((v) => v !== undefined);
  if (own === undefined) throw new RangeError('a per-mode catalogue value names no mode');
  return own;
}

/** Rank for sorting: errors first, then catalogue order within a severity. */
export function catalogueRank(id: FindingId): number {
  return FINDING_CATALOGUE.findIndex((entry) => entry.id === id);
}
