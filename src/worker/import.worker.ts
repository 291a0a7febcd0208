// The import worker: parsing, resolving and querying a big file off the UI thread (issue #5).
import { optionsKey, type ResolveOptions } from '../engine/index.ts';
import { carriesBothIds, storedCompareSession, type CompareSession } from './compareSession.ts';
import { buildExport } from './exports.ts';
import { looksLikeHar } from '../io/har/index.ts';
import { DETECTION_SAMPLE_SIZE } from '../io/index.ts';
import { harRecordsFile, harScenarioInput, harSession, readHarSource, type HarSource } from './harLoad.ts';
import { identityRecords } from './identityRecords.ts';
import { ImportSession, type LoadSettings } from './importSession.ts';
import { BackgroundModes, textChunks } from './pacing.ts';
import type { CancelMessage, ReplyMessage, RequestMessage, Requests, WorkProgress } from './protocol.ts';
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
}

/** The other modes of the loaded file, resolved between messages (issue #14). */
const background = new BackgroundModes();
const isLoaded = (session: ImportSession) => loaded?.session === session;

/** The page repaints a progress bar ~10 times a second at most; more messages would only queue up there. */
const PROGRESS_INTERVAL_MS = 100;

let loaded: Loaded | undefined;
/** The loaded HAR's Mixpanel payloads (nothing else of the log is kept), while a HAR is loaded. */
let loadedHar: { source: HarSource; rederive: boolean } | undefined;
let loadInFlight: number | undefined;
let cancelled = false;
/** The last filtered row set, kept while the user pages through it. */
let lastMatches: { key: string; indexes: Int32Array | undefined } | undefined;
/** The loaded file compared across modes, kept while the options stay the same. */
let comparing: { key: string; session: CompareSession; of: Loaded } | undefined;

/** The comparison of the loaded file under `options`, built on first use (one pass over the stored records). */
function compareSession(options: Partial<ResolveOptions>): CompareSession {
  const current = need();
  const key = optionsKey(options);
  if (comparing?.key !== key || comparing.of !== current) {
    const session = storedCompareSession(current.session.store, current.settings.rederive, options);
    comparing = { key, session, of: current };
  }
  return comparing.session;
}

const post = (message: ReplyMessage) => postMessage(message);

/** Posts progress for request `id`, dropping updates that come sooner than PROGRESS_INTERVAL_MS after the last. */
function progressPoster(id: number): (progress: WorkProgress, force?: boolean) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (progress, force = false) => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    post({ id, kind: 'progress', progress });
  };
}

async function isHar(args: Requests['load']['args']): Promise<boolean> {
  if (args.format !== 'auto') return args.format === 'har';
  return looksLikeHar(await args.file.slice(0, DETECTION_SAMPLE_SIZE).text());
}

/** A HAR: streamed through the HAR reader (progress by bytes, cancellable), then its records resolved. */
async function loadHar(id: number, args: Requests['load']['args']): Promise<Requests['load']['result']> {
  cancelled = false;
  loadInFlight = id;
  const report = progressPoster(id);
  const onBytes = (bytes: number, done: boolean) =>
    report(
      { phase: done ? 'resolving' : 'reading', done: bytes, total: args.file.size, records: 0, problems: 0 },
      done,
    );
  let source: HarSource | undefined;
  try {
    source = await readHarSource(textChunks(args.file, onBytes), () => !cancelled);
  } finally {
    loadInFlight = undefined;
  }
  if (source === undefined) return { cancelled: true };
  return useHar(source, false, args.rederive, { mode: args.mode, options: args.options }, args.fileName);
}

function useHar(
  source: HarSource,
  includeFailed: boolean,
  rederive: boolean,
  spec: { mode: Requests['load']['args']['mode']; options: Requests['load']['args']['options'] },
  fileName?: string,
): Requests['harInclude']['result'] {
  const session = harSession(source, includeFailed, rederive, spec);
  const settings: LoadSettings = {
    format: 'ndjson',
    rederive,
    ...(fileName === undefined ? {} : { fileName }),
  };
  loaded = { session, file: harRecordsFile(source, includeFailed), settings };
  loadedHar = { source, rederive };
  lastMatches = undefined;
  comparing = undefined; // it holds the previous file (store and resolutions) until Compare is opened again
  void background.prepare(session, spec.options, isLoaded);
  return session.summary();
}

function needHar(): { source: HarSource; rederive: boolean } {
  if (loadedHar === undefined) throw new Error('no network log (HAR) is loaded');
  return loadedHar;
}

