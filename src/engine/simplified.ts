// Simplified ID Merge: a `$device:` key links to at most one user id, the first time the pair is seen (S-6, S-9).
import type { EventFacts } from './facts.ts';
import { DEVICE_PREFIX, isDeviceKey } from './ids.ts';
import type { AppliedIdentity, DerivedIdentity, IdentityKernel, KernelListener, SeenIds } from './kernel.ts';
import type { Cluster, ClusterMember, Link, ResolveOptions } from './types.ts';

interface DeviceLink {
  readonly user: string;
  readonly eventIndex: number;
  /** Event time, used only when links are ordered by event time. */
  readonly time: number;
}

export class SimplifiedKernel implements IdentityKernel {
  /** `$device:D` → the user it is linked to. */
  private readonly deviceLinks = new Map<string, DeviceLink>();

  constructor(
    private readonly options: ResolveOptions,
    private readonly listener: KernelListener,
  ) {}

  derive(facts: EventFacts): DerivedIdentity {
    const deviceKey = facts.deviceId === undefined ? undefined : this.deviceKeyOf(facts.deviceId);
    if (facts.userId !== undefined) return { id: facts.userId, derivation: 'user-id', deviceKey };
    if (deviceKey !== undefined) return { id: deviceKey, derivation: 'device-id', deviceKey };
    const sent = facts.distinctId;
    if (sent === undefined || sent === '') return { id: '', derivation: 'none', deviceKey: undefined };
    // S-3: a lone distinct_id is a device when prefixed, else a user id.
    return isDeviceKey(sent)
      ? { id: sent, derivation: 'distinct-id-device', deviceKey: sent }
      : { id: sent, derivation: 'distinct-id-user', deviceKey: undefined };
  }

  /** S-4: any `$device_id` is stored with the prefix; Q-8 decides what happens to one that already has it. */
  private deviceKeyOf(deviceId: string): string {
    if (this.options.devicePrefix === 'strip' && isDeviceKey(deviceId)) return deviceId;
    return DEVICE_PREFIX + deviceId;
  }

  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity {
    // S-7, S-8: identity events never link, even when they carry both ids.
    if (facts.isIdentityEvent || derived.derivation !== 'user-id' || derived.deviceKey === undefined)
      return {};
    const deviceKey = derived.deviceKey;
    const candidate: DeviceLink = { user: derived.id, eventIndex: index, time: this.linkTime(facts, index) };
    const current = this.deviceLinks.get(deviceKey);
    if (current === undefined || this.precedes(candidate, current)) {
      this.deviceLinks.set(deviceKey, candidate);
      const from = current?.user ?? deviceKey;
      if (from !== candidate.user) this.listener.retarget(from, candidate.user, index, [deviceKey]);
      return { link: linkOf(deviceKey, candidate) };
    }
    // S-6: a repeated pair is a no-op. S-9: a different user is refused; the ledger reports it at query time,
    // because under event-time order a later-ingested but earlier-timed pair can still take the link.
    return {};
  }

  private linkTime(facts: EventFacts, index: number): number {
    return this.options.linkOrder === 'event-time' ? (facts.time ?? Number.POSITIVE_INFINITY) : index;
  }

  private precedes(candidate: DeviceLink, current: DeviceLink): boolean {
    if (this.options.linkOrder === 'ingestion') return false;
    return candidate.time < current.time;
  }

  /** The user a device key is linked to now, if any. */
  linkOf(deviceKey: string): DeviceLink | undefined {
    return this.deviceLinks.get(deviceKey);
  }

  resolveDerived(derived: string, isDevice: boolean): string {
    return isDevice ? (this.deviceLinks.get(derived)?.user ?? derived) : derived;
  }

  clusters(seen: SeenIds): Cluster[] {
    const byCanonical = new Map<string, ClusterMember[]>();
    for (const [id, firstSeen] of seen.firstSeen) {
      const link = this.deviceLinks.get(id);
      const canonical = link?.user ?? id;
      const member: ClusterMember = {
        id,
        isDevice: isDeviceKey(id),
        joinedBy: link?.eventIndex,
        firstSeen,
      };
      const members = byCanonical.get(canonical);
      if (members === undefined) byCanonical.set(canonical, [member]);
      else members.push(member);
    }
    return [...byCanonical].map(([canonical, members]) => ({
      canonical,
      members: canonicalFirst(members, canonical),
    }));
  }
}

function linkOf(deviceKey: string, link: DeviceLink): Link {
  return { eventIndex: link.eventIndex, kind: 'device-link', from: deviceKey, to: link.user, rule: 'S-6' };
}

export function canonicalFirst(members: ClusterMember[], canonical: string): ClusterMember[] {
  return members.sort((a, b) =>
    a.id === canonical ? -1 : b.id === canonical ? 1 : a.firstSeen - b.firstSeen,
  );
}
