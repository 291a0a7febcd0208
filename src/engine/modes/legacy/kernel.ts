// Legacy ID management: an alias table read at ingestion; each alias points at one id, and nothing is retroactive (L-1..L-3).
import type { EventFacts } from '../../facts.ts';
import { engineFailure } from '../../failures.ts';
import { Int32Column } from '../../columnArrays.ts';
import { NO_ID, type IdTable } from '../../idTable.ts';
import {
  DerivedSlot,
  type AppliedIdentity,
  type DerivedIdentity,
  type IdentityKernel,
  type KernelListener,
} from '../../kernel.ts';

/** Legacy (L-1 … L-5): an alias table applied at ingestion; ids are frozen once stored (L-3). */
export class LegacyKernel implements IdentityKernel {
  /** alias id → the id it points at (L-1), or NO_ID. */
  private readonly target = new Int32Column(NO_ID);
  /** alias id → the $create_alias event that made it, or NO_ID. */
  private readonly aliasEvent = new Int32Column(NO_ID);
  /** id → the aliases pointing straight at it, to find whose resolution an alias changes. */
  private readonly aliasedBy = new Map<number, number[]>();
  private readonly derived = new DerivedSlot();
  private readonly frozen = { frozenId: NO_ID };

  constructor(
    private readonly table: IdTable,
    private readonly listener: KernelListener,
  ) {}

  derive(facts: EventFacts): DerivedIdentity {
    const sent = facts.distinctId;
    if (sent === undefined || sent === '') return this.derived.set(NO_ID, 'none', NO_ID);
    return this.derived.set(this.table.intern(sent, facts.distinctIdNumber), 'distinct-id', NO_ID);
  }

  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity {
    // L-3: the id is frozen now, before this event's own alias (if any) takes effect.
    const frozenId = this.resolve(derived.id);
    if (facts.name !== '$create_alias') {
      this.frozen.frozenId = frozenId; // one object for every ordinary event: the ledger reads it before the next
      return this.frozen;
    }
    return { frozenId, ...this.createAlias(facts, index) };
  }

  /** L-2: one target per alias, many aliases per id, chains allowed; loops refused (DECISIONS.md). */
  private createAlias(facts: EventFacts, index: number): AppliedIdentity {
    const aliasText = facts.alias;
    const targetText = facts.distinctId === '' ? undefined : facts.distinctId;
    if (aliasText === undefined || targetText === undefined) {
      return { failure: engineFailure('missingAlias', 'it needs both alias and distinct_id') };
    }
    const alias = this.table.intern(aliasText);
    const target = this.table.intern(targetText);
    this.table.see(alias, index);
    if (alias === target) return { failure: engineFailure('aliasEqualsDistinctId') };
    const existing = this.target.get(alias);
    if (existing !== NO_ID) {
      return {
        failure: engineFailure('aliasAlreadyMapped', `${aliasText} → ${this.table.textOf(existing)}`),
      };
    }
    const root = this.resolve(target);
    if (root === alias)
      return { failure: engineFailure('aliasLoop', `${targetText} already resolves to ${aliasText}`) };
    this.target.set(alias, target);
    this.aliasEvent.set(alias, index);
    const siblings = this.aliasedBy.get(target);
    if (siblings === undefined) this.aliasedBy.set(target, [alias]);
    else siblings.push(alias);
    this.listener.retarget(alias, root, index, this.listener.wantsMembers ? this.aliasTree(alias) : []);
    return {
      linkFrom: alias,
      link: {
        eventIndex: index,
        kind: 'legacy-alias',
        from: this.table.textOf(alias),
        to: this.table.textOf(target),
        rule: 'L-1',
      },
    };
  }

  /** The id and every id that resolves through it. */
  private aliasTree(id: number): number[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i++) {
      for (const child of this.aliasedBy.get(ids[i] ?? NO_ID) ?? []) ids.push(child);
    }
    return ids;
  }

  /** follows the alias table transitively; loops cannot exist, since createAlias refuses them. */
  resolve(id: number): number {
    let current = id;
    for (let next = this.target.get(current); next !== NO_ID; next = this.target.get(current)) current = next;
    return current;
  }

  joinedBy(id: number): number {
    return this.aliasEvent.get(id);
  }
}