async function load(id: number, args: Requests['load']['args']): Promise<Requests['load']['result']> {
  background.stop();
  if (await isHar(args)) return loadHar(id, args);
  loadedHar = undefined;
  const session = new ImportSession();
  const settings: LoadSettings = {
    format: args.format,
    rederive: args.rederive,
    ...(args.fileName === undefined ? {} : { fileName: args.fileName }),
  };
  cancelled = false;
  loadInFlight = id;
  const report = progressPoster(id);
  let counts = { records: 0, problems: 0 };
  const onBytes = (bytes: number, done: boolean) =>
    report({ phase: done ? 'resolving' : 'reading', done: bytes, total: args.file.size, ...counts }, done);
  try {
    const finished = await session.load(
      textChunks(args.file, onBytes),
      settings,
      (p) => (counts = { records: p.records, problems: p.problems }),
      () => cancelled,
      { mode: args.mode, options: args.options },
    );
    if (!finished) return { cancelled: true };
  } finally {
    loadInFlight = undefined;
  }
  loaded = { session, file: args.file, settings };
  lastMatches = undefined;
  comparing = undefined; // it holds the previous file (store and resolutions) until Compare is opened again
  void background.prepare(session, args.options, isLoaded);
  return session.summary();
}

function resolve(id: number, args: Requests['resolve']['args']): Requests['resolve']['result'] {
  const { session } = need();
  const report = progressPoster(id);
  lastMatches = undefined;
  const summary = session.resolveAs(args.mode, args.options, (done, total) =>
    report({ phase: 'resolving', done, total, records: total, problems: 0 }),
  );
  void background.prepare(session, args.options, isLoaded);
  return summary;
}

function need(): Loaded {
  if (loaded === undefined) throw new Error('no file is loaded');
  return loaded;
}

/** The rows a filter keeps, cached while the same filter is paged through. */
function matchesFor(filter: RowFilter): Int32Array | undefined {
  const { session } = need();
  const key = JSON.stringify([filter.filter ?? '', filter.clusterOf ?? null, filter.finding ?? null]);
  if (lastMatches?.key !== key)
    lastMatches = { key, indexes: matchingIndexes(session.store, session.index, session.findings, filter) };
  return lastMatches.indexes;
}

async function answer(message: RequestMessage): Promise<unknown> {
  switch (message.name) {
    case 'load':
      return load(message.id, message.args);
    case 'resolve':
      return resolve(message.id, message.args);
    case 'rows':
      return rowPage(need().session.store, need().session.index, message.args, matchesFor(message.args));
    case 'locate':
      return rowPosition(matchesFor(message.args), message.args.index);
    case 'clusters':
      return clusterList(need().session.index, message.args.limit);
    case 'search':
      return searchIds(need().session.store, need().session.index, message.args.text, message.args.limit);
    case 'identity': {
      const { session } = need();
      return identityDetail(
        session.store,
        session.index,
        session.findings,
        message.args.id,
        message.args.cap,
      );
    }
    case 'identityRecords': {
      const { session } = need();
      return identityRecords(session.store, session.index, message.args.id, message.args.cap);
    }
    case 'compare':
      return compareSession(message.args.options).overview(message.args.funnel, message.args.modes);
    case 'compareRows':
      return compareSession(message.args.options).rows(message.args);
    case 'compareGraphs':
      return compareSession(message.args.options).graphs(message.args.ids);
    case 'compareAssumptions':
      return compareSession(message.args.options).assumptions();
    case 'compareMigration': {
      const { store } = need().session;
      return compareSession(message.args.options).migration((index) => carriesBothIds(store.record(index)));
    }
    case 'harInclude': {
      const { source, rederive } = needHar();
      return useHar(source, message.args.includeFailed, rederive, message.args);
    }
    case 'harScenarioInput': {
      const facts = need().session.summary().har;
      return harScenarioInput(needHar().source, facts?.includeFailed ?? false);
    }
    case 'export': {
      const { session, file, settings } = need();
      return buildExport(message.args.kind, session.current, session.findings, {
        ...settings,
        chunks: () => textChunks(file),
      });
    }
  }
}

onmessage = (event: MessageEvent<RequestMessage | CancelMessage>) => {
  const message = event.data;
  if (message.name === 'cancel') {
    if (loadInFlight !== undefined) cancelled = true;
    return;
  }
  answer(message).then(
    (result) => post({ id: message.id, kind: 'result', result }),
    (error: unknown) =>
      post({
        id: message.id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
