// One imported file in the worker: read once into compact columns, resolved under any mode, queried by the views.
import type { Mode, Resolution, ResolveOptions } from '../engine/index.ts';
import type { Finding } from '../diagnostics/index.ts';
import {
  createImporter,
  type ImportBatch,
  type ImportFormat,
  type ImportProblem,
  type ImportReport,
} from '../io/index.ts';
import { EventStore, type StoreRows } from './eventStore.ts';
import type { HarFacts } from './harLoad.ts';
import type { ResolvedIndex } from './resolvedIndex.ts';
import { ResolvePass, Resolutions, type Resolved, type ResolveSpec } from './resolutions.ts';

export { specKey, type ResolveSpec } from './resolutions.ts';

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

/** What reading a file gave besides its records: the report, and the first rejected lines. */
export interface ReadOutcome {
  readonly report: ImportReport;
  readonly problems: readonly ImportProblem[];
}

/** A load fed with rows another worker reads (see ImportSession.receive). */
export interface RowsReceiver {
  /** Appends `rows` to the store and resolves them. */
  rows(rows: StoreRows): void;
  /** Ends the load with what the reader reported; the session is then resolved and can answer queries. */
  end(read: ReadOutcome): void;
}

const PROBLEM_SAMPLE = 500;

export class ImportSession {
  readonly store = new EventStore();
  private report: ImportReport | undefined;
  private readonly problems: ImportProblem[] = [];
  private rederive = false;
  private readonly resolutions: Resolutions;
  private har: HarFacts | undefined;

  /** `sliceRecords`: records per background slice (tests make it small to stop a pass in the middle). */
  constructor(sliceRecords?: number) {
    this.resolutions = new Resolutions(this.store, () => this.rederive, sliceRecords);
  }

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
    if (pass !== undefined) this.resolutions.keep(pass.finish());
    return true;
  }

  /**
   * A load whose text another worker reads and parses (reader.worker.ts, issue #14): the rows it takes from its own
   * store are appended to this one and resolved under `resolveWith` as they come, so reading and resolving overlap
   * on two cores. A record rebuilt from the store reads the same facts as the parsed one (EventStore keeps every
   * field the engine and the linter read), so the result is the one `load` with `resolveWith` gives.
   */
  receive(rederive: boolean, resolveWith: ResolveSpec): RowsReceiver {
    this.rederive = rederive;
    const pass = new ResolvePass(resolveWith, rederive);
    return {
      rows: (rows) => {
        const from = this.store.size;
        this.store.appendRows(rows);
        for (let index = from; index < this.store.size; index++) pass.observeStored(this.store, index);
      },
      end: (read) => {
        this.report = read.report;
        this.problems.push(...read.problems);
        this.resolutions.keep(pass.finish());
      },
    };
  }

  /** The report and the sampled problems of a finished `load`, for the worker that resolves its rows. */
  readOutcome(): ReadOutcome {
    if (this.report === undefined) throw new Error('the file has not been read to its end');
    return { report: this.report, problems: this.problems };
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
    this.resolutions.keep(pass.finish());
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
   * this mode and options were resolved before or prepared in the background.
   */
  resolveAs(
    mode: Mode,
    options: Partial<ResolveOptions>,
    onProgress?: (records: number, total: number) => void,
  ): SessionSummary {
    this.resolutions.resolve({ mode, options }, onProgress);
    return this.summary();
  }

  /** Whether `spec`'s resolution is at hand (a switch to it is free). */
  isPrepared(spec: ResolveSpec): boolean {
    return this.resolutions.isPrepared(spec);
  }

  /**
   * Advances a background resolution of `spec` for about `budgetMs`, so a later switch to it is free; returns true
   * once it is kept. Called between messages by the worker, which is how a mode switch on a million records can
   * answer at once (issue #14) without blocking queries meanwhile.
   */
  prepare(spec: ResolveSpec, budgetMs: number): boolean {
    return this.resolutions.prepare(spec, budgetMs);
  }

  summary(): SessionSummary {
    const resolved = this.resolutions.current;
    if (this.report === undefined || resolved === undefined)
      throw new Error('nothing is loaded and resolved yet');
    return {
      mode: resolved.spec.mode,
      options: resolved.spec.options,
      report: this.report,
      problems: this.problems,
      records: this.store.size,
      clusters: resolved.index.clusterCount,
      findings: resolved.findings,
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
    const resolved = this.resolutions.current;
    if (resolved === undefined) throw new Error('nothing is resolved yet');
    return resolved;
  }
}
