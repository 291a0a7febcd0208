// The engine's entry: feed a stream in (all at once or in chunks), get a Resolution to query at any step.
import type { EventLabel, IdLabel } from './explain.ts';
import type { NumberedEvent } from './facts.ts';
import { IdentityLedger } from './ledger.ts';
import { withDefaults } from './options.ts';
import { reasonLine, type Reason } from './reasons.ts';
import type { IngestReceipts } from './receipts.ts';
import type {
  Failure,
  Link,
  MixpanelEvent,
  Mode,
  ProfileUpdate,
  ResolveOptions,
  StreamRecord,
} from './types.ts';
import { ResolutionView, type EventOutcome } from './view.ts';

/** How much a Resolver keeps besides the answer (steps for the app, records for queries). */
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

/**
 * An incremental resolver: ingestion is chunk-independent, so any split of the stream gives the same answer.
 *
 * Feed records with `ingest`; read back what each did through an {@link IngestReceipts} buffer (typed arrays, no
 * object per record), and ask questions of `result()`. A one-pass reader (Legacy, which freezes ids at ingestion,
 * L-3) can read each receipt's resolved id right away with `result().final().resolvedNumber(receipts, at)`; the ID
 * Merge modes resolve retroactively, so a reader ingests everything first, then `reread`s each record for its
 * receipt and asks the final view.
 */
export class Resolver {
  private readonly ledger: IdentityLedger;

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

  /** Number of records ingested so far. */
  get size(): number {
    return this.ledger.size;
  }

  /** Whether every record's facts are kept (`retainRecords`), so queries can answer per record. */
  get retainsRecords(): boolean {
    return this.ledger.retainsRecords;
  }

  /**
   * Ingests one record and returns its index (0 for the first). When `receipts` is given, the record's receipt is
   * appended to it: its derived id, its link, whether it failed.
   */
  ingest(input: ResolveInput, receipts?: IngestReceipts): number {
    return this.ledger.ingest(toStreamRecord(input), receipts);
  }

  /**
   * Ingests one event whose reader numbered its ids (a number always stands for the same text, in every property
   * and every event; `NumberedEvent` says which): the same as `ingest(event)`, but each numbered id is looked up by its text
   * only the first time, then by its number. A reader that already interns ids (the CLI's worker by their bytes,
   * the browser's event store) saves hashing every id again. Keeps nothing of `event`: one object may be reused.
   * Feed one resolver one reader's numbers (or none).
   */
  ingestNumbered(event: NumberedEvent, receipts?: IngestReceipts): number {
    return this.ledger.ingestNumbered(event, receipts);
  }

  /** Ingests every record, in order. */
  ingestAll(inputs: Iterable<ResolveInput>): this {
    for (const input of inputs) this.ledger.ingest(toStreamRecord(input));
    return this;
  }

  /**
   * Appends to `receipts` the receipt of the record already ingested at `index`, without ingesting it again: the
   * second pass of a reader that does not retain records. Pass the same record as was ingested there.
   */
  reread(input: ResolveInput, index: number, receipts: IngestReceipts): void {
    this.ledger.reread(toStreamRecord(input), index, receipts);
  }

  /**
   * Every record's receipt (at = record index) when records are retained, else undefined: a caller sharing this
   * resolver (the worker's linter) reads the receipt of the record just ingested at `size - 1`.
   */
  get receipts(): IngestReceipts | undefined {
    return this.ledger.receipts;
  }

  /** The text of id number `n` (from a receipt or a view); '' for NO_ID. */
  idText(n: number): string {
    return this.ledger.textOf(n) ?? '';
  }

  /** The link or merge numbered `n` (a receipt's `linkAt`). */
  link(n: number): Link | undefined {
    return this.ledger.linkLog[n];
  }

  /** Why the identity event at record `index` was refused at ingestion (Original, Legacy), if it was. */
  failureAt(index: number): Failure | undefined {
    return this.ledger.failureAt(index);
  }

  /** The answer so far; it follows later ingestion (its final view is live). */
  result(): Resolution {
    return new Resolution(this.ledger);
  }
}

/** The answer for a stream: per-event outcomes, clusters, links, profiles, at the end or after any step. */
export class Resolution {
  private finalView: ResolutionView | undefined;

  /** @internal Made by `Resolver.result()` or `resolve()`. */
  constructor(private readonly ledger: IdentityLedger) {}

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

  /** Whether every record's facts are kept, so per-record queries (outcome, notes, explain) can answer. */
  get retainsRecords(): boolean {
    return this.ledger.retainsRecords;
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

  /** The texts of the table notes for the record at `index` after `step` (default: the end); `view.notes` has them structured. */
  notes(index: number, step = this.ledger.size - 1, label?: IdLabel): string[] {
    return this.at(step)
      .notes(index, label)
      .map((note) => note.text);
  }

  /** The reasons behind the record at `index` as "RULE: text" lines; `reasons` has them structured. */
  explain(index: number, step = this.ledger.size - 1, label?: IdLabel, eventLabel?: EventLabel): string[] {
    return this.reasons(index, step, label, eventLabel).map(reasonLine);
  }

  /** The reasons behind the record at `index` after `step`: kind, rules, the ids and event they name, words. */
  reasons(index: number, step = this.ledger.size - 1, label?: IdLabel, eventLabel?: EventLabel): Reason[] {
    return this.at(step).explain(index, label, eventLabel);
  }

  /** Every record's receipt (at = record index) when records are retained, else undefined. */
  get receipts(): IngestReceipts | undefined {
    return this.ledger.receipts;
  }

  /** The text of id number `n` (from a receipt or `resolvedNumbers()`); '' for NO_ID. */
  idText(n: number): string {
    return this.ledger.textOf(n) ?? '';
  }

  /** The number of an id the stream mentioned (devices as `$device:…`), or undefined. */
  idNumber(text: string): number | undefined {
    return this.ledger.table.find(text);
  }

  /** Every id's text, indexed by its number (devices as `$device:…`); includes ids only interned, never seen. */
  idTexts(): readonly string[] {
    return this.ledger.table.text;
  }

  /** The link or merge numbered `n` (a receipt's `linkAt`). */
  link(n: number): Link | undefined {
    return this.ledger.linkLog[n];
  }

  /** Why the identity event at record `index` was refused at ingestion (Original, Legacy), if it was. */
  failureAt(index: number): Failure | undefined {
    return this.ledger.failureAt(index);
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
