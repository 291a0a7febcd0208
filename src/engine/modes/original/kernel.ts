// Original ID Merge: union-find over distinct_ids, merged only by $identify, $create_alias and $merge (O-1..O-15).
import { CANONICAL_STRATEGY, type CanonicalStrategy, type ClusterSummary } from './canonical.ts';
import type { EventFacts } from '../../facts.ts';
import { engineFailure, manyIdsFailure, mixpanelFailure } from '../../failures.ts';
import { passesGuidCheck } from '../../ids.ts';
import { Float64Column, Int32Column } from '../../columnArrays.ts';
import { NO_ID, type IdTable } from '../../idTable.ts';

/** Marks per-root state that defaults to the root itself. */
const SELF = -2;
import {
  DerivedSlot,
  NOTHING_APPLIED,
  type AppliedIdentity,
  type DerivedIdentity,
  type IdentityKernel,
  type KernelListener,
} from '../../kernel.ts';
import type { Failure, ResolveOptions } from '../../types.ts';

/** Original ID Merge (O-1 … O-17): union-find clusters merged by identity events, checked by O-7/O-11/O-14 and capped by O-15. */
export class OriginalKernel implements IdentityKernel {
  /** Union-find over id integers; an id never touched is its own singleton cluster (SELF: itself). */
  private readonly parent = new Int32Column(SELF);
  /** Per root: number of ids in the cluster. */
  private readonly size = new Int32Column(1);
  /** Per root: the canonical id (SELF: the root itself). */
  private readonly canonical = new Int32Column(SELF);
  /** Per root: the member that founded the cluster, the one no event brought in (SELF: the root itself). */
  private readonly founder = new Int32Column(SELF);
  /** Per root: the rank of the earliest-seen member, for "ties go to the cluster seen first"; -1 unset. */
  private readonly firstRank = new Float64Column(-1);
  /** Per root: 1 when a member was the identified id of a successful $identify. */
  private readonly identified = new Int32Column(0);
  /** Per id: the event that brought it into its cluster, or NO_ID. */
  private readonly joinedByColumn = new Int32Column(NO_ID);
  /** Per root, only when the listener wants them: the members, so a merge can say whose canonical id changed. */
  private readonly members: number[][] = [];
  /** O-11: ids already used as an alias value. */
  private readonly aliasValues = new Set<number>();
  private readonly strategy: CanonicalStrategy;
  private readonly derived = new DerivedSlot();

  constructor(
    private readonly options: ResolveOptions,
    private readonly table: IdTable,
    private readonly listener: KernelListener,
  ) {
    this.strategy = CANONICAL_STRATEGY[options.canonical];
  }

  derive(facts: EventFacts): DerivedIdentity {
    const sent = facts.distinctId === '' ? undefined : facts.distinctId;
    const { derived, table } = this;
    // $identify belongs to its identified id; $merge to its distinct_id, else its first id.
    if (facts.name === '$identify' && facts.identifiedId !== undefined) {
      const derivation = sent === facts.identifiedId ? 'distinct-id' : 'identified-id';
      return derived.set(table.intern(facts.identifiedId), derivation, NO_ID);
    }
    if (sent !== undefined)
      return derived.set(table.intern(sent, facts.distinctIdNumber), 'distinct-id', NO_ID);
    if (facts.name === '$merge' && facts.mergeIds !== undefined)
      return derived.set(table.intern(facts.mergeIds[0]), 'merge-first-id', NO_ID);
    return derived.set(NO_ID, 'none', NO_ID);
  }

  apply(facts: EventFacts, _derived: DerivedIdentity, index: number): AppliedIdentity {
    switch (facts.name) {
      case '$identify':
        return this.identify(facts, index);
      case '$create_alias':
        return this.createAlias(facts, index);
      case '$merge':
        return this.merge(facts, index);
      default:
        return NOTHING_APPLIED;
    }
  }

  /** Interns an id an identity event names and marks it seen at that event. */
  private touch(text: string, index: number): number {
    const id = this.table.intern(text);
    this.table.see(id, index);
    return id;
  }

  /** O-7: the checks in order; the first failure stops the merge. */
  private identify(facts: EventFacts, index: number): AppliedIdentity {
    const { anonId, identifiedId } = facts;
    if (identifiedId === undefined) return { failure: engineFailure('missingIdentifiedId') };
    if (anonId === undefined) return { failure: engineFailure('missingAnonId') };
    const anon = this.touch(anonId, index);
    const identified = this.touch(identifiedId, index);
    if (anon === identified) return { failure: mixpanelFailure('errSameIDs', anonId) };
    if (!passesGuidCheck(anonId, this.options.guidCheck)) {
      return { failure: mixpanelFailure('errAnonDistinctIdNonGUIDForm', anonId) };
    }
    if (this.identified.get(this.find(anon)) === 1)
      return { failure: mixpanelFailure('errAnonDistinctIdAssignedAlready', anonId) };
    const failure = this.unite(anon, identified, index);
    if (failure) return { failure };
    this.identified.set(this.find(identified), 1);
    return {
      linkFrom: anon,
      link: {
        eventIndex: index,
        kind: 'identify',
        from: this.table.textOf(anon),
        to: this.table.textOf(identified),
        rule: 'O-7',
      },
    };
  }

