// Answers every question about the stream as it stood after one record: live kernel state, or the step log.
import { groupClusters } from './clusters.ts';
import { explainOutcome, notesFor, type EventLabel, type IdLabel } from './explain.ts';
import type { Note } from './notes.ts';
import type { Reason } from './reasons.ts';
import { isDeviceKey } from './ids.ts';
import { NO_ID } from './idTable.ts';
import type { StoredRecord } from './ledger.ts';
import type { EventOutcome, ProfileView } from './outcomes.ts';
import { StepState } from './stepState.ts';
import type { Cluster, FailedAttempt, Link } from './types.ts';

/** The shapes a view answers with (defined in outcomes.ts). */
export type { EventOutcome, OutputNumbers, ProfileView, ResolvedOutput } from './outcomes.ts';

/** Every question about the stream as it stood after one record: outcomes, links, clusters, profiles. */
export class ResolutionView extends StepState {
  /** record index → the link it made (up to this step), and device id → its link log entry in force. */
  private readonly linkByEvent = new Map<number, number>();
  private readonly activeDeviceLink = new Map<number, number>();
  /** How much of the link log has been read: a live view keeps up as a one-pass reader ingests more. */
  private linksRead = 0;
  /** A fixed step's clusters, once asked for. */
  private clustersAtStep: readonly Cluster[] | undefined;

  /** Everything the engine can say about the retained record at `index` (index ≤ step). */
  outcome(index: number): EventOutcome {
    const facts = this.ledger.facts(index);
    if (facts === undefined) throw new RangeError(`no record at index ${index}`);
    const { ledger } = this;
    const output = this.outputFor(index, facts);
    const atIngestion = ledger.steps
      ? this.resolvedIdOf(facts.kind, facts.derivedId, facts.frozenId, index)
      : output.resolved;
    return {
      index,
      name: facts.name,
      status: facts.kind === 'profile' || facts.kind === 'event' ? 'attributed' : facts.kind,
      isIdentityEvent: facts.isIdentityEvent,
      derivedId: ledger.textOf(facts.derivedId) ?? '',
      derivation: facts.derivation,
      deviceKey: ledger.textOf(facts.deviceKey),
      resolvedId: output.resolvedId,
      distinctIdBeforeIdentity: output.distinctIdBeforeIdentity,
      failure: output.failure,
      link: this.linkOf(index),
      linkedBy: this.deviceLinkEvent(facts.deviceKey),
      retroactivelyUpdated: output.resolved !== atIngestion,
      rejectedValue: facts.rejectedValue,
    };
  }

  /** Table notes for the retained record at `index` at this step (pass its outcome when already at hand). */
  notes(index: number, label?: IdLabel, outcome: EventOutcome = this.outcome(index)): Note[] {
    return notesFor(outcome, this.stored(index), this, label);
  }

  /** The reasons behind the retained record at `index` at this step, each with its kind, rules, ids and words. */
  explain(index: number, label?: IdLabel, eventLabel?: EventLabel): Reason[] {
    return explainOutcome(
      this.outcome(index),
      this.stored(index),
      this,
      this.ledger.options,
      label,
      eventLabel,
    );
  }

  private stored(index: number): StoredRecord {
    const record = this.ledger.record(index);
    if (record === undefined) throw new RangeError(`no retained record at index ${index}`);
    return record;
  }

  /** Reads link log entries made by this step into the indexes. */
  private readLinks(): void {
    const { linkLog, linkFrom } = this.ledger;
    for (; this.linksRead < linkLog.length; this.linksRead++) {
      const link = linkLog[this.linksRead];
      if (link === undefined || link.eventIndex > this.step) continue;
      this.linkByEvent.set(link.eventIndex, this.linksRead);
      if (link.kind === 'device-link')
        this.activeDeviceLink.set(linkFrom[this.linksRead] ?? NO_ID, this.linksRead);
    }
  }

  /** The link or merge the event at `index` made, if it is in force at this step. */
  linkOf(index: number): Link | undefined {
    this.readLinks();
    const entry = this.linkByEvent.get(index);
    if (entry === undefined) return undefined;
    const link = this.ledger.linkLog[entry];
    if (link?.kind !== 'device-link') return link;
    return this.activeDeviceLink.get(this.ledger.linkFrom[entry] ?? NO_ID) === entry ? link : undefined;
  }

