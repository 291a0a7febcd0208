// The state after one record, as the view's queries and the exporters read it: where each id and event resolves.
import { deviceAssignedFailure } from './failures.ts';
import { NO_ID } from './idTable.ts';
import type { IdentityLedger } from './ledger.ts';
import type { CanonicalState } from './modes/index.ts';
import type { OutputNumbers, ResolvedOutput } from './outcomes.ts';
import {
  newRecordFacts,
  NOT_AN_EVENT,
  REJECTED_ID,
  type IngestReceipts,
  type RecordFacts,
  type RecordKind,
} from './receipts.ts';
import type { Failure, Mode } from './types.ts';

/** Resolution at one step: live kernel state, or the step log for an earlier prefix. */
export class StepState implements CanonicalState {
  /** `live` follows the ledger as it grows; otherwise the step log answers for the prefix ending at `fixedStep`. */
  constructor(
    protected readonly ledger: IdentityLedger,
    private readonly fixedStep: number,
    protected readonly live: boolean,
  ) {}

  /** The last record this view covers. */
  get step(): number {
    return this.live ? this.ledger.size - 1 : this.fixedStep;
  }

  get mode(): Mode {
    return this.ledger.mode;
  }

  /** The id `id` resolves to at this step: its cluster's canonical id (Legacy: where data sent as it now goes). */
  canonicalOf(id: string): string {
    const known = this.ledger.table.find(id);
    return known === undefined ? id : this.ledger.table.textOf(this.canonical(known));
  }

  protected canonical(id: number): number {
    if (this.live) return this.ledger.kernel.resolve(id);
    return this.ledger.steps?.canonicalAt(id, this.step) ?? id;
  }

  /**
   * Just what an exported event needs — resolved id, `$distinct_id_before_identity`, failure (G-7, O-16) — for the
   * retained record at `index`, without the link lookups of outcome(); undefined when records are not retained.
   */
  output(index: number): ResolvedOutput | undefined {
    const facts = this.ledger.facts(index);
    return facts === undefined ? undefined : this.outputFor(index, facts);
  }

  /** The same for the record whose receipt sits at `at` in `receipts` (the CLI's passes, which retain nothing). */
  outputOf(receipts: IngestReceipts, at: number): ResolvedOutput {
    const facts = receipts.factsAt(at);
    if (facts === undefined) throw new RangeError(`no receipt at ${at}`);
    return this.outputFor(receipts.indexAt(at), facts);
  }

  /**
   * What {@link outputOf} says, as numbers written into `into` (reused by the caller): no text and no object made,
   * for a copy that asks once per event of a million-event file (issue #14). The failure itself, when `failed`,
   * comes from outputOf.
   */
  outputNumbersOf(receipts: IngestReceipts, at: number, into: OutputNumbers): OutputNumbers {
    const facts = receipts.factsAt(at, this.scratchFacts);
    if (facts === undefined) throw new RangeError(`no receipt at ${at}`);
    const resolved = this.resolvedAt(facts);
    const refusedBy = this.refusedLinkUser(facts);
    into.resolved = resolved ?? REJECTED_ID;
    into.beforeIdentity = this.beforeIdentity(facts, resolved, refusedBy);
    into.failed = this.hasFailure(receipts.indexAt(at), refusedBy);
    return into;
  }

  /** The receipt facts outputNumbersOf reads, one object for every call. */
  private readonly scratchFacts = newRecordFacts();

  /** Whether failureOf would name a failure, without building it. */
  private hasFailure(index: number, refusedBy: number): boolean {
    if (this.ledger.rules.queryTimeRefusal === undefined) return this.ledger.failures.has(index);
    return refusedBy !== NO_ID;
  }

  /**
   * The number of the id the receipt's record resolves to at this step (its text: `Resolution.idText(n)`):
   * REJECTED_ID for a rejected event (LIM-1), NO_ID for one with no identity (LIM-2). Costs no allocation.
   */
  resolvedNumber(receipts: IngestReceipts, at: number): number {
    const kind = receipts.kindAt(at);
    const step = this.live ? undefined : this.step;
    return this.resolvedIdOf(kind, receipts.derivedIdAt(at), receipts.frozenIdAt(at), step) ?? REJECTED_ID;
  }

  /** Per retained record, the number of the id it resolves to (REJECTED_ID, NO_ID, or NOT_AN_EVENT for a profile). */
  resolvedNumbers(): Int32Array {
    const receipts = this.ledger.receipts;
    const numbers = new Int32Array(receipts?.count ?? 0);
    if (receipts === undefined) return numbers;
    for (let at = 0; at < numbers.length; at++) {
      numbers[at] = receipts.kindAt(at) === 'profile' ? NOT_AN_EVENT : this.resolvedNumber(receipts, at);
    }
    return numbers;
  }

  /** The record's resolved id as this view sees it: live, or as of its step. */
  private resolvedAt(facts: RecordFacts): number | null {
    return this.resolvedIdOf(facts.kind, facts.derivedId, facts.frozenId, this.live ? undefined : this.step);
  }

  protected outputFor(index: number, facts: RecordFacts): ResolvedOutput {
    const resolved = this.resolvedAt(facts);
    const refusedBy = this.refusedLinkUser(facts);
    return {
      resolved,
      resolvedId: resolved === null ? null : (this.ledger.textOf(resolved) ?? ''),
      distinctIdBeforeIdentity: this.ledger.textOf(this.beforeIdentity(facts, resolved, refusedBy)),
      failure: this.failureOf(index, facts, refusedBy),
    };
  }

  /** The resolved id after record `step` (undefined: live): null when rejected, NO_ID when non-attributable. */
  protected resolvedIdOf(
    kind: RecordKind,
    derivedId: number,
    frozenId: number,
    step: number | undefined,
  ): number | null {
    if (kind === 'rejected') return null;
    if (kind === 'non-attributable') return NO_ID;
    // Profile updates stay on the profile they landed on; Legacy events are frozen at ingestion (L-3).
    if (kind === 'profile' || !this.ledger.rules.retroactive) {
      return frozenId === NO_ID ? derivedId : frozenId;
    }
    if (step === undefined) return this.ledger.kernel.resolve(derivedId);
    return this.ledger.steps?.canonicalAt(derivedId, step) ?? derivedId;
  }

  protected failureOf(index: number, facts: RecordFacts, refusedBy: number): Failure | undefined {
    if (this.ledger.rules.queryTimeRefusal === undefined) return this.ledger.failures.get(index)?.failure;
    if (refusedBy === NO_ID) return undefined;
    return deviceAssignedFailure(
      this.ledger.table.textOf(facts.deviceKey),
      this.ledger.table.textOf(refusedBy),
    );
  }

  /** S-9 and the like: the user that refuses the event's link at this step (modes that judge at query time); else NO_ID. */
  protected refusedLinkUser(facts: RecordFacts): number {
    return this.ledger.rules.queryTimeRefusal?.(facts, this) ?? NO_ID;
  }

  /** The number of the id `id` resolves to at this step. */
  canonicalNumber(id: number): number {
    return this.canonical(id);
  }

  private beforeIdentity(facts: RecordFacts, resolved: number | null, refusedBy: number): number {
    if (refusedBy !== NO_ID) return facts.deviceKey;
    if (resolved === null || resolved === NO_ID || resolved === facts.derivedId) return NO_ID;
    return facts.derivedId;
  }
}
