// Simplified ID Merge: a `$device:` key links to at most one user id, the first time the pair is seen (S-6, S-9).
import type { EventFacts } from '../../facts.ts';
import { DEVICE_PREFIX } from '../../ids.ts';
import { Float64Column, Int32Column } from '../../columnArrays.ts';
import { NO_ID, type IdTable } from '../../idTable.ts';
import {
  DerivedSlot,
  NOTHING_APPLIED,
  type AppliedIdentity,
  type DerivedIdentity,
  type IdentityKernel,
  type KernelListener,
} from '../../kernel.ts';
import type { ResolveOptions } from '../../types.ts';

/** Simplified ID Merge (S-1 … S-16): a device key links to the first user it is seen with (S-6, S-9). */
export class SimplifiedKernel implements IdentityKernel {
  /** device key id → the user id it is linked to (NO_ID when unlinked). */
  private readonly linkedUser = new Int32Column(NO_ID);
  /** device key id → the event that made its link. */
  private readonly linkEvent = new Int32Column(NO_ID);
  /** device key id → the time that ranks its link, under event-time order. */
  private readonly linkTime = new Float64Column();
  private readonly derived = new DerivedSlot();

  constructor(
    private readonly options: ResolveOptions,
    private readonly table: IdTable,
    private readonly listener: KernelListener,
  ) {}

  derive(facts: EventFacts): DerivedIdentity {
    const { derived, table } = this;
    const deviceKey =
      facts.deviceId === undefined ? NO_ID : this.deviceKeyOf(facts.deviceId, facts.deviceIdNumber);
    if (facts.userId !== undefined)
      return derived.set(table.intern(facts.userId, facts.userIdNumber), 'user-id', deviceKey);
    if (deviceKey !== NO_ID) return derived.set(deviceKey, 'device-id', deviceKey);
    const sent = facts.distinctId;
    if (sent === undefined || sent === '') return derived.set(NO_ID, 'none', NO_ID);
    // S-3: a lone distinct_id is a device when prefixed, else a user id.
    const id = table.intern(sent, facts.distinctIdNumber);
    return table.isDevice(id)
      ? derived.set(id, 'distinct-id-device', id)
      : derived.set(id, 'distinct-id-user', NO_ID);
  }

  /** S-4: any `$device_id` is stored with the prefix; Q-8 decides what happens to one that already has it. */
  private deviceKeyOf(deviceId: string, number: number): number {
    if (this.options.devicePrefix === 'strip' && deviceId.startsWith(DEVICE_PREFIX))
      return this.table.intern(deviceId, number);
    return this.table.internDevice(deviceId, number);
  }

  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity {
    // S-7, S-8: identity events never link, even when they carry both ids.
    if (facts.isIdentityEvent || derived.derivation !== 'user-id' || derived.deviceKey === NO_ID)
      return NOTHING_APPLIED;
    const device = derived.deviceKey;
    const user = derived.id;
    const current = this.linkedUser.get(device);
    const time = this.options.linkOrder === 'event-time' ? (facts.time ?? Number.POSITIVE_INFINITY) : index;
    // S-6: the first pair links. Under event-time order an earlier-timed pair ingested later takes over.
    const takesLink =
      current === NO_ID || (this.options.linkOrder === 'event-time' && time < this.linkTime.get(device));
    // S-6: a repeated pair is a no-op. S-9: a different user is refused; the view reports it at query time,
    // because under event-time order the link can still change after this event.
    if (!takesLink) return NOTHING_APPLIED;
    this.linkedUser.set(device, user);
    this.linkEvent.set(device, index);
    this.linkTime.set(device, time);
    const from = current === NO_ID ? device : current;
    if (from !== user) this.listener.retarget(from, user, index, [device]);
    return {
      linkFrom: device,
      link: {
        eventIndex: index,
        kind: 'device-link',
        from: this.table.textOf(device),
        to: this.table.textOf(user),
        rule: 'S-6',
      },
    };
  }

  resolve(id: number): number {
    const user = this.linkedUser.get(id);
    return user === NO_ID ? id : user;
  }

  joinedBy(id: number): number {
    return this.linkedUser.get(id) === NO_ID ? NO_ID : this.linkEvent.get(id);
  }
}
