// The contract between the ledger (which stores outcomes) and the three per-mode identity kernels.
import type { EventFacts } from './facts.ts';
import { NO_ID } from './idTable.ts';
import type { Failure, Link } from './types.ts';

/** How an event's own distinct_id was derived; the explanation names the rule. */
export type Derivation =
  /** S-2.1: `$user_id` present. */
  | 'user-id'
  /** S-2.2: `$device_id` present, prefixed with `$device:`. */
  | 'device-id'
  /** S-3: only distinct_id, starting with `$device:`. */
  | 'distinct-id-device'
  /** S-3: only distinct_id, read as a user id. */
  | 'distinct-id-user'
  /** O-1 / L-1: the sent distinct_id, the only id those modes read. */
  | 'distinct-id'
  /** `$identify` is attributed to its identified id on Original. */
  | 'identified-id'
  /** `$merge` with no distinct_id is attributed to its first `$distinct_ids` entry. */
  | 'merge-first-id'
  /** LIM-2 / LIM-3: nothing usable. */
  | 'none';

/** Which id an event is attributed to before any mapping, as integers of the ledger's IdTable (NO_ID for none). */
export interface DerivedIdentity {
  readonly id: number;
  readonly derivation: Derivation;
  /** Simplified: the `$device:` key the event carries, whether or not it decided the distinct_id. */
  readonly deviceKey: number;
}

/**
 * The DerivedIdentity a kernel fills for every event it derives, read by the ledger before the next (no object per
 * event of a million-event stream, issue #14). Nothing keeps it.
 */
export class DerivedSlot implements DerivedIdentity {
  id = NO_ID;
  derivation: Derivation = 'none';
  deviceKey = NO_ID;

  /** Fills the slot and returns it. */
  set(id: number, derivation: Derivation, deviceKey: number): DerivedIdentity {
    this.id = id;
    this.derivation = derivation;
    this.deviceKey = deviceKey;
    return this;
  }
}

/** What applying an event's identity did: the link it made or the failure it met (none for most events). */
export interface AppliedIdentity {
  readonly link?: Link;
  /** With a link: the id it joined (its `from`), as a number. */
  readonly linkFrom?: number;
  readonly failure?: Failure;
  /** Legacy only: the id frozen at ingestion (L-3). */
  readonly frozenId?: number;
}

/** Most events change nothing; sharing one empty answer keeps a million-event stream from allocating a million. */
export const NOTHING_APPLIED: AppliedIdentity = Object.freeze({});

/**
 * Told when a group of ids that resolved to `from` now resolves to `to` (a link, merge or alias). `members` lists the
 * group only when the listener asks for them (steps need them; profiles and plain resolution do not).
 */
export interface KernelListener {
  readonly wantsMembers: boolean;
  retarget(from: number, to: number, atIndex: number, members: readonly number[]): void;
}

/** One identity system's algorithm over IdTable numbers; each mode's `kernel.ts` implements it (see modes/modeRules.ts). */
export interface IdentityKernel {
  /** Works out which id an event is attributed to, before any link is applied (valid until the next derive). */
  derive(facts: EventFacts): DerivedIdentity;
  /** Applies an accepted (not rejected) event's identity effect: links, merges, failures. */
  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity;
  /** The id an id resolves to now: the canonical id of its cluster (for Legacy, where new data sent as it goes). */
  resolve(id: number): number;
  /** The event that brought `id` into its cluster (a link, merge or alias), or NO_ID for a founder. */
  joinedBy(id: number): number;
}
