// Pass 2 of `idmerge resolve` on NDJSON: every line copied as bytes with its resolved id spliced in (issue #14).
import { forEachByteLine } from './byteLines.ts';
import type { ByteWriter } from './byteWriter.ts';
import type { ItemPieces } from './pieces.ts';
import type { SpliceColumns, SpliceSink } from './splice.ts';

const NEWLINE = Buffer.from('\n');
/** The newline each output line ends with. */
const NEWLINE_BYTE = 0x0a;

/** What pass 2 needs from pass 1 and the engine: the splice offsets and what to insert in each item. */
export interface CopySource {
  readonly path: string;
  readonly columns: SpliceColumns;
  /** The pieces of item `index` (its index in the stream the engine ingested); read before the next call. */
  piecesAt(index: number): ItemPieces;
  /**
   * Runs before the file's chunk number `chunk` (0-based, a million bytes each) is copied: a copy that runs while
   * pieces are still being computed waits here for those of the items the chunk can hold.
   */
  beforeChunk?(chunk: number): Promise<void>;
}

/** Writes every item of pass 1 in order, resolved; lines that gave no item (blank or refused) give no output. */
export async function copyResolved(source: CopySource, out: ByteWriter): Promise<void> {
  const { columns } = source;
  const skipped = columns.skippedLines;
  let nextSkipped = 0;
  let at = 0;
  let chunk = 0;
  const bytesSink = new BytesSink(out);
  await forEachByteLine(
    source.path,
    (bytes, start, end, line) => {
      if (skipped[nextSkipped] === line) {
        nextSkipped++;
        return;
      }
      if (at >= columns.size) return;
      const item = at++;
      if (columns.asItCame(item)) {
        if (columns.needsText(item)) out.text(bytes.toString('utf8', start, end));
        else out.copy(bytes, start, end);
      } else if (columns.needsText(item)) {
        const p = source.piecesAt(item);
        const text = bytes.toString('utf8', start, end);
        const id = p.bytes.toString('utf8', p.idStart, p.idEnd);
        out.text(spliceText(columns, item, text, id, p.bytes.toString('utf8', p.extraStart, p.extraEnd)));
      } else {
        bytesSink.line(bytes, start, source.piecesAt(item));
        columns.splice(item, end - start, ID, EXTRA, bytesSink);
      }
      out.byte(NEWLINE_BYTE);
    },
    {
      before: source.beforeChunk === undefined ? undefined : () => source.beforeChunk!(chunk++),
      after: async () => {
        await out.flush();
        return !out.isClosed;
      },
    },
    (line) => skipped[nextSkipped] === line,
  );
}

/** A line with non-ASCII characters: the same splice, on its decoded text. */
function spliceText(columns: SpliceColumns, at: number, text: string, idJson: string, extra: string): string {
  let spliced = '';
  columns.splice(at, text.length, idJson, extra, {
    copy: (from, to) => (spliced += text.slice(from, to)),
    literal: (piece) => (spliced += piece),
    text: (piece) => (spliced += piece),
  });
  return spliced;
}

/** What BytesSink inserts: the id's piece or the appended properties' piece. */
const ID = 0;
const EXTRA = 1;

class BytesSink implements SpliceSink<typeof ID | typeof EXTRA> {
  private bytes: Buffer = NEWLINE;
  private start = 0;
  private pieces: ItemPieces | undefined;

  constructor(private readonly out: ByteWriter) {}

  line(bytes: Buffer, start: number, pieces: ItemPieces): void {
    this.bytes = bytes;
    this.start = start;
    this.pieces = pieces;
  }

  copy(from: number, to: number): void {
    if (to > from) this.out.copy(this.bytes, this.start + from, this.start + to);
  }

  literal(text: string): void {
    this.out.text(text);
  }

  text(piece: typeof ID | typeof EXTRA): void {
    const p = this.pieces!;
    if (piece === ID) this.out.copy(p.bytes, p.idStart, p.idEnd);
    else if (p.extraEnd > p.extraStart) this.out.copy(p.bytes, p.extraStart, p.extraEnd);
  }
}
