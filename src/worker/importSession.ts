// One imported file in the worker: read once into compact columns, resolved under any mode, queried by the views.
import { Resolver, type Mode, type Resolution, type ResolveOptions } from '../engine/index.ts';
import { createLinter, type Finding } from '../diagnostics/index.ts';
import {
  createImporter,
  rederiveIdentity,
  type ImportFormat,
  type ImportProblem,
  type ImportReport,
} from '../io/index.ts';
import { EventStore } from './eventStore.ts';

export interface LoadSettings {
  readonly format: ImportFormat | 'auto';
  readonly fileName?: string;
  /** G-6: drop an export's already-resolved distinct_id where `$device_id`/`$user_id` can re-derive identity. */
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
  readonly report: ImportReport;
  /** The first rejected lines, with their numbers and reasons (the report counts them all). */
  readonly problems: readonly ImportProblem[];
  readonly records: number;
  readonly clusters: number;
  readonly findings: readonly Finding[];
}

const PROBLEM_SAMPLE = 500;

export class ImportSession {
  readonly store = new EventStore();
  private report: ImportReport | undefined;
  private readonly problems: ImportProblem[] = [];
  private resolution: Resolution | undefined;
  private findings: Finding[] = [];
  private mode: Mode = 'simplified';

  /**
   * Reads the file's text chunks. Between chunks it reports progress and asks whether to go on, so the page can
   * show a progress bar and cancel; a cancelled load keeps nothing.
   */
  async load(
    chunks: AsyncIterable<string>,
    settings: LoadSettings,
    onProgress: (progress: LoadProgress) => void,
    isCancelled: () => boolean,
  ): Promise<boolean> {
    const importer = createImporter(
      settings.format,
      settings.fileName === undefined ? {} : { fileName: settings.fileName },
    );
    let bytesRead = 0;
    for await (const chunk of chunks) {
      if (isCancelled()) return false;
      bytesRead += chunk.length;
      this.take(importer.push(chunk), settings.rederive);
      onProgress({ bytesRead, records: this.store.size, problems: importer.report().rejected });
    }
    this.take(importer.end(), settings.rederive);
    this.report = importer.report();
    return true;
  }

  private take(batch: ReturnType<ReturnType<typeof createImporter>['push']>, rederive: boolean): void {
    for (const { line, record } of batch.records) {
      const kept =
        rederive && record.kind === 'event' ? { ...record, event: rederiveIdentity(record.event) } : record;
      this.store.add(kept, line);
    }
    for (const problem of batch.problems)
      if (this.problems.length < PROBLEM_SAMPLE) this.problems.push(problem);
  }

  /** Resolves the loaded stream under `mode` and runs the linter alongside; linear in the number of records. */
  resolveAs(mode: Mode, options: Partial<ResolveOptions>): SessionSummary {
    const resolver = new Resolver(mode, options);
    const linter = createLinter(mode, options);
    for (let index = 0; index < this.store.size; index++) {
      const record = this.store.record(index);
      resolver.ledger.ingest(record);
      linter.observe(record, index, this.store.lineOf(index));
    }
    this.mode = mode;
    this.resolution = resolver.result();
    this.findings = linter.finish(this.resolution);
    return this.summary();
  }

  summary(): SessionSummary {
    if (this.report === undefined || this.resolution === undefined)
      throw new Error('nothing is loaded and resolved yet');
    return {
      mode: this.mode,
      report: this.report,
      problems: this.problems,
      records: this.store.size,
      clusters: this.resolution.final().clusters().length,
      findings: this.findings,
    };
  }

  /** The current resolution; queries need one. */
  get current(): Resolution {
    if (this.resolution === undefined) throw new Error('nothing is resolved yet');
    return this.resolution;
  }
}