  /** O-11: no GUID check and no "already identified" check; an alias value can be used once. */
  private createAlias(facts: EventFacts, index: number): AppliedIdentity {
    const aliasText = facts.alias;
    const targetText = facts.distinctId === '' ? undefined : facts.distinctId;
    if (aliasText === undefined || targetText === undefined) {
      return { failure: engineFailure('missingAlias', 'it needs both alias and distinct_id') };
    }
    const alias = this.touch(aliasText, index);
    const target = this.touch(targetText, index);
    if (alias === target) return { failure: engineFailure('aliasEqualsDistinctId') };
    if (this.aliasValues.has(alias)) return { failure: mixpanelFailure('errAliasAlreadyExists', aliasText) };
    const failure = this.unite(target, alias, index);
    if (failure) return { failure };
    this.aliasValues.add(alias);
    return {
      linkFrom: alias,
      link: {
        eventIndex: index,
        kind: 'alias',
        from: this.table.textOf(alias),
        to: this.table.textOf(target),
        rule: 'O-11',
      },
    };
  }

  /** O-13, O-14: import only; any two clusters, checked only against the cap. */
  private merge(facts: EventFacts, index: number): AppliedIdentity {
    if (facts.channel !== 'import') return { failure: engineFailure('mergeNotImported') };
    if (facts.mergeIds === undefined) return { failure: engineFailure('malformedMerge') };
    const [firstText, secondText] = facts.mergeIds;
    const first = this.touch(firstText, index);
    const second = this.touch(secondText, index);
    if (first === second) return NOTHING_APPLIED;
    const failure = this.unite(first, second, index);
    if (failure) return { failure };
    return {
      linkFrom: second,
      link: {
        eventIndex: index,
        kind: 'merge',
        from: this.table.textOf(second),
        to: this.table.textOf(first),
        rule: 'O-14',
      },
    };
  }

  /** Merges two clusters unless the result would pass the cap (O-15, Q-2). */
  private unite(a: number, b: number, index: number): Failure | undefined {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return undefined;
    const merged = this.sizeOf(rootA) + this.sizeOf(rootB);
    if (merged > this.options.clusterLimit) return manyIdsFailure(merged, this.options.clusterLimit);
    const keepA = this.strategy(this.summary(rootA), this.summary(rootB));
    const [winner, loser] = keepA ? [rootA, rootB] : [rootB, rootA];
    this.joinedByColumn.set(this.founderOf(loser), index);
    const from = this.canonicalOf(loser);
    const to = this.canonicalOf(winner);
    // Tell the listener before linking: linking may append to the very members array being reported.
    this.listener.retarget(
      from,
      to,
      index,
      this.listener.wantsMembers ? (this.members[loser] ?? [loser]) : [],
    );
    this.link(winner, loser, merged);
    return undefined;
  }

  private summary(root: number): ClusterSummary {
    const canonical = this.canonicalOf(root);
    return {
      canonical: this.table.textOf(canonical),
      size: this.sizeOf(root),
      firstSeenRank: this.rankOf(root),
    };
  }

  /** "Seen first": the earliest first-seen record among the cluster's members; ties by interning order. */
  private rankOf(root: number): number {
    const rank = this.firstRank.get(root);
    return rank >= 0 ? rank : (this.table.firstSeen[root] ?? 0) * 2 ** 26 + root;
  }

  /** Union by size for the tree; the strategy's winner supplies the canonical id and the founder. */
  private link(winner: number, loser: number, mergedSize: number): void {
    const [parent, child] = this.sizeOf(winner) >= this.sizeOf(loser) ? [winner, loser] : [loser, winner];
    this.parent.set(child, parent);
    this.size.set(parent, mergedSize);
    this.canonical.set(parent, this.canonicalOf(winner));
    this.founder.set(parent, this.founderOf(winner));
    this.firstRank.set(parent, Math.min(this.rankOf(winner), this.rankOf(loser)));
    this.identified.set(parent, this.identified.get(winner) | this.identified.get(loser));
    if (this.listener.wantsMembers) {
      const big = this.members[parent] ?? [parent];
      for (const id of this.members[child] ?? [child]) big.push(id);
      this.members[parent] = big;
      this.members[child] = [];
    }
  }

  private sizeOf(root: number): number {
    return this.size.get(root);
  }

  private canonicalOf(root: number): number {
    const canonical = this.canonical.get(root);
    return canonical === SELF ? root : canonical;
  }

  private founderOf(root: number): number {
    const founder = this.founder.get(root);
    return founder === SELF ? root : founder;
  }

  private parentOf(id: number): number {
    const parent = this.parent.get(id);
    return parent === SELF ? id : parent;
  }

  private find(id: number): number {
    let current = id;
    for (;;) {
      const parent = this.parentOf(current);
      if (parent === current) return current;
      const grandparent = this.parentOf(parent);
      this.parent.set(current, grandparent); // path halving keeps finds near constant time
      current = grandparent;
    }
  }

  resolve(id: number): number {
    return this.canonicalOf(this.find(id));
  }

  joinedBy(id: number): number {
    return this.joinedByColumn.get(id);
  }
}
