// How the import worker shares its one thread: file chunks that let messages in, and background passes in slices.
import type { Mode, ResolveOptions } from '../engine/index.ts';
import type { ImportSession } from './importSession.ts';

/**
 * How long the worker works before it lets other messages in. A file stream's reads resolve as microtasks, so
 * without an explicit yield a Cancel (or a query) would wait until the whole file had been read.
 */
const YIELD_EVERY_MS = 50;
/** How long one background slice may hold the worker: a query arriving meanwhile waits at most about this. */
const BACKGROUND_SLICE_MS = 15;

/**
 * How long a worker waits, after a file of fewer than EAGER_BACKGROUND_RECORDS records is read, before it resolves
 * the other modes in the background: the page is then mounting the workspace, and with both workers busy the page's
 * main thread shares two cores with them (issue #14: at 100k events the mount's ~25 ms of work took 64–85 ms in most
 * runs, none with this grace). A small file's passes still finish well before a user's first switch.
 */
const SMALL_FILE_GRACE_MS = 300;
/**
 * From this many records the background passes start at once: a pass then takes seconds, and a switch right after the
 * load waits for it (at 1M events, Original is ready 0.9 s after the summary only because it starts at once).
 */
const EAGER_BACKGROUND_RECORDS = 500_000;

/** How long to wait before preparing the other modes of a file of `records` records (see SMALL_FILE_GRACE_MS). */
export function backgroundDelayMs(records: number): number {
  return records >= EAGER_BACKGROUND_RECORDS ? 0 : SMALL_FILE_GRACE_MS;
}

/** Lets queued messages run: a macrotask through a MessageChannel, which, unlike setTimeout, is never clamped. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The file's text, chunk by chunk, decoded as UTF-8 on the way; `onBytes` hears how many bytes were read. */
export async function* textChunks(
  file: Blob,
  onBytes?: (bytes: number, done: boolean) => void,
): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let lastYield = performance.now();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.byteLength;
    onBytes?.(bytes, false);
    yield decoder.decode(next.value, { stream: true });
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToMessages();
      lastYield = performance.now();
    }
  }
  onBytes?.(bytes, true);
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/**
 * Resolves a loaded file under every other mode between messages, so a mode switch answers at once instead of
 * re-reading a million records while the user waits (issue #14). Queries interleave: each slice yields. One run at
 * a time: starting another, or `stop`, ends the one in flight at its next slice.
 */
export class BackgroundModes {
  private run = 0;

  /**
   * Prepares `modes` under `options` for `session` while `isLoaded(session)` holds, starting after `startAfterMs`
   * (see backgroundDelayMs); another `prepare` or `stop` meanwhile means it never starts.
   */
  async prepare(
    session: ImportSession,
    modes: readonly Mode[],
    options: Partial<ResolveOptions>,
    isLoaded: (session: ImportSession) => boolean,
    startAfterMs = 0,
  ): Promise<void> {
    const run = ++this.run;
    const stillWanted = () => run === this.run && isLoaded(session);
    // A run superseded while it waits stops at the loop's first look at stillWanted, before any work.
    if (startAfterMs > 0) await new Promise((wait) => setTimeout(wait, startAfterMs));
    for (const mode of modes) {
      do {
        await yieldToMessages();
        if (!stillWanted()) return;
      } while (!session.prepare({ mode, options }, BACKGROUND_SLICE_MS));
    }
  }

  /** Ends the run in flight (a new file is being loaded). */
  stop(): void {
    this.run++;
  }
}
