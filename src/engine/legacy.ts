// Legacy ID management: an alias table read at ingestion; each alias points at one id, and nothing is retroactive (L-1..L-3).
import type { EventFacts } from './facts.ts';
import { engineFailure } from './failures.ts';
import { isDeviceKey } from './ids.ts';
import type { AppliedIdentity, DerivedIdentity, IdentityKernel, KernelListener, SeenIds } from './kernel.ts';
import { canonicalFirst } from './simplified.ts';
import type { Cluster, ClusterMember } from './types.ts';

interface AliasEntry {
  readonly target: string;
  readonly eventIndex: number;
}

export class LegacyKernel implements IdentityKernel {
  /** alias → the id it points at (L-1). */
  private readonly aliases = new Map<string, AliasEntry>();
  /** id → the aliases pointing straight at it, to find whose resolution an alias changes. */
  private readonly aliasedBy = new Map<string, string[]>();

  constructor(
    private readonly seen: SeenIds,
    private readonly listener: KernelListener,
  ) {}

  derive(facts: EventFacts): DerivedIdentity {
    const sent = facts.distinctId;
    if (sent === undefined || sent === '') return { id: '', derivation: 'none', deviceKey: undefined };
    return { id: sent, derivation: 'distinct-id', deviceKey: undefined };
  }

  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity {
    // L-3: the id is frozen now, before this event's own alias (if any) takes effect.
    const frozenId = this.follow(derived.id);
    if (facts.name !== '$create_alias') return { frozenId };
    return { frozenId, ...this.createAlias(facts, index) };
  }

  /** L-2: one target per alias, many aliases per id, chains allowed; loops refused (DECISIONS.md). */
  private createAlias(facts: EventFacts, index: number): AppliedIdentity {
    const { alias } = facts;
    const target = facts.distinctId === '' ? undefined : facts.distinctId;
    if (alias === undefined || target === undefined) {
      return { failure: engineFailure('missingAlias', 'it needs both alias and distinct_id') };
    }
    this.seen.see(alias, index);
    if (alias === target) return { failure: engineFailure('aliasEqualsDistinctId') };
    const existing = this.aliases.get(alias);
    if (existing !== undefined)
      return { failure: engineFailure('aliasAlreadyMapped', `${alias} → ${existing.target}`) };
    const root = this.follow(target);
    if (root === alias)
      return { failure: engineFailure('aliasLoop', `${target} already resolves to ${alias}`) };
    this.aliases.set(alias, { target, eventIndex: index });
    const siblings = this.aliasedBy.get(target);
    if (siblings === undefined) this.aliasedBy.set(target, [alias]);
    else siblings.push(alias);
    this.listener.retarget(alias, root, index, this.listener.wantsMembers ? this.aliasTree(alias) : [alias]);
    return { link: { eventIndex: index, kind: 'legacy-alias', from: alias, to: target, rule: 'L-1' } };
  }

  /** The id and every id that resolves through it. */
  private aliasTree(id: string): string[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i++) {
      for (const child of this.aliasedBy.get(ids[i] ?? '') ?? []) ids.push(child);
    }
    return ids;
  }

  /** follows the alias table transitively; loops cannot exist, since createAlias refuses them. */
  follow(id: string): string {
    let current = id;
    for (let entry = this.aliases.get(current); entry !== undefined; entry = this.aliases.get(current)) {
      current = entry.target;
    }
    return current;
  }

  resolveDerived(derived: string): string {
    return this.follow(derived);
  }

  clusters(seen: SeenIds): Cluster[] {
    const byRoot = new Map<string, ClusterMember[]>();
    for (const [id, firstSeen] of seen.firstSeen) {
      const root = this.follow(id);
      const member: ClusterMember = {
        id,
        isDevice: isDeviceKey(id),
        joinedBy: this.aliases.get(id)?.eventIndex,
        firstSeen,
      };
      const list = byRoot.get(root);
      if (list === undefined) byRoot.set(root, [member]);
      else list.push(member);
    }
    return [...byRoot].map(([canonical, members]) => ({
      canonical,
      members: canonicalFirst(members, canonical),
    }));
  }
}
