// The resolutions of one loaded file: one pass per mode and options, kept so a switch back is free, and passes
// advanced in the background between messages so a switch ahead is free too (issue #14).
import {
  modeRules,
  NOT_NUMBERED,
  optionsKey,
  Resolver,
  type Mode,
  type NumberedEvent,
  type Resolution,
  type ResolveOptions,
  type StreamRecord,
} from '../engine/index.ts';
import { createLinter, type Finding, type Linter } from '../diagnostics/index.ts';
import { rederiveIdentity } from '../io/index.ts';
import type { EventStore } from './eventStore.ts';
import { ResolvedIndex } from './resolvedIndex.ts';

/** A NumberedEvent filled again for every record. */
type MutableNumberedEvent = { -readonly [K in keyof NumberedEvent]: NumberedEvent[K] };

/** The mode and engine options to resolve with. */
export interface ResolveSpec {
  readonly mode: Mode;
  readonly options: Partial<ResolveOptions>;
}

/** A finished pass: the engine's resolution, the linter's findings and the index the queries read. */
export interface Resolved {
  readonly spec: ResolveSpec;
  readonly resolution: Resolution;
  readonly findings: Finding[];
  readonly index: ResolvedIndex;
}

/**
 * Resolutions kept per loaded file: the three modes under the options in use, so a switch back costs nothing. Each
 * holds about 20 MB per 100,000 records (measured, Node heap, issue #14), so memory stays bounded at three.
 */
const KEPT_RESOLUTIONS = 3;
/** Records a background pass ingests between looks at the clock. */
const SLICE_RECORDS = 4_096;
/**
 * Above this many records the other modes are not prepared in the background: three kept resolutions of a bigger
 * file would hold well over half a gigabyte in the tab (≈ 20 MB per 100,000 records each); a switch there resolves
 * on demand instead.
 */
export const BACKGROUND_RECORD_LIMIT = 1_000_000;
/** How often a re-resolve reports progress, in records. */
const RESOLVE_PROGRESS_EVERY = 50_000;

/** One key per mode and options: the same options in any property order give the same key. */
export function specKey(spec: ResolveSpec): string {
  return `${spec.mode} ${optionsKey(spec.options)}`;
}

/** One pass of the engine and the linter side by side, fed record by record. */
export class ResolvePass {
  private readonly resolver: Resolver;
  private readonly linter: Linter;
  private readonly rederive: boolean;

  constructor(
    readonly spec: ResolveSpec,
    rederive: boolean,
  ) {
    this.resolver = new Resolver(spec.mode, spec.options);
    // The linter reads each record's ingestion from this resolver, so the stream is resolved once, not twice.
    this.linter = createLinter(spec.mode, spec.options, {}, this.resolver);
    // G-6: only a mode that reads $device_id/$user_id can re-derive identity from them.
    this.rederive = rederive && modeRules(spec.mode).readsDeviceAndUserIds;
  }

  /**
   * Feeds the record stored at `index`. An event goes in with the store's numbers of its ids
   * (Resolver.ingestNumbered: the engine finds them by number, not by hashing their texts again); under G-6's
   * re-derivation its distinct_id is dropped, so that number is not passed.
   */
  observeStored(store: EventStore, index: number): void {
    const sent = store.record(index);
    const line = store.lineOf(index);
    if (sent.kind !== 'event') return this.observe(sent, index, line);
    const event = this.rederive ? rederiveIdentity(sent.event) : sent.event;
    const numbered = this.numbered;
    numbered.event = event.event;
    numbered.properties = event.properties;
    numbered.channel = event.channel;
    store.idNumbersInto(index, numbered);
    if (event !== sent.event) numbered.distinctIdNumber = NOT_NUMBERED;
    this.resolver.ingestNumbered(numbered);
    this.linter.observe(event === sent.event ? sent : { ...sent, event }, index, line);
  }

  /** The event observeStored hands the engine: one object, filled for each. */
  private readonly numbered: MutableNumberedEvent = {
    event: '',
    properties: {},
    channel: undefined,
    distinctIdNumber: NOT_NUMBERED,
    deviceIdNumber: NOT_NUMBERED,
    userIdNumber: NOT_NUMBERED,
  };

