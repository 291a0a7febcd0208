// Legacy alias rules (L-*): an alias table read at ingestion; nothing is ever re-attributed.
import type { ModeRules } from '../modeRules.ts';
import { failureReasonAndDescription, linkReason, refusalReason } from '../../words.ts';
import { LegacyKernel } from './kernel.ts';

/** Legacy (ID Merge disabled, L-1 … L-5): `$create_alias` maps an alias to an id, applied as data arrives. */
export const LEGACY: ModeRules<'legacy'> = {
  mode: 'legacy',
  label: 'Legacy',
  createKernel: (_options, table, listener) => new LegacyKernel(table, listener),
  // L-1, L-5: only $create_alias does anything server-side.
  identityEventLinks: (name) => name === '$create_alias',
  // L-3: an event's id is frozen when it is ingested.
  retroactive: false,
  profilesFollowMerges: true,
  mergesHideProfiles: false,
  strandsLinkedDeviceProfiles: false,
  // O-1 / L-1: only distinct_id counts.
  readsDeviceAndUserIds: false,
  failureProperties: failureReasonAndDescription,
  linksSupersede: false,
  words: {
    distinctId: (id) => `L-1: the event was sent with distinct_id ${id}.`,
    noIdentity:
      'LIM-2, LIM-3: no distinct_id (O-1: only distinct_id counts here), so the event belongs to no user.',
    noEffectRule: 'L-5',
    retroactiveRule: 'L-3',
    identity(o, record, { label }) {
      const lines: string[] = [];
      if (record.isIdentityEvent && record.name !== '$create_alias') {
        lines.push(
          `L-5: ${record.name} does nothing server-side when ID Merge is disabled; identify only changes the id a device sends.`,
        );
      }
      if (o.link) lines.push(linkReason(o.link, label));
      if (o.failure) lines.push(refusalReason(o.failure));
      return lines;
    },
    resolution(o, { label }) {
      const resolved = label(o.resolvedId ?? '');
      return o.resolvedId === o.derivedId
        ? `L-3: no alias applied when it was ingested, so it is stored as ${resolved} for good.`
        : `L-1, L-3: ${label(o.derivedId)} was an alias when the event arrived, so it is stored as ${resolved}, frozen at ingestion.`;
    },
  },
};
