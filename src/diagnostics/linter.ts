// One pass over a stream, in ingestion order: the linter resolves it alongside and keeps memory to ids and findings.
import {
  IngestReceipts,
  modeRules,
  Resolver,
  withDefaults,
  type EventFacts,
  type Mode,
  type Resolution,
  type ResolutionView,
  type ResolveOptions,
  type StreamRecord,
} from '../engine/index.ts';
import { catalogueEntry, catalogueRank } from './catalogue.ts';
import type { Check, CheckContext } from './check.ts';
import { CheckRoutes } from './checkRoutes.ts';
import { DeviceNumbers } from './columns.ts';
import { IdentifierDeviceCheck } from './identifierDeviceCheck.ts';
import { IdentifyWithoutEventCheck, SpecialEventCheck } from './identifyChecks.ts';
import {
  DevicePrefixCheck,
  EmailUserIdCheck,
  NoIdentityCheck,
  PlaceholderCheck,
  PlaceholderLikeCheck,
} from './recordChecks.ts';
import { RefusalCheck } from './refusalCheck.ts';
import { RecordObservation } from './observation.ts';
import { SharedDeviceCheck } from './sharedDeviceCheck.ts';
import { DEFAULT_LINTER_SETTINGS, SEVERITIES, type Finding, type LinterSettings } from './types.ts';
import { ClusterCapCheck, HotShardCheck } from './volumeChecks.ts';

/** A lint run over one stream. */
export interface Linter {
  /**
   * Reads the next record; call once per record, in ingestion order, profile updates included (they keep the
   * linter's positions in step with the engine's). `index` and `line` are only echoed back in findings.
   */
  observe(record: StreamRecord, index: number, line?: number): void;
  /**
   * The findings, errors first. Pass the caller's own Resolution of the same stream and mode to ask end-of-stream
   * questions (clusters, whether two users ended up merged) of it; otherwise the linter's own is used. Call once.
   */
  finish(resolution?: Resolution): Finding[];
}

/** Checks in force per mode: each applies only where the spec says its pitfall exists. */
function createChecks(context: CheckContext): Check[] {
  const checks: Check[] = [
    new PlaceholderCheck(context),
    new PlaceholderLikeCheck(context),
    new NoIdentityCheck(context),
    new SharedDeviceCheck(context),
    new EmailUserIdCheck(context),
    new IdentifierDeviceCheck(context),
    new HotShardCheck(context),
  ];
  const rules = modeRules(context.mode);
  // S-4, S-6: links made by events carrying $device_id and $user_id, and the prefix of those device ids.
  if (rules.readsDeviceAndUserIds)
    checks.push(new IdentifyWithoutEventCheck(context), new DevicePrefixCheck(context));
  // S-8, L-5: identity events sent where they do nothing.
  if (!rules.identityEventLinks('$identify')) checks.push(new SpecialEventCheck(context));
  // O-7, O-11, L-2: refusals recorded at ingestion (Simplified's S-9 is judged at query time, by SharedDeviceCheck).
  if (rules.queryTimeRefusal === undefined) checks.push(new RefusalCheck(context));
  // O-15: a cap on cluster size, where the catalogue says it exists.
  if (catalogueEntry('cluster-near-cap').modes.includes(context.mode))
    checks.push(new ClusterCapCheck(context));
  return checks;
}

/**
 * Starts a lint run under `mode` with the engine `options` the stream will be resolved with. A caller that resolves
 * the stream itself may pass its `resolver` (one that retains records): then it ingests each record first and calls
 * observe() after, and the stream is resolved once instead of twice.
 */
export function createLinter(
  mode: Mode,
  options: Partial<ResolveOptions> = {},
  settings: LinterSettings = {},
  resolver?: Resolver,
): Linter {
  return new LintRun(mode, withDefaults(options), { ...DEFAULT_LINTER_SETTINGS, ...settings }, resolver);
}

