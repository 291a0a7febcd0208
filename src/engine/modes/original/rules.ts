// Original ID Merge's rules (O-*): identity events merge clusters, retroactively, under checks and a cap.
import type { ModeRules } from '../modeRules.ts';
import { reason, type Reason } from '../../reasons.ts';
import {
  failureReasonAndDescription,
  linkReason,
  REASON_AND_DESCRIPTION,
  refusalReason,
} from '../../words.ts';
import { CANONICAL_STRATEGY_TEXT } from './canonical.ts';
import { OriginalKernel } from './kernel.ts';

/** Original ID Merge (O-1 … O-17): clusters of up to 500 ids joined by `$identify`, `$create_alias`, `$merge`. */
export const ORIGINAL: ModeRules<'original'> = {
  mode: 'original',
  label: 'Original',
  createKernel: (options, table, listener) => new OriginalKernel(options, table, listener),
  // O-6, O-10, O-13: each identity event asks for a merge.
  identityEventLinks: () => true,
  // O-5: a merge re-attributes the merged cluster's earlier events.
  retroactive: true,
  // O-17: an update lands on the id its distinct_id resolves to; a merge hides the other profile.
  profilesFollowMerges: true,
  mergesHideProfiles: true,
  strandsLinkedDeviceProfiles: false,
  // O-1 / L-1: only distinct_id counts.
  readsDeviceAndUserIds: false,
  failureProperties: failureReasonAndDescription,
  failurePropertyNames: REASON_AND_DESCRIPTION,
  // Q-2 cluster limit, Q-3 GUID check, Q-5 canonical strategy, Q-12 placeholder matching.
  options: ['clusterLimit', 'guidCheck', 'canonical', 'blockedIdMatch'],
  linksSupersede: false,
  words: {
    distinctId: (id) =>
      reason(
        'derivation',
        'O-1',
        `identity comes only from distinct_id (${id}); $device_id and $user_id are ignored on Original.`,
      ),
    noIdentity: reason(
      'derivation',
      ['LIM-2', 'LIM-3'],
      'no distinct_id (O-1: only distinct_id counts here), so the event belongs to no user.',
    ),
    noEffectRule: 'O-6',
    retroactiveRule: 'O-5',
    canonicalRule: 'Q-5',
    officialFailureRule: 'O-16',
    // O-2: an id in no cluster resolves to itself; O-3: a cluster's events resolve to its canonical id.
    resolvedRule: (_derivation, moved) => (moved ? 'O-2, O-3' : 'O-2'),
    unlinked: () => ({
      rule: 'O-1',
      text: 'no $identify, $create_alias or $merge joined this id to another',
    }),
    // O-1: only identity events join ids, and none joined these.
    keptApart: () => 'O-1',
    identity(o, _record, { label }) {
      const lines: Reason[] = [];
      if (o.link) lines.push(linkReason(o.link, label));
      if (o.failure) lines.push(refusalReason(o.failure));
      return lines;
    },
    // O-2, O-3: the canonical id is the cluster's, picked by the Q-5 strategy when clusters merged.
    resolution(o, { view, options, label }) {
      const resolved = label(o.resolvedId ?? '');
      const cluster = view.clusters().find((c) => c.canonical === o.resolvedId);
      const size = cluster?.members.length ?? 1;
      const ids = [o.derivedId, o.resolvedId ?? ''];
      return size === 1
        ? reason('resolution', 'O-2', `${resolved} belongs to no cluster, so it resolves to itself.`, { ids })
        : reason(
            'resolution',
            ['O-2', 'O-3'],
            `${label(o.derivedId)} is in a cluster of ${size} ids whose canonical id is ${resolved} (Q-5: ${CANONICAL_STRATEGY_TEXT[options.canonical]}).`,
            { ids },
          );
    },
  },
};
