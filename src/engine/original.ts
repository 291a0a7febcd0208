// Original ID Merge: union-find over distinct_ids, merged only by $identify, $create_alias and $merge (O-1..O-15).
import { CANONICAL_STRATEGY, type CanonicalStrategy, type ClusterSummary } from './canonical.ts';
import type { EventFacts } from './facts.ts';
import { engineFailure, manyIdsFailure, mixpanelFailure } from './failures.ts';
import { isDeviceKey, passesGuidCheck } from './ids.ts';
import type { AppliedIdentity, DerivedIdentity, IdentityKernel, KernelListener, SeenIds } from './kernel.ts';
import { canonicalFirst } from './simplified.ts';
import type { Cluster, ClusterMember, Failure, ResolveOptions } from './types.ts';

const FOUNDER = -1;

export class OriginalKernel implements IdentityKernel {
  private readonly nodeOf = new Map<string, number>();
  private readonly idOf: string[] = [];
  private readonly parent: number[] = [];
  /** Per root: number of ids in the cluster. */
  private readonly size: number[] = [];
  /** Per root: the node whose id is canonical. */
  private readonly canonicalNode: number[] = [];
  /** Per root: the earliest-seen node (nodes are numbered in first-seen order). */
  private readonly firstNode: number[] = [];
  /** Per root: the member that founded the cluster (the one no event brought in). */
  private readonly founder: number[] = [];
  /** Per root: a member was the identified id of a successful $identify. */
  private readonly identified: boolean[] = [];
  /** Per node: the event that brought it into its cluster, or FOUNDER. */
  private readonly joinedBy: number[] = [];
  /** Per root, only when someone listens: the members, so a merge can say whose canonical id changed. */
  private readonly members: number[][] = [];
  /** O-11: alias values already used. */
  private readonly aliasValues = new Set<string>();
  private readonly strategy: CanonicalStrategy;

  constructor(
    private readonly options: ResolveOptions,
    private readonly seen: SeenIds,
    private readonly listener: KernelListener,
  ) {
    this.strategy = CANONICAL_STRATEGY[options.canonical];
  }

  derive(facts: EventFacts): DerivedIdentity {
    const sent = facts.distinctId === '' ? undefined : facts.distinctId;
    // $identify belongs to its identified id; $merge to its distinct_id, else its first id.
    if (facts.name === '$identify' && facts.identifiedId !== undefined) {
      return {
        id: facts.identifiedId,
        derivation: sent === facts.identifiedId ? 'distinct-id' : 'identified-id',
        deviceKey: undefined,
      };
    }
    if (sent !== undefined) return { id: sent, derivation: 'distinct-id', deviceKey: undefined };
    if (facts.name === '$merge' && facts.mergeIds !== undefined) {
      return { id: facts.mergeIds[0], derivation: 'merge-first-id', deviceKey: undefined };
    }
    return { id: '', derivation: 'none', deviceKey: undefined };
  }

  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity {
    if (derived.id !== '') this.nodeFor(derived.id, index);
    switch (facts.name) {
      case '$identify':
        return this.identify(facts, index);
      case '$create_alias':
        return this.createAlias(facts, index);
      case '$merge':
        return this.merge(facts, index);
      default:
        return {};
    }
  }

  /** O-7: the checks in order; the first failure stops the merge. */
  private identify(facts: EventFacts, index: number): AppliedIdentity {
    const { anonId: anon, identifiedId: identified } = facts;
    if (identified === undefined) return { failure: engineFailure('missingIdentifiedId') };
    if (anon === undefined) return { failure: engineFailure('missingAnonId') };
    const anonNode = this.nodeFor(anon, index);
    const identifiedNode = this.nodeFor(identified, index);
    if (anon === identified) return { failure: mixpanelFailure('errSameIDs', anon) };
    if (!passesGuidCheck(anon, this.options.guidCheck)) {
      return { failure: mixpanelFailure('errAnonDistinctIdNonGUIDForm', anon) };
    }
    const anonRoot = this.find(anonNode);
    if (this.identified[anonRoot])
      return { failure: mixpanelFailure('errAnonDistinctIdAssignedAlready', anon) };
    const failure = this.unite(anonNode, identifiedNode, index);
    if (failure) return { failure };
    this.identified[this.find(identifiedNode)] = true;
    return { link: { eventIndex: index, kind: 'identify', from: anon, to: identified, rule: 'O-7' } };
  }

  /** O-11: no GUID check and no "already identified" check; an alias value can be used once. */
  private createAlias(facts: EventFacts, index: number): AppliedIdentity {
    const { alias } = facts;
    const target = facts.distinctId === '' ? undefined : facts.distinctId;
    if (alias === undefined || target === undefined) {
      return { failure: engineFailure('missingAlias', 'it needs both alias and distinct_id') };
    }
    const aliasNode = this.nodeFor(alias, index);
    const targetNode = this.nodeFor(target, index);
    if (alias === target) return { failure: engineFailure('aliasEqualsDistinctId') };
    if (this.aliasValues.has(alias)) return { failure: mixpanelFailure('errAliasAlreadyExists', alias) };
    const failure = this.unite(targetNode, aliasNode, index);
    if (failure) return { failure };
    this.aliasValues.add(alias);
    return { link: { eventIndex: index, kind: 'alias', from: alias, to: target, rule: 'O-11' } };
  }

