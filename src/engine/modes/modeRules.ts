// The contract of an identity system: everything that differs between Simplified, Original and Legacy, in one object.
//
// HOW TO ADD A FOURTH IDENTITY SYSTEM (say PostHog's or Amplitude's rules)
// 1. Make a folder `src/engine/modes/<name>/` with
//    - `kernel.ts`: a class implementing `IdentityKernel` (engine/kernel.ts): `derive` (which id an event is
//      attributed to), `apply` (its links, merges or refusals), `resolve` (the id an id resolves to now) and
//      `joinedBy` (the event that brought an id into its cluster). Work on IdTable numbers, not strings.
//    - `rules.ts`: a `ModeRules<'<name>'>` object (this interface): the kernel factory, the answers to the
//      questions below, and the explanation words. Cite the spec rule behind every answer.
// 2. Add the object to the list in `modes/index.ts`: the `Mode` type, `MODES`, the CLI's `--mode`, the app's mode
//    switch and every test that runs per mode pick it up from there.
// Nothing else branches on a mode's name: views, explanations, profiles and the linter ask this object. If the new
// system needs a derivation, link kind or failure code the others lack, add it to `kernel.ts` / `types.ts` first.
import type { RecordFacts } from '../receipts.ts';
import type { IdTable } from '../idTable.ts';
import type { Reason } from '../reasons.ts';
import type { Derivation, IdentityKernel, KernelListener } from '../kernel.ts';
import type { StoredRecord } from '../ledger.ts';
import type { Failure, ResolveOptions } from '../types.ts';
import type { EventOutcome, ResolutionView } from '../view.ts';
import type { ByEvent, IdLabel } from '../words.ts';

/** What a mode's query-time judgements may ask of the state they are judged in. */
export interface CanonicalState {
  /** The number of the id `id` resolves to at the step being asked about. */
  canonicalNumber(id: number): number;
}

/** What a mode's explanation may consult. */
export interface ExplainContext {
  readonly view: ResolutionView;
  readonly options: ResolveOptions;
  readonly label: IdLabel;
  /** " by event #4" for the event that made a link. */
  readonly byEvent: ByEvent;
}

/** One identity system's rules: the only place the engine (and the app) learn how a mode behaves. */
export interface ModeRules<Name extends string = string> {
  /** The mode's name as options, URLs and the CLI spell it. */
  readonly mode: Name;
  /** How people call it: "Simplified". */
  readonly label: string;
  /** The kernel that derives, links and resolves ids under this mode. */
  createKernel(options: ResolveOptions, table: IdTable, listener: KernelListener): IdentityKernel;
  /** Does the identity event `name` (`$identify`, `$create_alias`, `$merge`) link anything under this mode? */
  identityEventLinks(name: string): boolean;
  /**
   * Is an event's resolved id read at query time, so a later link re-attributes earlier events (S-12, O-5)? False
   * when it is frozen at ingestion (L-3).
   */
  readonly retroactive: boolean;
  /** Does a profile update land on the id its distinct_id resolves to (O-17), rather than the literal id (S-16)? */
  readonly profilesFollowMerges: boolean;
  /** O-17: does a merge hide the merged-away profile behind the canonical id's? */
  readonly mergesHideProfiles: boolean;
  /** S-16: is a profile on a device id already linked to a user stranded, so no report shows it? */
  readonly strandsLinkedDeviceProfiles: boolean;
  /**
   * S-2: is an event's id derived from `$user_id` and `$device_id` (devices as `$device:` keys)? False where only
   * distinct_id counts (O-1, L-1), so `$device_id`/`$user_id` are carried but never read.
   */
  readonly readsDeviceAndUserIds: boolean;
  /** G-7: the properties Mixpanel adds to an event whose identity request failed, in this mode's names. */
  failureProperties(failure: Failure): Record<string, string>;
  /** G-7: the names `failureProperties` writes, the failure code's first (warehouse columns drop the `$`). */
  readonly failurePropertyNames: readonly string[];
  /**
   * The engine options (DECISIONS.md) this mode reads, in the order the SQL header and help list them: Simplified
   * Q-1 link order, Q-8 device prefix; Original Q-2 cluster limit, Q-3 GUID check, Q-5 canonical; every mode Q-12.
   */
  readonly options: readonly (keyof ResolveOptions)[];
  /** can a later link of the same id replace an earlier one, so that only the latest is in force? */
  readonly linksSupersede: boolean;
  /**
   * For refusals judged at query time (S-9: a link can still change under Q-1): the number of the user that
   * refuses this event's link, or NO_ID. Undefined when refusals are recorded at ingestion instead.
   */
  readonly queryTimeRefusal?: (facts: RecordFacts, state: CanonicalState) => number;
  /** Explanations in this mode's own words. */
  readonly words: ModeWords;
}

/** A mode's explanations: the parts of "why" that differ between identity systems. */
export interface ModeWords {
  /** The reason for an id read from distinct_id alone (the `distinct-id` derivation); `id` is already labelled. */
  distinctId(id: string): Reason;
  /** The reason when nothing usable was sent (LIM-2, LIM-3). */
  readonly noIdentity: Reason;
  /** The rule that makes an identity event do nothing here (S-8, L-5), for its note. */
  readonly noEffectRule: string;
  /** The rule that re-attributes earlier events (S-12, O-5), for the "Retroactively updated" note. */
  readonly retroactiveRule: string;
  /** Reasons about the event's own identity effect: its link, its refusal, an identity event doing nothing. */
  identity(outcome: EventOutcome, record: StoredRecord, context: ExplainContext): Reason[];
  /** "What does the canonical id mean here?": why the event resolves where it does. */
  resolution(outcome: EventOutcome, context: ExplainContext): Reason;
  /** The rule that says what a cluster's canonical id is (S-11, Q-5, L-1). */
  readonly canonicalRule: string;
  /** The rule behind a failure Mixpanel reports in this mode's failure properties (S-9, O-16). */
  readonly officialFailureRule: string;
  /** The rule(s) for where an ordinary event resolves: `moved` when that is not the id it was sent as. */
  resolvedRule(derivation: Derivation, moved: boolean): string;
  /** Why an id was never linked to another: the rule and its words (reconcile's "no link" answer). */
  unlinked(id: string): { readonly rule: string; readonly text: string };
  /**
   * The rule that keeps the pieces of one user apart when no refusal did (comparing modes): each piece says
   * whether any link joined it and whether it holds a user id.
   */
  keptApart(pieces: readonly KeptApartPiece[]): string;
}

/** One piece of a user another mode joined, as `ModeWords.keptApart` sees it. */
export interface KeptApartPiece {
  /** A link joined something into this piece. */
  readonly linked: boolean;
  /** The piece holds a user id (or is one). */
  readonly identified: boolean;
}
