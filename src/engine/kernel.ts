// The contract between the ledger (which stores outcomes) and the three per-mode identity kernels.
import type { EventFacts } from './facts.ts';
import type { Cluster, Failure, Link } from './types.ts';

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

export interface DerivedIdentity {
  /** The id the event is attributed to before any mapping; '' when there is none. */
  readonly id: string;
  readonly derivation: Derivation;
  /** Simplified: the `$device:` key the event carries, whether or not it decided the distinct_id. */
  readonly deviceKey: string | undefined;
}

export interface AppliedIdentity {
  readonly link?: Link;
  readonly failure?: Failure;
  /** Legacy only: the distinct_id frozen at ingestion (L-3). */
  readonly frozenId?: string;
}

/**
 * Told when a group of ids that resolved to `from` now resolves to `to` (a link, merge or alias). `ids` lists the
 * group only when the listener asks for members (steps need them; profiles and plain resolution do not).
 */
export interface KernelListener {
  readonly wantsMembers: boolean;
  retarget(from: string, to: string, atIndex: number, ids: readonly string[]): void;
}

/** Registry of every id the stream has mentioned, with the first record that did. */
export class SeenIds {
  readonly firstSeen = new Map<string, number>();
  see(id: string, index: number): void {
    if (!this.firstSeen.has(id)) this.firstSeen.set(id, index);
  }
}

export interface IdentityKernel {
  /** Works out which id an event is attributed to, before any link is applied. */
  derive(facts: EventFacts): DerivedIdentity;
  /** Applies an accepted (not rejected) event's identity effect: links, merges, failures. */
  apply(facts: EventFacts, derived: DerivedIdentity, index: number): AppliedIdentity;
  /** The id an attributed event with this derived identity resolves to now (retroactive modes). */
  resolveDerived(derived: string, isDevice: boolean): string;
  /** Every cluster of two or more ids, plus singletons for ids the stream has seen. */
  clusters(seen: SeenIds): Cluster[];
}
