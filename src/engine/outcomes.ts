// What the engine answers per event and per profile: the shapes the views, exporters and CLI read.
import type { Derivation } from './kernel.ts';
import type { Profile } from './profiles.ts';
import type { EventStatus, Failure, Link } from './types.ts';

/** Everything the engine can say about one event at one step. */
export interface EventOutcome {
  readonly index: number;
  readonly name: string;
  readonly status: EventStatus;
  /** `$identify`, `$create_alias` or `$merge`. */
  readonly isIdentityEvent: boolean;
  /** The id derived from what was sent (S-2/S-3 on Simplified; distinct_id on Original and Legacy); '' when none. */
  readonly derivedId: string;
  readonly derivation: Derivation;
  /** Simplified: the `$device:` key the event carried. */
  readonly deviceKey: string | undefined;
  /** The distinct_id Mixpanel shows: null when rejected (LIM-1), '' when non-attributable (LIM-2). */
  readonly resolvedId: string | null;
  /** G-7 `$distinct_id_before_identity`: the id before identity merging rewrote it, when it did. */
  readonly distinctIdBeforeIdentity: string | undefined;
  readonly failure: Failure | undefined;
  /** The link or merge this event made that is in force at this step. */
  readonly link: Link | undefined;
  /** Simplified: the event whose link decides where this event's device resolves. */
  readonly linkedBy: number | undefined;
  /** True when the resolved id differs from the one the event had when it was ingested (needs steps). */
  readonly retroactivelyUpdated: boolean;
  readonly rejectedValue: string | undefined;
}

/** The parts of an outcome an exported event carries. */
export interface ResolvedOutput {
  /** The resolved id as an IdTable integer (null rejected, NO_ID non-attributable). */
  readonly resolved: number | null;
  readonly resolvedId: string | null;
  readonly distinctIdBeforeIdentity: string | undefined;
  readonly failure: Failure | undefined;
}

/**
 * The parts of an outcome an exported event carries, as numbers (`ResolutionView.outputNumbersOf` writes them into
 * one object the caller reuses): ids as IdTable integers, texts by `Resolution.idText(n)`.
 */
export interface OutputNumbers {
  /** The resolved id: REJECTED_ID when rejected (LIM-1), NO_ID when non-attributable (LIM-2). */
  resolved: number;
  /** G-7 `$distinct_id_before_identity`, or NO_ID when the event gains none. */
  beforeIdentity: number;
  /** Whether the event met a failure (O-16, S-9); `outputOf` gives it. */
  failed: boolean;
}

/** A profile as the app shows it: visible, hidden behind a merge (O-17), or stranded on a linked device (S-16). */
export interface ProfileView extends Profile {
  /** `stranded`: on a `$device:` id already linked to a user, so no report shows it (S-16). */
  readonly status: 'visible' | 'hidden' | 'stranded';
  readonly strandedBehind?: string;
}
