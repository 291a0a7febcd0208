// The contract every check keeps: it sees each event once, in order, and answers once at the end of the stream.
import type {
  Derivation,
  EventFacts,
  EventStatus,
  Failure,
  Link,
  Mode,
  ResolutionView,
  ResolveOptions,
  StreamRecord,
} from '../engine/index.ts';
import { catalogueEntry, forMode } from './catalogue.ts';
import type { DeviceNumbers } from './columns.ts';
import type { Parties } from './idShapes.ts';
import type { EventRef, Finding, FindingId, FullLinterSettings } from './types.ts';

/**
 * What the engine decided about one event as it ingested it: the parts of its EventOutcome the checks read, taken
 * straight from the ingestion so that a million events do not pay for a million full outcomes.
 */
export interface IngestedEvent {
  /** The engine's index of the record (equal to the caller's index when every record is observed). */
  readonly index: number;
  readonly status: EventStatus;
  /** The id derived from what was sent (S-2/S-3 on Simplified; distinct_id on Original and Legacy); '' when none. */
  readonly derivedId: string;
  readonly derivation: Derivation;
  /** The placeholder value that got the event rejected (LIM-1). */
  readonly rejectedValue: string | undefined;
  /** Original and Legacy: why the identity event was refused. Simplified's S-9 refusals are not recorded here. */
  readonly failure: Failure | undefined;
  /** The link or merge the event made. */
  readonly link: Link | undefined;
}

/**
 * One event as every check sees it: read once by the linter, shared by all checks. The linter reuses one object for
 * every record (issue #14: a million events, no objects each), so a check keeps the values it reads (a `ref`, an id),
 * never the observation, its `outcome`, or its `parties`.
 */
export interface Observation {
  /** A fresh EventRef to the event, built on each read: read it once, when the event is kept. */
  readonly ref: EventRef;
  readonly record: Extract<StreamRecord, { kind: 'event' }>;
  readonly facts: EventFacts;
  /** What the engine made of the event at ingestion. */
  readonly outcome: IngestedEvent;
  /** The engine's integer for the derived id: a cheap key for per-id counters; negative when there is none. */
  readonly derivedKey: number;
  /** Who the event speaks for; identity events are observed too, but checks of usage skip them. */
  readonly parties: Parties;
  /** `parties.device` as a number of the run's DeviceNumbers (`CheckContext.devices`); read it only when defined. */
  readonly deviceNumber: number;
  /** `facts.deviceId` (the raw `$device_id`) as a number of the run's DeviceNumbers; read it only when defined. */
  readonly sentDeviceNumber: number;
}

/** What checks may consult while the stream runs. */
export interface CheckContext {
  readonly mode: Mode;
  readonly options: ResolveOptions;
  readonly settings: FullLinterSettings;
  /** The linter's own resolution state, as of the event being observed. */
  readonly live: ResolutionView;
  /** Ids seen so far as `$user_id` or as an `$identify`'s identified id: explicit user ids. */
  readonly knownUsers: ReadonlySet<string>;
  /** The engine's number for an id the stream mentioned (`Resolution.idNumber`), or undefined. */
  readonly idNumber: (id: string) => number | undefined;
  /** The numbers of device ids (`Observation.deviceNumber`), shared by the checks of one run. */
  readonly devices: DeviceNumbers;
}

/** The end of the stream: the final state to ask about clusters and links. */
export interface EndOfStream {
  readonly view: ResolutionView;
}

/**
 * The events a check needs to see; the linter calls its observe() for those only (issue #14: a dozen checks called
 * for each of a million events, most returning at once). A check still tests its own conditions.
 * - `every-event`: all of them (the default);
 * - `rejected`, `non-attributable`: events of that status (LIM-1, LIM-2);
 * - `identity-event`: `$identify`, `$create_alias`, `$merge`;
 * - `refused`: identity events refused at ingestion (`outcome.failure`, O-7, O-11, L-2);
 * - `linking`: events that made a link or merge (`outcome.link`).
 */
export type CheckScope =
  'every-event' | 'rejected' | 'non-attributable' | 'identity-event' | 'refused' | 'linking';

export interface Check {
  /** The events observe() is called for; every event when not given. */
  readonly scope?: CheckScope;
  observe(observation: Observation): void;
  /** The check's findings; none when it saw nothing. Called once. */
  finish(end: EndOfStream): Finding[];
}

/** What a check knows about one finding; the catalogue adds its title, rule and severity for the mode. */
export interface FindingBody {
  readonly explanation: string;
  readonly count: number;
  readonly events: readonly EventRef[];
  readonly ids?: readonly string[];
  readonly idCount?: number;
}

/** Builds a finding with the catalogue's words for `mode`. */
export function makeFinding(id: FindingId, mode: Mode, body: FindingBody): Finding {
  const entry = catalogueEntry(id);
  const finding: Finding = {
    id,
    severity: forMode(entry.severity, mode),
    title: entry.title,
    explanation: body.explanation,
    rule: forMode(entry.rule, mode),
    count: body.count,
    events: body.events,
  };
  if (body.ids === undefined || body.ids.length === 0) return finding;
  const withIds = { ...finding, ids: body.ids };
  return body.idCount !== undefined && body.idCount > body.ids.length
    ? { ...withIds, idCount: body.idCount }
    : withIds;
}

/** Whether an observation is an ordinary event the mode attributed to someone (not rejected, not identity). */
export function isOrdinaryAttributed(observation: Observation): boolean {
  return !observation.facts.isIdentityEvent && observation.outcome.status === 'attributed';
}
