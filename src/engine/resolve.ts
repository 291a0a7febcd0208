// The engine's entry: feed a stream in (all at once or in chunks), get a Resolution to query at any step.
import { explainOutcome, notesFor, type EventLabel, type IdLabel } from './explain.ts';
import { IdentityLedger, type StoredRecord } from './ledger.ts';
import { withDefaults } from './options.ts';
import type { MixpanelEvent, Mode, ProfileUpdate, ResolveOptions, StreamRecord } from './types.ts';
import { ResolutionView, type EventOutcome } from './view.ts';

export interface ResolveSettings {
  /** Record what every step changed, so `at(step)` and `changedEvents()` work (the app). Default false. */
  readonly trackSteps?: boolean;
  /** Keep each record's facts in memory. Default true; the CLI turns it off and passes records back in. */
  readonly retainRecords?: boolean;
}

/** What the engine accepts: stream records, or bare event objects and profile updates. */
export type ResolveInput = StreamRecord | MixpanelEvent | ProfileUpdate;

/** Wraps a bare event or profile update as a stream record. */
export function toStreamRecord(input: ResolveInput): StreamRecord {
  if ('kind' in input && (input.kind === 'event' || input.kind === 'profile')) return input as StreamRecord;
  if (typeof (input as MixpanelEvent).event === 'string')
    return { kind: 'event', event: input as MixpanelEvent };
  return { kind: 'profile', update: input as ProfileUpdate };
}

/** An incremental resolver: ingestion is chunk-independent, so any split of the stream gives the same answer. */
export class Resolver {
  readonly ledger: IdentityLedger;

  constructor(
    readonly mode: Mode,
    options: Partial<ResolveOptions> = {},
    settings: ResolveSettings = {},
  ) {
    this.ledger = new IdentityLedger(mode, withDefaults(options), {
      trackSteps: settings.trackSteps ?? false,
      retainRecords: settings.retainRecords ?? true,
    });
  }

  /** Ingests one record and returns its index. */
  ingest(input: ResolveInput): number {
    return this.ledger.ingest(toStreamRecord(input));
  }

  ingestAll(inputs: Iterable<ResolveInput>): this {
    for (const input of inputs) this.ledger.ingest(toStreamRecord(input));
    return this;
  }

  result(): Resolution {
    return new Resolution(this.ledger);
  }
}

/** The answer for a stream: per-event outcomes, clusters, links, profiles, at the end or after any step. */
export class Resolution {
  private finalView: ResolutionView | undefined;

  constructor(readonly ledger: IdentityLedger) {}

  get mode(): Mode {
    return this.ledger.mode;
  }

  get options(): ResolveOptions {
    return this.ledger.options;
  }

  /** Number of records ingested (events and profile updates). */
  get size(): number {
    return this.ledger.size;
  }

  /** The state after every record. */
  final(): ResolutionView {
    this.finalView ??= new ResolutionView(this.ledger, this.ledger.size - 1, true);
    return this.finalView;
  }

  /** The state right after record `step` (0-based); needs `trackSteps` unless it is the last record. */
  at(step: number): ResolutionView {
    if (step >= this.ledger.size - 1) return this.final();
    if (!this.ledger.steps)
      throw new Error('resolution.at(step) needs a resolution made with trackSteps: true');
    return new ResolutionView(this.ledger, step, false);
  }

  /** Final outcome of every retained record. */
  outcomes(): EventOutcome[] {
    const view = this.final();
    return Array.from({ length: this.ledger.retainsRecords ? this.ledger.size : 0 }, (_, index) =>
      view.outcome(index),
    );
  }

  /** Table notes for the record at `index`, as things stood after `step` (default: the end). */
  notes(index: number, step = this.ledger.size - 1, label?: IdLabel): string[] {
    const view = this.at(step);
    const record = this.record(index);
    return notesFor(view.outcome(index), record, view, label);
  }

  /** The reasons behind the record at `index`, naming their rules. */
  explain(index: number, step = this.ledger.size - 1, label?: IdLabel, eventLabel?: EventLabel): string[] {
    const view = this.at(step);
    const record = this.record(index);
    return explainOutcome(view.outcome(index), record, view, this.options, label, eventLabel);
  }

  private record(index: number): StoredRecord {
    const record = this.ledger.record(index);
    if (record === undefined) throw new RangeError(`no retained record at index ${index}`);
    return record;
  }
}

/** Resolves a whole stream under one mode. */
export function resolve(
  inputs: Iterable<ResolveInput>,
  mode: Mode,
  options: Partial<ResolveOptions> = {},
  settings: ResolveSettings = {},
): Resolution {
  return new Resolver(mode, options, settings).ingestAll(inputs).result();
}