  observe(sent: StreamRecord, index: number, line: number): void {
    const record =
      this.rederive && sent.kind === 'event' ? { ...sent, event: rederiveIdentity(sent.event) } : sent;
    this.resolver.ingest(record);
    this.linter.observe(record, index, line);
  }

  finish(): Resolved {
    const resolution = this.resolver.result();
    const findings = this.linter.finish(resolution);
    return { spec: this.spec, resolution, findings, index: new ResolvedIndex(resolution, findings) };
  }
}

/** The kept and the half-done passes over one store; `current` is what the queries read. */
export class Resolutions {
  current: Resolved | undefined;
  /** Finished resolutions by specKey, oldest first (a Map keeps insertion order). */
  private readonly kept = new Map<string, Resolved>();
  /** Passes started in the background and not finished yet, with the next record each will read. */
  private readonly pending = new Map<string, { pass: ResolvePass; next: number }>();

  constructor(
    private readonly store: EventStore,
    /** G-6: re-derive identity on modes that can (read when a pass starts: set by the load). */
    private readonly rederive: () => boolean,
    /** Records per background slice (tests make it small to stop a pass in the middle). */
    private readonly sliceRecords = SLICE_RECORDS,
  ) {}

  /**
   * Makes `spec` current: free when it was resolved before or prepared in the background (a background pass
   * already begun is finished from where it stopped), else one linear pass over the stored records.
   */
  resolve(spec: ResolveSpec, onProgress?: (records: number, total: number) => void): Resolved {
    const key = specKey(spec);
    const kept = this.kept.get(key);
    if (kept !== undefined) return (this.current = kept);
    const started = this.pending.get(key) ?? { pass: new ResolvePass(spec, this.rederive()), next: 0 };
    this.pending.delete(key);
    const total = this.store.size;
    for (let index = started.next; index < total; index++) {
      started.pass.observeStored(this.store, index);
      if (onProgress !== undefined && index % RESOLVE_PROGRESS_EVERY === 0) onProgress(index, total);
    }
    const resolved = started.pass.finish();
    this.keep(resolved);
    return resolved;
  }

  /** Whether `spec`'s resolution is at hand (a switch to it is free). */
  isPrepared(spec: ResolveSpec): boolean {
    return this.kept.has(specKey(spec));
  }

  /** Advances a background pass for `spec` for about `budgetMs`; true once it is kept (or too big to keep). */
  prepare(spec: ResolveSpec, budgetMs: number): boolean {
    const key = specKey(spec);
    if (this.kept.has(key) || this.store.size > BACKGROUND_RECORD_LIMIT) return true;
    const started = this.pending.get(key) ?? this.startPending(spec, key);
    const deadline = performance.now() + budgetMs;
    const total = this.store.size;
    while (started.next < total) {
      const end = Math.min(total, started.next + this.sliceRecords);
      for (let index = started.next; index < end; index++) started.pass.observeStored(this.store, index);
      started.next = end;
      if (performance.now() >= deadline) return false;
    }
    this.pending.delete(key);
    this.kept.set(key, started.pass.finish());
    this.trimKept();
    return true;
  }

  /** Makes `resolved` current and keeps it, dropping the oldest kept beyond KEPT_RESOLUTIONS. */
  keep(resolved: Resolved): void {
    this.current = resolved;
    const key = specKey(resolved.spec);
    this.kept.delete(key);
    this.kept.set(key, resolved);
    this.trimKept();
  }

  private startPending(spec: ResolveSpec, key: string): { pass: ResolvePass; next: number } {
    // A pass begun under other options will not be asked for again: the user changed them.
    for (const [other, { pass }] of this.pending)
      if (specKey({ ...pass.spec, mode: spec.mode }) !== key) this.pending.delete(other);
    const started = { pass: new ResolvePass(spec, this.rederive()), next: 0 };
    this.pending.set(key, started);
    return started;
  }

  private trimKept(): void {
    for (const key of this.kept.keys()) {
      if (this.kept.size <= KEPT_RESOLUTIONS) return;
      if (this.kept.get(key) !== this.current) this.kept.delete(key);
    }
  }
}
