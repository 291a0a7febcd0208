// The reader worker (issue #14), started by the page's import worker: it reads and parses a file into its own store
// and sends the rows as they come, so the page's worker resolves them on the other core meanwhile. Then it keeps the
// file and resolves the other modes in the background, and answers the questions about them it is passed.
import { rowBuffers } from './eventStore.ts';
import { ImportSession, type LoadSettings } from './importSession.ts';
import { textChunks } from './pacing.ts';
import type { FromReader, ReadRequest, ToReader } from './readerProtocol.ts';
import { SessionHost } from './sessionHost.ts';
import type { WorkProgress } from './protocol.ts';

/** Records per rows message: enough to keep messages few, few enough that the resolver never waits long. */
const ROWS_PER_MESSAGE = 8_192;

const host = new SessionHost();
/** The read in progress (the page's load id), and whether it was cancelled. */
let reading: { id: number; cancelled: boolean } | undefined;

const post = (message: FromReader, transfer: Transferable[] = []) => postMessage(message, { transfer });

async function read({ id, args }: ReadRequest): Promise<void> {
  host.stopBackground(); // the file loaded before stays until this one has been read (a cancel keeps it)
  if (reading !== undefined) reading.cancelled = true;
  const current = { id, cancelled: false };
  reading = current;
  const session = new ImportSession();
  const settings: LoadSettings = {
    format: args.format,
    rederive: args.rederive,
    ...(args.fileName === undefined ? {} : { fileName: args.fileName }),
  };
  let bytes = 0;
  let counts = { records: 0, problems: 0 };
  let sent = 0;
  const send = (always: boolean) => {
    if (!always && session.store.size - sent < ROWS_PER_MESSAGE) return;
    sent = session.store.size;
    const rows = session.store.takeRows();
    post({ kind: 'rows', id, rows, bytes, ...counts }, rowBuffers(rows));
  };
  const finished = await session.load(
    textChunks(args.file, (done) => (bytes = done)),
    settings,
    (progress) => {
      counts = { records: progress.records, problems: progress.problems };
      send(false);
    },
    () => current.cancelled,
  );
  if (reading === current) reading = undefined;
  if (!finished) return post({ kind: 'readEnd', id, outcome: { cancelled: true } });
  const outcome = session.readOutcome();
  counts = { records: session.store.size, problems: outcome.report.rejected };
  send(true);
  post({ kind: 'readEnd', id, outcome });
  host.use(session, args.file, settings, args.modes);
  host.prepareAfterLoad(args.options);
}

function answer(message: Exclude<ToReader, ReadRequest>): unknown {
  switch (message.name) {
    case 'cancel':
      if (reading !== undefined) reading.cancelled = true;
      return undefined;
    case 'prepare':
      return host.prepare(message.options);
    case 'drop':
      return host.clear();
    case 'resolve':
      return host.resolve(message.args, (progress: WorkProgress) =>
        post({ id: message.id, kind: 'progress', progress }),
      );
    default:
      return host.query(message);
  }
}

onmessage = (event: MessageEvent<ToReader>) => {
  const message = event.data;
  if (message.name === 'read') {
    read(message).catch((error: unknown) =>
      post({
        id: message.id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    return;
  }
  if (message.name === 'cancel' || message.name === 'prepare' || message.name === 'drop') {
    answer(message);
    return;
  }
  Promise.resolve()
    .then(() => answer(message))
    .then(
      (result) => post({ id: message.id, kind: 'result', result }),
      (error: unknown) =>
        post({
          id: message.id,
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
};
