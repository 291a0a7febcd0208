// Messages between the page's import worker and the reader worker it starts (issue #14): the reader reads and parses
// the file and sends its rows as they come; the page's worker resolves them meanwhile. Afterwards the reader holds
// the same records and resolves the other modes, and the page's worker passes it the questions about those modes.
import type { Mode, ResolveOptions } from '../engine/index.ts';
import type { StoreRows } from './eventStore.ts';
import type { ReadOutcome } from './importSession.ts';
import type { CancelMessage, ReplyMessage, RequestMessage, Requests } from './protocol.ts';

/** A file to read: the page's load, and the modes the reader resolves for it afterwards. */
export interface ReadRequest {
  readonly name: 'read';
  /** The page's load request. */
  readonly id: number;
  readonly args: Omit<Requests['load']['args'], 'mode'> & { readonly modes: readonly Mode[] };
}

/** What the page's worker sends the reader: a read, a cancel, a background run, a drop, or a page's question. */
export type ToReader =
  | ReadRequest
  | CancelMessage
  | { readonly name: 'prepare'; readonly options: Partial<ResolveOptions> }
  | { readonly name: 'drop' }
  | Exclude<RequestMessage, { name: 'load' | 'harInclude' | 'harScenarioInput' }>;

/** The records read so far since the last rows, with how far the read has got. */
export interface RowsMessage {
  readonly kind: 'rows';
  readonly id: number;
  readonly rows: StoreRows;
  readonly bytes: number;
  readonly records: number;
  readonly problems: number;
}

/** The end of a read: the report, or that it was cancelled. */
export interface ReadEndMessage {
  readonly kind: 'readEnd';
  readonly id: number;
  readonly outcome: ReadOutcome | { readonly cancelled: true };
}

/** What the reader sends back: rows, the end of a read, or an answer (or progress) for a page's request. */
export type FromReader = RowsMessage | ReadEndMessage | ReplyMessage;
