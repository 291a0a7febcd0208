// The import worker: parsing, resolving and querying a big file off the UI thread (issue #5). Since issue #14 it
// works with a second worker on the other core: the reader (reader.worker.ts) reads and parses the file and sends
// its rows, which this worker resolves under the chosen mode as they come; the reader then keeps the same records
// and resolves the other modes, and this worker passes it the page's questions while one of those is shown.
import { MODES, type Mode } from '../engine/index.ts';
import { looksLikeHar } from '../io/har/index.ts';
import { DETECTION_SAMPLE_SIZE } from '../io/index.ts';
import { harRecordsFile, harScenarioInput, harSession, readHarSource, type HarSource } from './harLoad.ts';
import { ImportSession, type LoadSettings, type RowsReceiver } from './importSession.ts';
import { textChunks } from './pacing.ts';
import type { CancelMessage, ReplyMessage, RequestMessage, Requests, WorkProgress } from './protocol.ts';
import type { FromReader, RowsMessage, ToReader } from './readerProtocol.ts';
import { SessionHost } from './sessionHost.ts';

/** The page repaints a progress bar ~10 times a second at most; more messages would only queue up there. */
const PROGRESS_INTERVAL_MS = 100;

const host = new SessionHost();
/** The loaded HAR's Mixpanel payloads (nothing else of the log is kept), while a HAR is loaded. */
let loadedHar: { source: HarSource; rederive: boolean } | undefined;
let loadInFlight: number | undefined;
let cancelled = false;
/** The modes the reader resolves for the loaded file (none for a HAR, which this worker reads alone). */
let readerModes: ReadonlySet<Mode> = new Set();
/** Whether the page's questions go to the reader: the mode shown is one of its modes. */
let askReader = false;
/** The load whose rows the reader is sending. */
let receiving: Receiving | undefined;

interface Receiving {
  readonly id: number;
  readonly into: RowsReceiver;
  readonly onRows: (message: RowsMessage) => void;
  readonly done: (outcome: ReadResult) => void;
}

/** How a read by the reader ended. */
type ReadResult = 'ended' | 'cancelled' | Error;

const post = (message: ReplyMessage) => postMessage(message);

const reader = new Worker(new URL('./reader.worker.ts', import.meta.url), { type: 'module' });
const toReader = (message: ToReader) => reader.postMessage(message);
/** Page requests passed to the reader and not answered yet, so a reader that dies does not leave them hanging. */
const passed = new Set<number>();

reader.onmessage = (event: MessageEvent<FromReader>) => {
  const message = event.data;
  if (message.kind === 'rows' || message.kind === 'readEnd' || message.id === receiving?.id)
    return fromRead(message);
  if (message.kind !== 'progress') passed.delete(message.id);
  post(message);
};

reader.onerror = (event) => {
  const error = new Error(event.message || 'the reader worker stopped');
  receiving?.done(error);
  for (const id of passed) post({ id, kind: 'error', message: error.message });
  passed.clear();
};

function fromRead(message: FromReader): void {
  const current = receiving;
  if (current === undefined || message.id !== current.id) return; // a cancelled load's last rows
  if (message.kind === 'rows') {
    current.into.rows(message.rows);
    current.onRows(message);
  } else if (message.kind === 'readEnd') {
    if ('cancelled' in message.outcome) return current.done('cancelled');
    current.into.end(message.outcome);
    current.done('ended');
  } else if (message.kind === 'error') current.done(new Error(message.message));
}

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
  const report = progressPoster(id);
  const onBytes = (bytes: number, done: boolean) =>
    report(
      { phase: done ? 'resolving' : 'reading', done: bytes, total: args.file.size, records: 0, problems: 0 },
      done,
    );
  const source = await readHarSource(textChunks(args.file, onBytes), () => !cancelled);
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
  host.use(session, harRecordsFile(source, includeFailed), settings, MODES);
  loadedHar = { source, rederive };
  readerModes = new Set();
  askReader = false;
  toReader({ name: 'drop' });
  host.prepareAfterLoad(spec.options);
  return session.summary();
}

