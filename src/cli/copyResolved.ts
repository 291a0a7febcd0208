// Pass 2 of `idmerge resolve` on NDJSON: every line copied as bytes with its resolved id spliced in (issue #14).
import type { ResolvedOutput } from '../engine/index.ts';
import { forEachByteLine } from './byteLines.ts';
import type { ByteWriter } from './byteWriter.ts';
import type { SpliceColumns, SpliceSink } from './splice.ts';

const NEWLINE = Buffer.from('\n');

/** What pass 2 needs from pass 1 and the engine: the splice offsets and each item's final outcome. */
export interface CopySource {
  readonly path: string;
  readonly columns: SpliceColumns;
  /** The outcome of item `index` (its index in the stream the engine ingested). */
  outputAt(index: number): ResolvedOutput;
  /** The properties an output event gains, as the JSON text appended to its properties (see readers.ts). */
  extraOf(outcome: ResolvedOutput): string;
}

/** Writes every item of pass 1 in order, resolved; lines that gave no item (blank or refused) give no output. */
export async function copyResolved(source: CopySource, out: ByteWriter): Promise<void> {
  const { columns } = source;
  const pieces = new PieceCache(source);
  const skipped = columns.skippedLines;
  let nextSkipped = 0;
  let at = 0;
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
        const outcome = source.outputAt(item);
        const text = bytes.toString('utf8', start, end);
        out.text(
          spliceText(columns, item, text, JSON.stringify(outcome.resolvedId), source.extraOf(outcome)),
        );
      } else {
        const outcome = source.outputAt(item);
        bytesSink.line(bytes, start);
        columns.splice(item, end - start, pieces.id(outcome), pieces.extra(outcome), bytesSink);
      }
      out.bytes(NEWLINE);
    },
    async () => {
      await out.flush();
      return !out.isClosed;
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

class BytesSink implements SpliceSink<Buffer> {
  private bytes: Buffer = NEWLINE;
  private start = 0;

  constructor(private readonly out: ByteWriter) {}

  line(bytes: Buffer, start: number): void {
    this.bytes = bytes;
    this.start = start;
  }

  copy(from: number, to: number): void {
    if (to > from) this.out.copy(this.bytes, this.start + from, this.start + to);
  }

  literal(text: string): void {
    this.out.text(text);
  }

  text(piece: Buffer): void {
    if (piece.length > 0) this.out.bytes(piece);
  }
}

/** The JSON bytes of resolved ids and of appended properties, made once per distinct value (they repeat a lot). */
class PieceCache {
  /** By resolved id number; rejected (null) and non-attributable ('') events are kept apart. */
  private readonly ids: Array<Buffer | undefined> = [];
  private readonly unresolved = new Map<string, Buffer>();
  private readonly extras = new Map<string, Buffer>();

  constructor(private readonly source: CopySource) {}

  id(outcome: ResolvedOutput): Buffer {
    const number = outcome.resolved;
    if (number === null || number < 0) {
      const json = JSON.stringify(outcome.resolvedId);
      let bytes = this.unresolved.get(json);
      if (bytes === undefined) this.unresolved.set(json, (bytes = Buffer.from(json)));
      return bytes;
    }
    return (this.ids[number] ??= Buffer.from(JSON.stringify(outcome.resolvedId)));
  }

  extra(outcome: ResolvedOutput): Buffer {
    // Failures are rare and carry their own words: only the common cases are cached, by the id before identity.
    if (outcome.failure !== undefined) return Buffer.from(this.source.extraOf(outcome));
    const key = outcome.distinctIdBeforeIdentity ?? '';
    let bytes = this.extras.get(key);
    if (bytes === undefined) this.extras.set(key, (bytes = Buffer.from(this.source.extraOf(outcome))));
    return bytes;
  }
}