  /** Simplified: the event whose link is in force for a device. */
  private deviceLinkEvent(device: number): number | undefined {
    if (device === NO_ID || !this.ledger.rules.linksSupersede) return undefined;
    this.readLinks();
    const entry = this.activeDeviceLink.get(device);
    return entry === undefined ? undefined : this.ledger.linkLog[entry]?.eventIndex;
  }

  /** Links and merges in force: where links supersede (Q-1 event-time order), the latest link per device. */
  links(): Link[] {
    this.readLinks();
    const entries = this.ledger.rules.linksSupersede
      ? [...this.activeDeviceLink.values()]
      : [...this.linkByEvent.values()];
    return entries.sort((a, b) => a - b).flatMap((entry) => this.ledger.linkLog[entry] ?? []);
  }

  /** Identity requests refused up to this step, for the graph's dashed edges. */
  failedAttempts(): FailedAttempt[] {
    if (this.ledger.rules.queryTimeRefusal === undefined) {
      return [...this.ledger.failures.values()].filter((attempt) => attempt.eventIndex <= this.step);
    }
    const attempts: FailedAttempt[] = [];
    for (let index = 0; index <= this.step; index++) {
      const facts = this.ledger.facts(index);
      const refusedBy = facts === undefined ? NO_ID : this.refusedLinkUser(facts);
      if (facts === undefined || refusedBy === NO_ID) continue;
      const failure = this.failureOf(index, facts, refusedBy);
      if (failure === undefined) continue;
      attempts.push({
        eventIndex: index,
        from: this.ledger.textOf(facts.deviceKey),
        to: this.ledger.textOf(facts.derivedId),
        failure,
      });
    }
    return attempts;
  }

  /**
   * Clusters at this step: every id seen so far, grouped by what it resolves to. A view of an earlier step answers
   * once and keeps the answer (its state no longer changes), since a step's story, graph, highlight and explanation
   * all ask for it; a live view follows the ledger and groups afresh.
   */
  clusters(): readonly Cluster[] {
    if (this.live) return this.groupClusters();
    this.clustersAtStep ??= this.groupClusters();
    return this.clustersAtStep;
  }

  private groupClusters(): Cluster[] {
    const { table, steps, kernel } = this.ledger;
    if (this.live)
      return groupClusters(table, this.step, {
        canonicalOf: (id) => kernel.resolve(id),
        joinedByOf: (id) => kernel.joinedBy(id),
      });
    const step = this.step;
    return groupClusters(table, step, {
      canonicalOf: (id) => this.canonical(id),
      joinedByOf: (id) => steps?.joinedByAt(id, step) ?? NO_ID,
    });
  }

  /** G-6: the identity mappings table, one row per id that resolves to another id. */
  mappings(): Array<{ distinct_id: string; resolved_distinct_id: string }> {
    const { table } = this.ledger;
    const rows: Array<{ distinct_id: string; resolved_distinct_id: string }> = [];
    for (const [id] of this.seenIds()) {
      const resolved = this.canonical(id);
      if (resolved !== id)
        rows.push({ distinct_id: table.textOf(id), resolved_distinct_id: table.textOf(resolved) });
    }
    return rows;
  }

  /** Every id the stream has mentioned by this step (device keys with their `$device:` prefix). */
  ids(): string[] {
    return [...this.seenIds()].map(([id]) => this.ledger.table.textOf(id));
  }

  /** Every id seen by this step, with the record that first mentioned it. */
  private *seenIds(): Generator<readonly [number, number]> {
    const { table } = this.ledger;
    for (let id = 0; id < table.size; id++) {
      const firstSeen = table.firstSeen[id] ?? NO_ID;
      if (firstSeen !== NO_ID && firstSeen <= this.step) yield [id, firstSeen];
    }
  }

  /** Profiles at this step, marked hidden (O-17) or stranded on a linked device id (S-16). */
  profiles(): ProfileView[] {
    const profiles = this.live ? this.ledger.profiles.all() : this.ledger.profiles.at(this.step);
    return profiles.map((profile) => {
      if (profile.hidden) return { ...profile, status: 'hidden' };
      const id = profile.distinctId;
      if (this.ledger.rules.strandsLinkedDeviceProfiles && isDeviceKey(id)) {
        const owner = this.canonicalOf(id);
        if (owner !== id) return { ...profile, status: 'stranded', strandedBehind: owner };
      }
      return { ...profile, status: 'visible' };
    });
  }

  /** Events before this step whose resolved id this step's record changed: the retroactive updates (needs steps). */
  changedEvents(): number[] {
    return this.ledger.steps?.eventsRetargetedAt(this.step) ?? [];
  }
}
