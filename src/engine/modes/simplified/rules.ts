// Simplified ID Merge's rules (S-*): a device links to the first user it is seen with; identity events do nothing.
import { NO_ID } from '../../idTable.ts';
import { isDeviceKey } from '../../ids.ts';
import type { ModeRules } from '../modeRules.ts';
import { reason } from '../../reasons.ts';
import { linkReason, rawDevice } from '../../words.ts';
import { SimplifiedKernel } from './kernel.ts';

/** Simplified ID Merge (S-1 … S-16): the default for projects created since 2024. */
export const SIMPLIFIED: ModeRules<'simplified'> = {
  mode: 'simplified',
  label: 'Simplified',
  createKernel: (options, table, listener) => new SimplifiedKernel(options, table, listener),
  // S-7, S-8: $identify, $create_alias and $merge have no special meaning.
  identityEventLinks: () => false,
  // S-12: a device's events resolve to its user whenever they happened.
  retroactive: true,
  // S-16: profiles are keyed by the literal distinct_id.
  profilesFollowMerges: false,
  mergesHideProfiles: false,
  strandsLinkedDeviceProfiles: true,
  readsDeviceAndUserIds: true,
  // G-7: Simplified names only the code.
  failureProperties: (failure) => ({ $identity_failure_reason: failure.code }),
  failurePropertyNames: ['$identity_failure_reason'],
  // Q-1 link order, Q-8 a $device_id already prefixed, Q-12 placeholder matching.
  options: ['linkOrder', 'devicePrefix', 'blockedIdMatch'],
  // under event-time order an earlier-timed pair ingested later takes a device's link over.
  linksSupersede: true,
  // S-9: the user the event's device is linked to, when that is not the event's own user.
  queryTimeRefusal(facts, state) {
    if (facts.kind !== 'event' || facts.isIdentityEvent) return NO_ID;
    if (facts.derivation !== 'user-id' || facts.deviceKey === NO_ID) return NO_ID;
    const linked = state.canonicalNumber(facts.deviceKey);
    return linked === facts.derivedId || linked === facts.deviceKey ? NO_ID : linked;
  },
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
      'no $user_id, $device_id or distinct_id, so the event belongs to no user (resolved distinct_id "").',
    ),
    noEffectRule: 'S-8',
    retroactiveRule: 'S-12',
    canonicalRule: 'S-11',
    officialFailureRule: 'S-9',
    // S-13: moved to the device's user; S-3 / S-2: kept the id it was sent as (distinct_id alone, or the ids).
    resolvedRule: (derivation, moved) =>
      moved ? 'S-13' : derivation.startsWith('distinct-id') ? 'S-3' : 'S-2',
    unlinked: (id) =>
      isDeviceKey(id)
        ? {
            rule: 'S-6',
            text: 'no ordinary event carried this $device_id together with a $user_id, so it was never linked',
          }
        : { rule: 'S-10', text: 'a user id is canonical: it is never merged into another id' },
    // S-10: two user ids never merge; otherwise S-8: the identity events that might have joined them do nothing.
    keptApart: (pieces) => (pieces.filter((piece) => piece.identified).length >= 2 ? 'S-10' : 'S-8'),
    identity(o, record, { view, label, byEvent }) {
      if (record.isIdentityEvent) {
        return [
          reason(
            'no-effect',
            'S-8',
            `${record.name} has no special meaning on Simplified; it links nothing, even when it carries both ids (S-7).`,
          ),
        ];
      }
      if (o.link) return [linkReason(o.link, label)];
      if (o.failure && o.deviceKey !== undefined) {
        const linkedTo = view.canonicalOf(o.deviceKey);
        return [
          reason(
            'refusal',
            'S-9',
            `${label(o.deviceKey)} is already linked to ${label(linkedTo)}${byEvent(o.linkedBy)}; this event stays with ${label(o.derivedId)} and links nothing ($identity_failure_reason = errAnonDistinctIdAssignedAlready).`,
            { ids: [o.deviceKey, linkedTo, o.derivedId], eventIndex: o.linkedBy },
          ),
        ];
      }
      if (o.derivation === 'user-id' && o.deviceKey !== undefined) {
        return [
          reason(
            'no-effect',
            'S-6',
            `${rawDevice(o.deviceKey, label)} is already linked to ${label(o.derivedId)}${byEvent(o.linkedBy)}; repeating the pair changes nothing.`,
            { ids: [o.deviceKey, o.derivedId], eventIndex: o.linkedBy },
          ),
        ];
      }
      if (o.derivation === 'user-id')
        return [reason('no-effect', 'S-14', 'an event with only $user_id links nothing.')];
      return [];
    },
    resolution(o, { label, byEvent }) {
      const resolved = label(o.resolvedId ?? '');
      const ids = [o.derivedId, o.resolvedId ?? ''];
      if (o.derivation !== 'device-id' && o.derivation !== 'distinct-id-device')
        return reason('resolution', 'S-11', `the canonical id is the user id, ${resolved}.`, { ids });
      return o.resolvedId === o.derivedId
        ? reason(
            'resolution',
            'S-12',
            `${label(o.derivedId)} is not linked to a user (yet), so the event resolves to ${resolved}.`,
            { ids },
          )
        : reason(
            'resolution',
            'S-12',
            `${label(o.derivedId)} is linked to ${resolved}${byEvent(o.linkedBy)}, so this event resolves to ${resolved}, whenever it happened.`,
            { ids, eventIndex: o.linkedBy },
          );
    },
  },
};
