// Legacy alias rules (L-*): an alias table read at ingestion; nothing is ever re-attributed.
import type { ModeRules } from '../modeRules.ts';
import { reason, type Reason } from '../../reasons.ts';
import {
  failureReasonAndDescription,
  linkReason,
  REASON_AND_DESCRIPTION,
  refusalReason,
} from '../../words.ts';
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
  failurePropertyNames: REASON_AND_DESCRIPTION,
  // Q-12 placeholder matching: no other option reaches the alias table.
  options: ['blockedIdMatch'],
  linksSupersede: false,
  words: {
    distinctId: (id) => reason('derivation', 'L-1', `the event was sent with distinct_id ${id}.`),
    noIdentity: reason(
      'derivation',
      ['LIM-2', 'LIM-3'],
      'no distinct_id (O-1: only distinct_id counts here), so the event belongs to no user.',
    ),
    noEffectRule: 'L-5',
    retroactiveRule: 'L-3',
    canonicalRule: 'L-1',
    // Legacy writes Original's failure properties (G-7); its own refusals (L-2) are not codes Mixpanel reports.
    officialFailureRule: 'O-16',
    // G-1: stored as sent; L-1: an alias is stored as the id it points at.
    resolvedRule: (_derivation, moved) => (moved ? 'L-1' : 'G-1'),
    unlinked: () => ({
      rule: 'L-1',
      text: 'no $create_alias made this id an alias (and Legacy never merges otherwise)',
    }),
    // L-5: nothing aliased them (identify is client-only); L-4: one piece stayed an orphaned anonymous history;
    // L-3: the alias came too late for the events already stored.
    keptApart(pieces) {
      if (pieces.every((piece) => !piece.linked)) return 'L-5';
      return pieces.some((piece) => !piece.identified) ? 'L-4' : 'L-3';
    },
    identity(o, record, { label }) {
      const lines: Reason[] = [];
      if (record.isIdentityEvent && record.name !== '$create_alias') {
        lines.push(
          reason(
            'no-effect',
            'L-5',
            `${record.name} does nothing server-side when ID Merge is disabled; identify only changes the id a device sends.`,
          ),
        );
      }
      if (o.link) lines.push(linkReason(o.link, label));
      if (o.failure) lines.push(refusalReason(o.failure));
      return lines;
    },
    resolution(o, { label }) {
      const resolved = label(o.resolvedId ?? '');
      const ids = [o.derivedId, o.resolvedId ?? ''];
      return o.resolvedId === o.derivedId
        ? reason(
            'resolution',
            'L-3',
            `no alias applied when it was ingested, so it is stored as ${resolved} for good.`,
            { ids },
          )
        : reason(
            'resolution',
            ['L-1', 'L-3'],
            `${label(o.derivedId)} was an alias when the event arrived, so it is stored as ${resolved}, frozen at ingestion.`,
            { ids },
          );
    },
  },
};