  /** O-13, O-14: import only; any two clusters, checked only against the cap. */
  private merge(facts: EventFacts, index: number): AppliedIdentity {
    if (facts.channel !== 'import') return { failure: engineFailure('mergeNotImported') };
    const ids = facts.mergeIds;
    if (ids === undefined) return { failure: engineFailure('malformedMerge') };
    const [first, second] = ids;
    const firstNode = this.nodeFor(first, index);
    const secondNode = this.nodeFor(second, index);
    if (first === second) return {};
    const failure = this.unite(firstNode, secondNode, index);
    if (failure) return { failure };
    return { link: { eventIndex: index, kind: 'merge', from: second, to: first, rule: 'O-14' } };
  }

  /** Merges two clusters unless the result would pass the cap (O-15, Q-2). */
  private unite(a: number, b: number, index: number): Failure | undefined {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return undefined;
    const merged = (this.size[rootA] ?? 0) + (this.size[rootB] ?? 0);
    if (merged > this.options.clusterLimit) return manyIdsFailure(merged, this.options.clusterLimit);
    const keepA = this.strategy(this.summary(rootA), this.summary(rootB));
    const [winner, loser] = keepA ? [rootA, rootB] : [rootB, rootA];
    this.joinedBy[this.founder[loser] ?? loser] = index;
    const from = this.canonicalId(loser);
    const ids = this.listener.wantsMembers
      ? (this.members[loser] ?? [loser]).map((n) => this.idOf[n] ?? '')
      : [];
    this.link(winner, loser, merged);
    this.listener.retarget(from, this.canonicalId(winner), index, ids);
    return undefined;
  }

  private summary(root: number): ClusterSummary {
    return {
      canonical: this.canonicalId(root),
      size: this.size[root] ?? 1,
      firstSeenRank: this.firstNode[root] ?? root,
    };
  }

  /** Union by size for the tree; the strategy's winner supplies canonical id, founder and first-seen rank. */
  private link(winner: number, loser: number, mergedSize: number): void {
    const [parent, child] =
      (this.size[winner] ?? 0) >= (this.size[loser] ?? 0) ? [winner, loser] : [loser, winner];
    this.parent[child] = parent;
    this.size[parent] = mergedSize;
    this.canonicalNode[parent] = this.canonicalNode[winner] ?? winner;
    this.founder[parent] = this.founder[winner] ?? winner;
    this.firstNode[parent] = Math.min(this.firstNode[winner] ?? winner, this.firstNode[loser] ?? loser);
    this.identified[parent] = (this.identified[winner] ?? false) || (this.identified[loser] ?? false);
    if (this.listener.wantsMembers) {
      const big = this.members[parent] ?? [parent];
      for (const node of this.members[child] ?? [child]) big.push(node);
      this.members[parent] = big;
      this.members[child] = [];
    }
  }

  private canonicalId(root: number): string {
    return this.idOf[this.canonicalNode[root] ?? root] ?? '';
  }

  private nodeFor(id: string, index: number): number {
    let node = this.nodeOf.get(id);
    if (node === undefined) {
      node = this.idOf.length;
      this.nodeOf.set(id, node);
      this.idOf.push(id);
      this.parent.push(node);
      this.size.push(1);
      this.canonicalNode.push(node);
      this.firstNode.push(node);
      this.founder.push(node);
      this.identified.push(false);
      this.joinedBy.push(FOUNDER);
      if (this.listener.wantsMembers) this.members[node] = [node];
      this.seen.see(id, index);
    }
    return node;
  }

  private find(node: number): number {
    let current = node;
    for (;;) {
      const parent = this.parent[current] ?? current;
      if (parent === current) return current;
      const grandparent = this.parent[parent] ?? parent;
      this.parent[current] = grandparent; // path halving
      current = grandparent;
    }
  }

  resolveDerived(derived: string): string {
    const node = this.nodeOf.get(derived);
    if (node === undefined) return derived;
    return this.canonicalId(this.find(node));
  }

  clusters(seen: SeenIds): Cluster[] {
    const byRoot = new Map<number, ClusterMember[]>();
    for (let node = 0; node < this.idOf.length; node++) {
      const id = this.idOf[node] ?? '';
      const root = this.find(node);
      const joined = this.joinedBy[node] ?? FOUNDER;
      const member: ClusterMember = {
        id,
        isDevice: isDeviceKey(id),
        joinedBy: joined === FOUNDER ? undefined : joined,
        firstSeen: seen.firstSeen.get(id) ?? 0,
      };
      const list = byRoot.get(root);
      if (list === undefined) byRoot.set(root, [member]);
      else list.push(member);
    }
    return [...byRoot].map(([root, members]) => {
      const canonical = this.canonicalId(root);
      return { canonical, members: canonicalFirst(members, canonical) };
    });
  }
}