class LintRun implements Linter {
  private readonly resolver: Resolver;
  private readonly live: ResolutionView;
  private readonly knownUsers = new Set<string>();
  private readonly checks: Check[];
  private readonly routes: CheckRoutes;
  /** The one observation every record is read into (checks keep values from it, never it). */
  private readonly observation: RecordObservation;
  /** The last `$user_id` noted. */
  private lastUser: string | undefined;
  private findings: Finding[] | undefined;

  /**
   * Where observe() reads each record's receipt: the shared resolver's retained receipts (the caller ingests each
   * record before observe()), or the linter's own one-receipt buffer.
   */
  private readonly receipts: IngestReceipts;
  private readonly callerIngests: boolean;

  constructor(
    private readonly mode: Mode,
    options: ResolveOptions,
    settings: CheckContext['settings'],
    shared: Resolver | undefined,
  ) {
    // Records are not retained: the linter keeps what each check needs, so memory follows ids, not events.
    // observe() reads each event's ingestion from its receipt (as `idmerge resolve` does), not through a full
    // EventOutcome per event, whose link lookups would dominate the cost on a million events.
    const sharedReceipts = shared?.receipts;
    if (shared !== undefined && (shared.mode !== mode || sharedReceipts === undefined))
      throw new RangeError("a shared resolver must run the linter's mode and retain records");
    this.resolver = shared ?? new Resolver(mode, options, { retainRecords: false });
    this.receipts = sharedReceipts ?? new IngestReceipts();
    this.callerIngests = shared !== undefined;
    const resolution = this.resolver.result();
    this.live = resolution.final();
    const resolver = this.resolver;
    const devices = new DeviceNumbers((key) => resolver.idText(key));
    const idNumber = (id: string) => resolution.idNumber(id);
    const context = {
      mode,
      options,
      settings,
      live: this.live,
      knownUsers: this.knownUsers,
      devices,
      idNumber,
    };
    this.checks = createChecks(context);
    this.routes = new CheckRoutes(this.checks);
    this.observation = new RecordObservation(mode, this.resolver, devices);
  }

  observe(record: StreamRecord, index: number, line?: number): void {
    if (this.findings !== undefined)
      throw new Error('the linter has finished; start a new one for another stream');
    const at = this.receiptOf(record);
    if (record.kind !== 'event' || at < 0) return;
    const { observation } = this;
    observation.read(record, index, line, this.receipts, at);
    this.routes.observe(observation);
    this.noteUsers(observation.facts);
  }

  /** Where the record's receipt sits: ingested by the caller (the last receipt) or now, into the own buffer. */
  private receiptOf(record: StreamRecord): number {
    if (this.callerIngests) return this.resolver.size - 1;
    this.receipts.clear();
    this.resolver.ingest(record, this.receipts);
    return 0;
  }

  /** Explicit user ids, noted after the checks so that they see only earlier events' users. */
  private noteUsers(facts: EventFacts): void {
    // Events of one user come in runs: the user noted last needs no second add.
    if (facts.userId !== undefined && facts.userId !== this.lastUser) {
      this.knownUsers.add(facts.userId);
      this.lastUser = facts.userId;
    }
    if (facts.identifiedId !== undefined) this.knownUsers.add(facts.identifiedId);
  }

  finish(resolution?: Resolution): Finding[] {
    if (this.findings !== undefined) return this.findings;
    if (resolution !== undefined && resolution.mode !== this.mode)
      throw new RangeError(`the resolution is for ${resolution.mode}; this linter runs ${this.mode}`);
    const end = { view: resolution?.final() ?? this.live };
    this.findings = this.checks.flatMap((check) => check.finish(end)).sort(bySeverityThenCatalogue);
    return this.findings;
  }
}

function bySeverityThenCatalogue(a: Finding, b: Finding): number {
  const severity = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  return severity !== 0 ? severity : catalogueRank(a.id) - catalogueRank(b.id);
}

/** Lints a whole stream at once: for tests and small inputs. */
export function lintStream(
  records: Iterable<StreamRecord>,
  mode: Mode,
  options: Partial<ResolveOptions> = {},
  settings: LinterSettings = {},
): Finding[] {
  const linter = createLinter(mode, options, settings);
  let index = 0;
  for (const record of records) linter.observe(record, index++);
  return linter.finish();
}
