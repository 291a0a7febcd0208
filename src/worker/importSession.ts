// One imported file in the worker: read once into compact columns, resolved under any mode, queried by the views.
import {
  modeRules,
  optionsKey,
  Resolver,
  type Mode,
  type Resolution,
  type ResolveOptions,
  type StreamRecord,
} from '../engine/index.ts';
import { createLinter, type Finding, type Linter } from '../diagnostics/index.ts';
import {
  createImporter,
  rederiveIdentity,
  type ImportBatch,
  type ImportFormat,
  type ImportProblem,
  type ImportReport,
} from '../io/index.ts';
import { EventStore } from './eventStore.ts';
import type { HarFacts } from './harLoad.ts';
import { ResolvedIndex } from './resolvedIndex.ts';

export interface LoadSettings {
  readonly format: ImportFormat | 'auto';
  readonly fileName?: string;
  /**
   * G-6: on Simplified, drop an export's already-resolved distinct_id where `$device_id`/`$user_id` can re-derive
   * identity. Original and Legacy read only distinct_id (O-1), so they always get the file as it is.
   */
  readonly rederive: boolean;
}

export interface LoadProgress {
  readonly bytesRead: number;
  readonly records: number;
  readonly problems: number;
}

/** The mode and engine options to resolve with. */
export interface ResolveSpec {
  readonly mode: Mode;
  readonly options: Partial<ResolveOptions>;
}

/** What a load or a re-resolve produced, small enough to post to the page. */
export interface SessionSummary {
  readonly mode: Mode;
  readonly options: Partial<ResolveOptions>;
  readonly report: ImportReport;
  /** The first rejected lines, with their numbers and reasons (the report counts them all). */
  readonly problems: readonly ImportProblem[];
  readonly records: number;
  readonly clusters: number;
  readonly findings: readonly Finding[];
  /** What a network log (HAR) told beyond its events: requests by kind, failures, retries, SDK versions. */
  readonly har?: HarFacts;
}

const PROBLEM_SAMPLE = 500;
/** How often a re-resolve reports progress, in records. */
const RESOLVE_PROGRESS_EVERY = 50_000;
/**
 * Resolutions kept per loaded file: the three modes under the options in use, so a switch back costs nothing. Each
 * holds about 20 MB per 100,000 records (measured, Node heap, issue #14), so memory stays bounded at three.
 */
const KEPT_RESOLUTIONS = 3;
/** Records a background pass ingests between looks at the clock. */
const SLICE_RECORDS = 4_096;

/** One key per mode and options: the same options in any property order give the same key. */
export function specKey(spec: ResolveSpec): string {
  return `${spec.mode} ${optionsKey(spec.options)}`;
}

/** One pass of the engine and the linter side by side, fed record by record. */
class ResolvePass {
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
    this.rederive = rederive && modeRules(spec.mode).readsDeviceAndUserIds;
  }

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

interface Resolved {
  readonly spec: ResolveSpec;
  readonly resolution: Resolution;
  readonly findings: Finding[];
  readonly index: ResolvedIndex;
}

export class ImportSession {
  readonly store = new EventStore();
  private report: ImportReport | undefined;
  private readonly problems: ImportProblem[] = [];
  private resolved: Resolved | undefined;
  /** Finished resolutions by specKey, oldest first (a Map keeps insertion order). */
  private readonly kept = new Map<string, Resolved>();
  /** Passes started in the background and not finished yet, with the next record each will read. */
  private readonly pending = new Map<string, { pass: ResolvePass; next: number }>();
  private rederive = false;
  private har: HarFacts | undefined;

  /**
   * Reads the file's text chunks. Between chunks it reports progress and asks whether to go on, so the page can
   * show a progress bar and cancel; a cancelled load keeps nothing. With `resolveWith`, records are resolved and
   * linted as they are read, which saves rebuilding a million records for the first answer.
   */
  async load(
    chunks: AsyncIterable<string>,
    settings: LoadSettings,
    onProgress: (progress: LoadProgress) => void,
    isCancelled: () => boolean,
    resolveWith?: ResolveSpec,
  ): Promise<boolean> {
    const importer = createImporter(
      settings.format,
      settings.fileName === undefined ? {} : { fileName: settings.fileName },
    );
    this.rederive = settings.rederive;
    const pass = resolveWith === undefined ? undefined : new ResolvePass(resolveWith, settings.rederive);
    let bytesRead = 0;
    for await (const chunk of chunks) {
      if (isCancelled()) return false;
      bytesRead += chunk.length;
      this.take(importer.push(chunk), pass);
      onProgress({ bytesRead, records: this.store.size, problems: importer.report().rejected });
    }
    this.take(importer.end(), pass);
    this.report = importer.report();
    if (pass !== undefined) this.keep(pass.finish());
    return true;
  }

