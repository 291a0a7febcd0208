// Shared vocabulary of the engine: what comes in (Mixpanel payloads), how to resolve it, and what comes out.

import type { Mode } from './modes/index.ts';

/** The identity systems a Mixpanel project can run (spec G-2); the list lives in modes/index.ts. */
export type { Mode };
export { MODES } from './modes/index.ts';

/** How an event reached Mixpanel. `$merge` is honoured only through the import API (O-13). */
export type Channel = 'track' | 'import';

/** A Mixpanel event object as the SDKs and the import API send it. */
export interface MixpanelEvent {
  readonly event: string;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Defaults to `import` for files; the simulated browser SDK marks its events `track` (DECISIONS.md). */
  readonly channel?: Channel;
}

/** A profile ("engage") update keyed by `$distinct_id` (S-16, O-17). */
export interface ProfileUpdate {
  readonly $distinct_id: unknown;
  readonly $set?: Readonly<Record<string, unknown>>;
  readonly $set_once?: Readonly<Record<string, unknown>>;
  readonly $unset?: readonly string[];
  readonly $add?: Readonly<Record<string, number>>;
  readonly $append?: Readonly<Record<string, unknown>>;
  readonly $union?: Readonly<Record<string, readonly unknown[]>>;
  readonly $remove?: Readonly<Record<string, unknown>>;
  readonly $delete?: unknown;
  readonly [key: string]: unknown;
}

/**
 * Optional context a producer knows and the payload does not carry: which simulated device sent the record and
 * why its device id is new. The engine uses it only to word notes ("Reset generated new ID: D2").
 */
export interface RecordOrigin {
  readonly device?: string;
  readonly afterReset?: boolean;
}

/** One entry of the stream: an event or a profile update, in ingestion order. */
export type StreamRecord =
  | { readonly kind: 'event'; readonly event: MixpanelEvent; readonly origin?: RecordOrigin }
  | { readonly kind: 'profile'; readonly update: ProfileUpdate; readonly origin?: RecordOrigin };

/** Named strategies for Original's canonical id. */
export type CanonicalStrategyName = 'larger-cluster' | 'user-id-when-present' | 'first-seen';
/** Every Q-5 strategy, in the order options list them. */
export const CANONICAL_STRATEGIES: readonly CanonicalStrategyName[] = [
  'larger-cluster',
  'user-id-when-present',
  'first-seen',
];

/** Every default of DECISIONS.md that is not a documented fact, as an option. */
export interface ResolveOptions {
  /** which event is "first" for a Simplified link. */
  readonly linkOrder: 'ingestion' | 'event-time';
  /** an Original merge fails when the merged cluster would hold more than this many ids. */
  readonly clusterLimit: number;
  /** the GUID check on Original `$identify` anon ids. */
  readonly guidCheck: 'php' | 'strict-v4' | 'off';
  /** how Original picks the canonical id when two clusters merge. */
  readonly canonical: CanonicalStrategyName;
  /** a `$device_id` that already starts with `$device:` is prefixed again, or stripped first. */
  readonly devicePrefix: 'prefix-again' | 'strip';
  /** how the blocked placeholder list (LIM-1) is matched. */
  readonly blockedIdMatch: 'exact' | 'case-insensitive';
}

/** Failure codes Mixpanel itself reports (S-9, O-7, O-11, O-14). */
export type MixpanelFailureCode =
  | 'errAnonDistinctIdAssignedAlready'
  | 'errSameIDs'
  | 'errAnonDistinctIdNonGUIDForm'
  | 'errManyIDs'
  | 'errAliasAlreadyExists';

/** Reasons the engine gives where Mixpanel gives no code; each names the assumption behind it. */
export type EngineFailureCode =
  | 'mergeNotImported'
  | 'malformedMerge'
  | 'missingAnonId'
  | 'missingIdentifiedId'
  | 'missingAlias'
  | 'aliasEqualsDistinctId'
  | 'aliasAlreadyMapped'
  | 'aliasLoop';

/** Any failure code: Mixpanel's own (G-7) or the engine's where Mixpanel gives none. */
export type FailureCode = MixpanelFailureCode | EngineFailureCode;

/** Why an identity event did not link what it asked to. */
export interface Failure {
  readonly code: FailureCode;
  /** True when the code is one Mixpanel reports (`$failure_reason` / `$identity_failure_reason`). */
  readonly official: boolean;
  /** Mixpanel's `$failure_description` wording where known, else the engine's. */
  readonly description: string;
  /** The spec rule or decision behind it. */
  readonly rule: string;
}

/** What happened to an event's identity at ingestion. */
export type EventStatus =
  /** Attributed to a user (possibly after a merge). */
  | 'attributed'
  /** Refused by LIM-1's placeholder list: kept, attributed to no one. */
  | 'rejected'
  /** No usable identity (LIM-2, LIM-3): resolved distinct_id "". */
  | 'non-attributable';

/** A link or merge that an event made. */
export interface Link {
  readonly eventIndex: number;
  /** `device-link` (Simplified S-6), `identify`, `alias`, `merge` (Original), `legacy-alias` (L-1). */
  readonly kind: 'device-link' | 'identify' | 'alias' | 'merge' | 'legacy-alias';
  /** The id that joined (device key, anon id, alias, second merge id). */
  readonly from: string;
  /** The id it joined (user id, identified id, distinct_id, first merge id). */
  readonly to: string;
  readonly rule: string;
}

/** An identity event that asked for a link and was refused; kept so the graph can draw it. */
export interface FailedAttempt {
  readonly eventIndex: number;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly failure: Failure;
}

/** One member of a cluster, with the event that brought it in. */
export interface ClusterMember {
  readonly id: string;
  readonly isDevice: boolean;
  /** The event whose link or merge put this id in the cluster; undefined for the id that founded it. */
  readonly joinedBy: number | undefined;
  /** The first record that mentioned this id. */
  readonly firstSeen: number;
}

/** A set of ids that resolve to one user. */
export interface Cluster {
  readonly canonical: string;
  readonly members: readonly ClusterMember[];
}