function needHar(): { source: HarSource; rederive: boolean } {
  if (loadedHar === undefined) throw new Error('no network log (HAR) is loaded');
  return loadedHar;
}

/**
 * A load, cancellable from its first moment: the page shows Cancel as soon as it asks, so a Cancel can come while
 * the format is still being detected, before the reader has been asked for anything.
 */
async function load(id: number, args: Requests['load']['args']): Promise<Requests['load']['result']> {
  host.stopBackground(); // the file loaded before stays until this one is loaded (a cancel keeps it)
  cancelled = false;
  loadInFlight = id;
  try {
    if (await isHar(args)) return await loadHar(id, args);
    if (cancelled) return { cancelled: true };
    return await loadRows(id, args);
  } finally {
    loadInFlight = undefined;
  }
}

/** Rows read by the reader worker, resolved here as they come under the page's mode. */
async function loadRows(id: number, args: Requests['load']['args']): Promise<Requests['load']['result']> {
  loadedHar = undefined;
  const session = new ImportSession();
  const settings: LoadSettings = {
    format: args.format,
    rederive: args.rederive,
    ...(args.fileName === undefined ? {} : { fileName: args.fileName }),
  };
  const report = progressPoster(id);
  const others = MODES.filter((mode) => mode !== args.mode);
  const { file, fileName, format, rederive, options } = args;
  let outcome: ReadResult;
  try {
    outcome = await new Promise<ReadResult>((done) => {
      receiving = {
        id,
        into: session.receive(args.rederive, { mode: args.mode, options: args.options }),
        onRows: ({ bytes, records, problems }) =>
          report({ phase: 'reading', done: bytes, total: file.size, records, problems }),
        done,
      };
      toReader({
        name: 'read',
        id,
        args: {
          file,
          format,
          rederive,
          options,
          modes: others,
          ...(fileName === undefined ? {} : { fileName }),
        },
      });
    });
  } finally {
    receiving = undefined;
  }
  if (outcome instanceof Error) throw outcome;
  if (outcome === 'cancelled' || cancelled) return { cancelled: true };
  report(
    { phase: 'resolving', done: file.size, total: file.size, records: session.store.size, problems: 0 },
    true,
  );
  host.use(session, file, settings, [args.mode]);
  readerModes = new Set(others);
  askReader = false;
  return session.summary();
}

/** A switch: to one of the reader's modes there (it prepared them), else here; each then prepares its own. */
function resolve(
  message: RequestMessage & { name: 'resolve' },
): Requests['resolve']['result'] | typeof PASSED {
  askReader = readerModes.has(message.args.mode);
  if (askReader) {
    pass(message);
    host.prepare(message.args.options);
    return PASSED;
  }
  const summary = host.resolve(message.args, progressPoster(message.id));
  if (readerModes.size > 0) toReader({ name: 'prepare', options: message.args.options });
  return summary;
}

/** Marks an answer the reader gives: it posts it to the page through this worker. */
const PASSED = Symbol('passed to the reader');

function pass(message: Exclude<ToReader, { name: 'read' | 'cancel' | 'prepare' | 'drop' }>): typeof PASSED {
  passed.add(message.id);
  toReader(message);
  return PASSED;
}

async function answer(message: RequestMessage): Promise<unknown> {
  switch (message.name) {
    case 'load':
      return load(message.id, message.args);
    case 'resolve':
      return resolve(message);
    case 'harInclude': {
      const { source, rederive } = needHar();
      return useHar(source, message.args.includeFailed, rederive, message.args);
    }
    case 'harScenarioInput': {
      const facts = host.session.summary().har;
      return harScenarioInput(needHar().source, facts?.includeFailed ?? false);
    }
    default:
      return askReader ? pass(message) : host.query(message);
  }
}

onmessage = (event: MessageEvent<RequestMessage | CancelMessage>) => {
  const message = event.data;
  if (message.name === 'cancel') {
    if (loadInFlight !== undefined) {
      cancelled = true;
      toReader(message);
    }
    return;
  }
  answer(message).then(
    (result) => {
      if (result !== PASSED) post({ id: message.id, kind: 'result', result });
    },
    (error: unknown) =>
      post({
        id: message.id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
