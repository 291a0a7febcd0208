// One worker's loaded file and the answers to the page's questions about it. Both import workers hold one: the
// page's worker (import.worker.ts) and the reader it starts (reader.worker.ts), each for the modes it resolves.
import { optionsKey, type Mode, type ResolveOptions } from '../engine/index.ts';
import { carriesBothIds, storedCompareSession, type CompareSession } from './compareSession.ts';
import { buildExport } from './exports.ts';
import { identityRecords } from './identityRecords.ts';
import type { ImportSession, LoadSettings } from './importSession.ts';
import { BackgroundModes, backgroundDelayMs, textChunks } from './pacing.ts';
import type { RequestMessage, Requests, WorkProgress } from './protocol.ts';
import {
  clusterList,
  identityDetail,
  matchingIndexes,
  rowPage,
  rowPosition,
  searchIds,
  type RowFilter,
} from './queries.ts';

interface Loaded {
  readonly session: ImportSession;
  readonly file: Blob;
  readonly settings: LoadSettings;
  /** The modes this worker resolves for the file, prepared in the background after a load or a switch. */
  readonly modes: readonly Mode[];
}

/** The questions a host answers from its loaded file (loads and a HAR's own requests are the workers'). */
export type QueryMessage = Exclude<
  RequestMessage,
  { name: 'load' | 'resolve' | 'harInclude' | 'harScenarioInput' }
>;

export class SessionHost {
  private loaded: Loaded | undefined;
  /** The other modes of the loaded file, resolved between messages (issue #14). */
  private readonly background = new BackgroundModes();
  /** The last filtered row set, kept while the user pages through it. */
  private lastMatches: { key: string; indexes: Int32Array | undefined } | undefined;
  /** The loaded file compared across modes, kept while the options stay the same. */
  private comparing: { key: string; session: CompareSession; of: Loaded } | undefined;

  /** The loaded session; throws when none is. */
  get session(): ImportSession {
    return this.need().session;
  }

  /** Takes a loaded (and resolved, or about to be) file; the previous one, its row sets and comparison go. */
  use(session: ImportSession, file: Blob, settings: LoadSettings, modes: readonly Mode[]): void {
    this.background.stop();
    this.loaded = { session, file, settings, modes };
    this.lastMatches = undefined;
    this.comparing = undefined; // it holds the previous file (store and resolutions) until Compare is opened again
  }

  /** Stops the background run (a new file is being read; the loaded one stays until that load ends). */
  stopBackground(): void {
    this.background.stop();
  }

  /** Forgets the loaded file (another worker took the next one). */
  clear(): void {
    this.background.stop();
    this.loaded = undefined;
    this.lastMatches = undefined;
    this.comparing = undefined;
  }

  /** Prepares this host's modes under `options` in the background, between messages. */
  prepare(options: Partial<ResolveOptions>): void {
    this.startBackground(options, 0);
  }

  /**
   * `prepare` right after a load: for a small file after a short grace, so the page mounts the result with a core to
   * itself (pacing.ts, backgroundDelayMs); a switch or another load meanwhile supersedes it.
   */
  prepareAfterLoad(options: Partial<ResolveOptions>): void {
    this.startBackground(options, backgroundDelayMs(this.loaded?.session.store.size ?? 0));
  }

  private startBackground(options: Partial<ResolveOptions>, startAfterMs: number): void {
    const current = this.loaded;
    if (current === undefined) return;
    void this.background.prepare(
      current.session,
      current.modes,
      options,
      (session) => this.isLoaded(session),
      startAfterMs,
    );
  }

  /** Makes `args` current (free when prepared), then prepares this host's modes under its options. */
  resolve(
    args: Requests['resolve']['args'],
    report: (progress: WorkProgress) => void,
  ): Requests['resolve']['result'] {
    const { session } = this.need();
    this.lastMatches = undefined;
    const summary = session.resolveAs(args.mode, args.options, (done, total) =>
      report({ phase: 'resolving', done, total, records: total, problems: 0 }),
    );
    this.prepare(args.options);
    return summary;
  }

  query(message: QueryMessage): unknown {
    const { session } = this.need();
    switch (message.name) {
      case 'rows':
        return rowPage(session.store, session.index, message.args, this.matchesFor(message.args));
      case 'locate':
        return rowPosition(this.matchesFor(message.args), message.args.index);
      case 'clusters':
        return clusterList(session.index, message.args.limit);
      case 'search':
        return searchIds(session.store, session.index, message.args.text, message.args.limit);
      case 'identity':
        return identityDetail(
          session.store,
          session.index,
          session.findings,
          message.args.id,
          message.args.cap,
        );
      case 'identityRecords':
        return identityRecords(session.store, session.index, message.args.id, message.args.cap);
      case 'compare':
        return this.compareSession(message.args.options).overview(message.args.funnel, message.args.modes);
      case 'compareRows':
        return this.compareSession(message.args.options).rows(message.args);
      case 'compareGraphs':
        return this.compareSession(message.args.options).graphs(message.args.ids);
      case 'compareAssumptions':
        return this.compareSession(message.args.options).assumptions();
      case 'compareMigration':
        return this.compareSession(message.args.options).migration((index) =>
          carriesBothIds(session.store.record(index)),
        );
      case 'export': {
        const { file, settings } = this.need();
        return buildExport(message.args.kind, session.current, session.findings, {
          ...settings,
          chunks: () => textChunks(file),
        });
      }
    }
  }

  private isLoaded(session: ImportSession): boolean {
    return this.loaded?.session === session;
  }

  private need(): Loaded {
    if (this.loaded === undefined) throw new Error('no file is loaded');
    return this.loaded;
  }

  /** The rows a filter keeps, cached while the same filter is paged through. */
  private matchesFor(filter: RowFilter): Int32Array | undefined {
    const { session } = this.need();
    const key = JSON.stringify([filter.filter ?? '', filter.clusterOf ?? null, filter.finding ?? null]);
    if (this.lastMatches?.key !== key)
      this.lastMatches = {
        key,
        indexes: matchingIndexes(session.store, session.index, session.findings, filter),
      };
    return this.lastMatches.indexes;
  }

  /** The comparison of the loaded file under `options`, built on first use (one pass over the stored records). */
  private compareSession(options: Partial<ResolveOptions>): CompareSession {
    const current = this.need();
    const key = optionsKey(options);
    if (this.comparing?.key !== key || this.comparing.of !== current) {
      const session = storedCompareSession(current.session.store, current.settings.rederive, options);
      this.comparing = { key, session, of: current };
    }
    return this.comparing.session;
  }
}
