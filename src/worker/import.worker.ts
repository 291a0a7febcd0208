// The import worker: parsing, resolving and querying a big file off the UI thread (issue #5).
import { buildExport } from './exports.ts';
import { ImportSession, type LoadSettings } from './importSession.ts';
import type { CancelMessage, ReplyMessage, RequestMessage, Requests } from './protocol.ts';
import { clusterList, identityDetail, matchingIndexes, rowPage, searchIds } from './queries.ts';

interface Loaded {
  readonly session: ImportSession;
  readonly file: Blob;
  readonly settings: LoadSettings;
}

let loaded: Loaded | undefined;
let loadInFlight: number | undefined;
let cancelled = false;
/** The last filtered row set, kept while the user pages through it. */
let lastMatches: { key: string; indexes: number[] | undefined } | undefined;

const post = (message: ReplyMessage) => postMessage(message);

/** The file's text, chunk by chunk, decoded as UTF-8 on the way. */
async function* textChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
}

async function load(id: number, args: Requests['load']['args']): Promise<Requests['load']['result']> {
  const session = new ImportSession();
  const settings: LoadSettings = {
    format: args.format,
    rederive: args.rederive,
    ...(args.fileName === undefined ? {} : { fileName: args.fileName }),
  };
  cancelled = false;
  loadInFlight = id;
  const progress = (p: Parameters<Parameters<ImportSession['load']>[2]>[0]) =>
    post({ id, kind: 'progress', progress: { ...p, totalBytes: args.file.size } });
  const finished = await session.load(textChunks(args.file), settings, progress, () => cancelled);
  loadInFlight = undefined;
  if (!finished) return { cancelled: true };
  const summary = session.resolveAs(args.mode, args.options);
  loaded = { session, file: args.file, settings };
  lastMatches = undefined;
  return summary;
}

function need(): Loaded {
  if (loaded === undefined) throw new Error('no file is loaded');
  return loaded;
}

function rows(args: Requests['rows']['args']) {
  const { session } = need();
  const key = JSON.stringify([args.filter ?? '', args.clusterOf ?? null]);
  if (lastMatches?.key !== key)
    lastMatches = { key, indexes: matchingIndexes(session.store, session.current, args) };
  return rowPage(session.store, session.current, args, lastMatches.indexes);
}

async function answer(message: RequestMessage): Promise<unknown> {
  switch (message.name) {
    case 'load':
      return load(message.id, message.args);
    case 'resolve':
      lastMatches = undefined;
      return need().session.resolveAs(message.args.mode, message.args.options);
    case 'rows':
      return rows(message.args);
    case 'clusters':
      return clusterList(need().session.current, message.args.limit);
    case 'search':
      return searchIds(need().session.store, need().session.current, message.args.text, message.args.limit);
    case 'identity':
      return identityDetail(need().session.store, need().session.current, message.args.id, message.args.cap);
    case 'export': {
      const { session, file, settings } = need();
      return buildExport(message.args.kind, session.current, session.summary().findings, {
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