  /**
   * Takes records another reader already produced (a HAR's, src/io/har) with that reader's report, and resolves
   * them as `load` would: the same store, lines and linting, so the views cannot tell the difference.
   */
  loadRecords(
    batch: ImportBatch,
    report: ImportReport,
    rederive: boolean,
    resolveWith: ResolveSpec,
    har?: HarFacts,
  ): void {
    this.rederive = rederive;
    const pass = new ResolvePass(resolveWith, rederive);
    this.take(batch, pass);
    this.report = report;
    if (har !== undefined) this.har = har;
    this.keep(pass.finish());
  }

  private take(batch: ImportBatch, pass: ResolvePass | undefined): void {
    for (const { line, record } of batch.records) {
      pass?.observe(record, this.store.size, line);
      this.store.add(record, line);
    }
    for (const problem of batch.problems)
      if (this.problems.length < PROBLEM_SAMPLE) this.problems.push(problem);
  }

  /**
   * Resolves the loaded stream under `mode` and lints it alongside; linear in the number of records, and free when
   * this mode and options were resolved before or prepared in the background (a background pass already begun is
   * finished from where it stopped).
   */
  resolveAs(
    mode: Mode,
    options: Partial<ResolveOptions>,
    onProgress?: (records: number, total: number) => void,
  ): SessionSummary {
    const spec = { mode, options };
    const key = specKey(spec);
    const kept = this.kept.get(key);
    if (kept !== undefined) {
      this.resolved = kept;
      return this.summary();
    }
    const started = this.pending.get(key) ?? { pass: new ResolvePass(spec, this.rederive), next: 0 };
    this.pending.delete(key);
    const total = this.store.size;
    for (let index = started.next; index < total; index++) {
      started.pass.observe(this.store.record(index), index, this.store.lineOf(index));
      if (onProgress !== undefined && index % RESOLVE_PROGRESS_EVERY === 0) onProgress(index, total);
    }
    this.keep(started.pass.finish());
    return this.summary();
  }

  /** Whether `spec`'s resolution is at hand (a switch to it is free). */
  isPrepared(spec: ResolveSpec): boolean {
    return this.kept.has(specKey(spec));
  }

  /**
   * Advances a background resolution of `spec` for about `budgetMs`, so a later switch to it is free; returns true
   * once it is kept. Called between messages by the worker, which is how a mode switch on a million records can
   * answer at once (issue #14) without blocking queries meanwhile.
   */
  prepare(spec: ResolveSpec, budgetMs: number): boolean {
    const key = specKey(spec);
    if (this.kept.has(key)) return true;
    let started = this.pending.get(key);
    if (started === undefined) {
      // A pass begun under other options will not be asked for again: the user changed them.
      for (const [other, { pass }] of this.pending)
        if (specKey({ ...pass.spec, mode: spec.mode }) !== specKey(spec)) this.pending.delete(other);
      started = { pass: new ResolvePass(spec, this.rederive), next: 0 };
      this.pending.set(key, started);
    }
    const deadline = performance.now() + budgetMs;
    const total = this.store.size;
    while (started.next < total) {
      const end = Math.min(total, started.next + SLICE_RECORDS);
      for (let index = started.next; index < end; index++)
        started.pass.observe(this.store.record(index), index, this.store.lineOf(index));
      started.next = end;
      if (performance.now() > deadline) return false;
    }
    this.pending.delete(key);
    this.kept.set(key, started.pass.finish());
    this.trimKept();
    return true;
  }

  /** Makes `resolved` current and keeps it, dropping the oldest kept beyond KEPT_RESOLUTIONS. */
  private keep(resolved: Resolved): void {
    this.resolved = resolved;
    const key = specKey(resolved.spec);
    this.kept.delete(key);
    this.kept.set(key, resolved);
    this.trimKept();
  }

  private trimKept(): void {
    for (const key of this.kept.keys()) {
      if (this.kept.size <= KEPT_RESOLUTIONS) return;
      if (this.kept.get(key) !== this.resolved) this.kept.delete(key);
    }
  }

  summary(): SessionSummary {
    if (this.report === undefined || this.resolved === undefined)
      throw new Error('nothing is loaded and resolved yet');
    return {
      mode: this.resolved.spec.mode,
      options: this.resolved.spec.options,
      report: this.report,
      problems: this.problems,
      records: this.store.size,
      clusters: this.resolved.index.clusters.length,
      findings: this.resolved.findings,
      ...(this.har === undefined ? {} : { har: this.har }),
    };
  }

  /** The current resolution; queries need one. */
  get current(): Resolution {
    return this.need().resolution;
  }

  /** What the current resolution answers fast: clusters, each cluster's events, findings per event. */
  get index(): ResolvedIndex {
    return this.need().index;
  }

  get findings(): readonly Finding[] {
    return this.need().findings;
  }

  private need(): Resolved {
    if (this.resolved === undefined) throw new Error('nothing is resolved yet');
    return this.resolved;
  }
}
