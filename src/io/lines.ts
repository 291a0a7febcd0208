// Streaming line splitter: whatever the chunking, the same lines come out with the same 1-based numbers.
import { startsWithBom } from './text.ts';

/** One physical line without its terminator (`\n`, `\r\n` or a lone `\r`). */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
  /**
   * Set when the line was longer than the splitter's limit: its length in characters. `text` is then empty,
   * because the line was dropped as it arrived (memory stays bounded by the limit, not by the line).
   */
  readonly tooLong?: number;
}

/** Push text chunks as they arrive; each call returns the lines it completed. */
export interface LineSplitter {
  push(chunk: string): NumberedLine[];
  /** Flushes a last line that has no newline. */
  end(): NumberedLine[];
}

/** The default per-line limit: 64 MB of ASCII. Longer lines are reported, never held in memory. */
export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024 * 1024;

/** Limits of the line splitter. */
export interface LineOptions {
  /** Lines longer than this many characters are dropped and reported with `tooLong` (default 64 Mi). */
  readonly maxLineLength?: number;
}

const [NEWLINE, RETURN, SPACE, TAB] = [10, 13, 32, 9];

/**
 * A splitter for `\n`, `\r\n` and lone `\r` (old Mac) line endings. A UTF-8 BOM at the start of the stream is
 * dropped. Chunks may split lines and CRLF pairs anywhere: a `\r` ending a chunk ends its line at once, and a
 * `\n` starting the next chunk is then taken as its pair. A partial line is kept as a list of pieces and joined
 * once, so a huge line costs linear time; past `maxLineLength` its pieces are dropped.
 */
export function createLineSplitter(options: LineOptions = {}): LineSplitter {
  return new Splitter(options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH);
}

/** Index of the next `\n` or `\r` at or after `from`, or -1. */
export function nextLineBreak(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const ret = text.indexOf('\r', from);
  if (ret === -1) return newline;
  return newline === -1 || ret < newline ? ret : newline;
}

/**
 * nextLineBreak over one text, remembering where the next `\r` is: most files have none, and searching for it again
 * from every line would scan the rest of the chunk once per line (quadratic in a chunk's lines; issue #14 measured
 * it at a quarter of `idmerge resolve`). Make one per text (a chunk), never share it across texts.
 */
export class LineBreaks {
  private returnFrom = 0;
  private returnAt = -2;

  constructor(private readonly text: string) {}

  /** Index of the next `\n` or `\r` at or after `from`, or -1 (as {@link nextLineBreak}). */
  next(from: number): number {
    if (this.returnAt === -2 || from < this.returnFrom || (this.returnAt !== -1 && from > this.returnAt)) {
      this.returnFrom = from;
      this.returnAt = this.text.indexOf('\r', from);
    }
    const newline = this.text.indexOf('\n', from);
    const ret = this.returnAt;
    if (ret === -1) return newline;
    return newline === -1 || ret < newline ? ret : newline;
  }
}

class Splitter implements LineSplitter {
  private pending: string[] = [];
  private pendingLength = 0;
  private nextLine = 1;
  private started = false;
  /** The previous chunk ended in `\r`: a `\n` starting this one belongs to it. */
  private afterReturn = false;

  constructor(private readonly maxLength: number) {}

  push(chunk: string): NumberedLine[] {
    let text = this.dropBom(chunk);
    if (this.afterReturn && text.charCodeAt(0) === NEWLINE) text = text.slice(1);
    if (text !== '') this.afterReturn = false;
    const lines: NumberedLine[] = [];
    let start = 0;
    const breaks = new LineBreaks(text);
    for (let at = breaks.next(0); at !== -1; at = breaks.next(start)) {
      lines.push(this.emit(text, start, at));
      const code = text.charCodeAt(at);
      start = code === RETURN && text.charCodeAt(at + 1) === NEWLINE ? at + 2 : at + 1;
      if (code === RETURN && at === text.length - 1) this.afterReturn = true;
    }
    if (start < text.length) this.hold(text.slice(start));
    return lines;
  }

  end(): NumberedLine[] {
    return this.pending.length === 0 && this.pendingLength === 0 ? [] : [this.emit('', 0, 0)];
  }

  /** Only the first non-empty chunk can carry the BOM. */
  private dropBom(chunk: string): string {
    if (this.started || chunk === '') return chunk;
    this.started = true;
    return startsWithBom(chunk) ? chunk.slice(1) : chunk;
  }

  private hold(piece: string): void {
    this.pendingLength += piece.length;
    if (this.pendingLength > this.maxLength) this.pending = [];
    else this.pending.push(piece);
  }

  private emit(text: string, from: number, to: number): NumberedLine {
    const line = this.nextLine++;
    const length = this.pendingLength + (to - from);
    const held = this.pending;
    this.pending = [];
    this.pendingLength = 0;
    if (length > this.maxLength) return { line, text: '', tooLong: length };
    const tail = text.slice(from, to);
    return { line, text: held.length === 0 ? tail : held.join('') + tail };
  }
}

/**
 * Counts physical lines with the splitter's rules (`\n`, `\r\n`, lone `\r`; a last line without a terminator)
 * and how many of them are blank (spaces and tabs only), without building any line.
 */
export class LineTally {
  private complete = 0;
  private blank = 0;
  /** The open (unterminated) line has had characters, and all of them were blank so far. */
  private open = false;
  private openBlank = true;
  private afterReturn = false;
  private started = false;

  add(chunk: string): void {
    let from = 0;
    if (!this.started && chunk !== '') {
      this.started = true;
      if (startsWithBom(chunk)) from = 1;
    }
    if (this.afterReturn && chunk.charCodeAt(from) === NEWLINE) from++;
    if (from < chunk.length) this.afterReturn = false;
    const breaks = new LineBreaks(chunk);
    for (let at = breaks.next(from); at !== -1; at = breaks.next(from)) {
      this.note(chunk, from, at);
      this.complete++;
      if (this.openBlank) this.blank++;
      this.open = false;
      this.openBlank = true;
      const code = chunk.charCodeAt(at);
      from = code === RETURN && chunk.charCodeAt(at + 1) === NEWLINE ? at + 2 : at + 1;
      if (code === RETURN && at === chunk.length - 1) this.afterReturn = true;
    }
    if (from < chunk.length) this.note(chunk, from, chunk.length);
  }

  /** The 1-based line that `chunk[index]` falls on, were `chunk` added next (call before `add`). */
  lineAt(chunk: string, index: number): number {
    const skip = this.afterReturn && chunk.charCodeAt(0) === NEWLINE ? 1 : 0;
    let line = this.complete + 1;
    for (let at = nextLineBreak(chunk, skip); at !== -1 && at < index; at = nextLineBreak(chunk, at + 1)) {
      line++;
      if (chunk.charCodeAt(at) === RETURN && chunk.charCodeAt(at + 1) === NEWLINE) at++;
    }
    return line;
  }

  /** Lines so far, counting an unterminated last line. */
  get lines(): number {
    return this.complete + (this.open ? 1 : 0);
  }

  /** Blank lines so far, counting an unterminated blank last line. */
  get blankLines(): number {
    return this.blank + (this.open && this.openBlank ? 1 : 0);
  }

  private note(text: string, from: number, to: number): void {
    if (to > from) this.open = true;
    if (!this.openBlank) return;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code !== SPACE && code !== TAB) {
        this.openBlank = false;
        return;
      }
    }
  }
}
