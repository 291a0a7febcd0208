// Streaming JSON splitter: finds each element of a top-level array (or of a wrapper's events array) in one pass.
import { DEFAULT_MAX_LINE_LENGTH, LineBreaks } from './lines.ts';
import { excerptOf, startsWithBom, tooLongReason } from './text.ts';

/** The text of one JSON value and the line where it starts; JSON.parse is left to the caller. */
export interface JsonValueText {
  readonly line: number;
  /** 1-based column of the value's first character on its line. */
  readonly column: number;
  readonly text: string;
}

/** A structural fault the scanner cannot pin on one value: stray text, an unclosed document. */
export interface JsonStructureIssue {
  readonly line: number;
  readonly reason: string;
  readonly excerpt: string;
  /** A broken value (`bad-json`) or one over the size limit; a structural fault when absent. */
  readonly code?: 'bad-json' | 'line-too-long';
}

/** Limits of the JSON value scanner. */
export interface JsonScannerOptions {
  /** Values longer than this many characters are reported (code `line-too-long`) and never held whole. */
  readonly maxValueLength?: number;
}

/** What one pushed chunk completed: whole top-level values and structure issues. */
export interface JsonScan {
  readonly values: JsonValueText[];
  readonly issues: JsonStructureIssue[];
}

/** Splits a JSON array (or concatenated values) into value texts, chunk by chunk, without parsing them. */
export interface JsonValueScanner {
  push(chunk: string): JsonScan;
  end(): JsonScan;
}

/**
 * Keys under which a top-level object wraps its events: Amplitude's batch upload, Segment's and PostHog's batch
 * APIs, generic dumps. Only an array directly under the root object counts, so an event's own `data` is safe.
 */
export const WRAPPER_KEYS = ['events', 'batch', 'data'] as const;
const WRAPPER_KEY_BEFORE = new RegExp(`"(?:${WRAPPER_KEYS.join('|')})"\\s*:\\s*$`);
const WRAPPER_LOOKBEHIND = 64;
const STRAY_EXCERPT = 200;

const [QUOTE, BACKSLASH, COMMA, NEWLINE] = [34, 92, 44, 10];
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [123, 125, 91, 93];
const [SPACE, TAB, RETURN] = [32, 9, 13];

/** Which values come out: none, the root object itself, the root array's elements, the wrapper's elements. */
const [NOTHING, ROOT_OBJECT, ROOT_ARRAY_ELEMENTS, WRAPPER_ELEMENTS] = [-1, 0, 1, 2];

/**
 * Splits a JSON document stream into values without parsing them. A top-level array yields its elements; a
 * top-level object yields the elements of its first `events`/`batch`/`data` array, or else itself (a single
 * event). Several top-level values in a row (pretty-printed NDJSON) are read one after another.
 * Each value's line is where its first character is. Cost is one pass over the text; a value that spans chunks
 * is kept as pieces and joined once. Lines end at `\n`, `\r\n` or a lone `\r`.
 *
 * Recovery: a raw line break inside a string (never valid JSON) or a closing bracket that does not match breaks
 * the value being read: it is reported with its line and column, and reading resumes at the next line that
 * starts with `{` (the next element) or `]` (the end of the array). A line starting with `{` at or left of the
 * column where the open value started also ends that value (it lost its closing bracket), so one broken element
 * never swallows the ones after it.
 */
export function createJsonValueScanner(options: JsonScannerOptions = {}): JsonValueScanner {
  return new Scanner(options.maxValueLength ?? DEFAULT_MAX_LINE_LENGTH);
}

class Scanner implements JsonValueScanner {
  private line = 1;
  /** Absolute offsets: where the current chunk starts, and where the current line starts. */
  private chunkBase = 0;
  private lineStartAt = 0;
  /** The last character was a `\r`, so a `\n` next completes a CRLF instead of starting a line. */
  private afterReturn = false;
  /** A non-blank character has been seen on the current line. */
  private lineHasContent = false;
  /** After a broken value: skip to the next line starting with `{` or `]`. */
  private resyncing = false;
  private elementColumn = 0;
  private elementLength = 0;
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  /** Stray text outside any value: the rest of its line is skipped and reported once the line ends. */
  private readonly stray = new StrayLine();
  private strayFrom = 0;
  private started = false;
  /** The stack depth whose direct children are emitted; see NOTHING … WRAPPER_ELEMENTS. */
  private collectDepth = NOTHING;
  /** Where the value being collected starts in the current chunk; -1 when none is. */
  private elementStart = -1;
  private elementLine = 0;
  private pieces: string[] = [];
  private rootLine = 0;
  /** The next newline at or after the last position asked about, cached so counting stays linear. */
  private newlineAt = -1;
  /** This chunk's line breaks: a per-line search for `\r` would be quadratic in a chunk's lines (#14). */
  private breaks = new LineBreaks('');
  private out: JsonScan = { values: [], issues: [] };

  constructor(private readonly maxValueLength: number) {}

  push(chunk: string): JsonScan {
    this.out = { values: [], issues: [] };
    this.newlineAt = -1;
    this.breaks = new LineBreaks(chunk);
    for (let i = this.firstIndex(chunk); i < chunk.length; i++) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const code = chunk.charCodeAt(i);
      if (code === NEWLINE || code === RETURN) this.lineBreak(chunk, i, code);
      else if (!isBlank(code)) this.onContent(chunk, i, code);
    }
    this.carryElement(chunk);
    if (this.stray.active) this.stray.add(chunk.slice(this.strayFrom));
    this.strayFrom = 0;
    this.chunkBase += chunk.length;
    return this.out;
  }

  end(): JsonScan {
    this.out = { values: [], issues: [] };
    if (this.stray.active) this.finishStray('');
    if ((this.stack.length > 0 || this.inString) && !this.resyncing) this.reportUnclosed();
    return this.out;
  }

  private lineBreak(chunk: string, i: number, code: number): void {
    const completesCrLf = code === NEWLINE && this.afterReturn;
    this.afterReturn = code === RETURN;
    this.lineStartAt = this.chunkBase + i + 1;
    if (completesCrLf) return;
    if (this.stray.active) this.finishStray(chunk.slice(this.strayFrom, i));
    this.line++;
    this.lineHasContent = false;
  }

  private onContent(chunk: string, i: number, code: number): void {
    this.afterReturn = false;
    const firstOnLine = !this.lineHasContent;
    this.lineHasContent = true;
    if (this.stray.active) return;
    if (this.resyncing) {
      if (!firstOnLine || (code !== OPEN_BRACE && code !== CLOSE_BRACKET)) return;
      this.resyncing = false;
    } else if (firstOnLine && code === OPEN_BRACE && this.lostItsClose(i)) {
      this.breakElement(chunk, i, `not closed before the next value starts on line ${this.line}`);
    }
    this.onToken(chunk, i, code);
  }

  private columnAt(i: number): number {
    return this.chunkBase + i - this.lineStartAt + 1;
  }

  /** The stack depth of the values being collected: 0 for top-level objects, else the array's own depth. */
  private elementLevel(): number {
    return this.collectDepth === ROOT_OBJECT ? 0 : this.collectDepth;
  }

  /** A `{` starting a line at or left of the open value's first column: that value lost its closing bracket. */
  private lostItsClose(i: number): boolean {
    if (!this.isCollecting() || this.stack.length <= this.elementLevel()) return false;
    return this.columnAt(i) <= this.elementColumn;
  }

  /** Reports the value being collected as broken at (line, column of `i`) and drops back to the element level. */
  private breakElement(chunk: string, i: number, what: string): void {
    const text = this.pieces.join('') + chunk.slice(Math.max(this.elementStart, 0), i);
    const where = `line ${this.line}, column ${this.columnAt(i)}`;
    this.out.issues.push({
      line: this.elementLine,
      code: 'bad-json',
      reason: `bad JSON: ${what} (${where})`,
      excerpt: excerptOf(text),
    });
    this.elementStart = -1;
    this.elementLength = 0;
    this.pieces = [];
    this.inString = false;
    this.escaped = false;
    this.stack.length = this.elementLevel();
    if (this.stack.length === 0) this.collectDepth = NOTHING;
  }

  /** Breaks the open value (or, outside one, reports the fault) and skips to the next line that can start one. */
  private breakAndResync(chunk: string, i: number, what: string): void {
    if (this.isCollecting()) this.breakElement(chunk, i, what);
    else {
      const reason = `bad JSON: ${what} (line ${this.line}, column ${this.columnAt(i)})`;
      this.out.issues.push({ line: this.line, reason, excerpt: excerptOf(chunk.slice(i, i + 120)) });
      this.stack.length = this.elementLevel();
      this.inString = false;
    }
    this.resyncing = true;
  }

  private firstIndex(chunk: string): number {
    if (this.started || chunk === '') return 0;
    this.started = true;
    return startsWithBom(chunk) ? 1 : 0;
  }

  /**
   * Returns the index of the closing quote, or the last index when the string goes on in the next chunk. Jumps
   * from quote to quote with indexOf: string contents are most of a file, and this is the hot path.
   */
  private skipString(chunk: string, from: number): number {
    // A backslash that ended the previous chunk escapes this chunk's first character.
    const floor = this.escaped ? from + 1 : from;
    this.escaped = false;
    for (let at = floor; ;) {
      const quote = chunk.indexOf('"', at);
      const lineBreak = this.nextBreak(chunk, from);
      if (lineBreak !== -1 && (quote === -1 || lineBreak < quote)) {
        // JSON strings cannot hold a raw line break: the string (and its value) is broken here.
        this.breakAndResync(chunk, lineBreak, 'a string is not closed before the end of its line');
        return lineBreak - 1;
      }
      if (quote === -1) {
        this.escaped = backslashesBefore(chunk, chunk.length, floor) % 2 === 1;
        return chunk.length - 1;
      }
      if (backslashesBefore(chunk, quote, floor) % 2 === 0) {
        this.inString = false;
        return quote;
      }
      at = quote + 1;
    }
  }

  /** The next line break at or after `from`, cached so long strings stay linear. */
  private nextBreak(chunk: string, from: number): number {
    if (this.newlineAt !== -2 && this.newlineAt < from) this.newlineAt = this.breaks.next(from);
    if (this.newlineAt === -1) this.newlineAt = -2;
    return this.newlineAt === -2 ? -1 : this.newlineAt;
  }

  private onToken(chunk: string, i: number, code: number): void {
    if (code === OPEN_BRACE || code === OPEN_BRACKET) return this.open(chunk, i, code);
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) return this.close(chunk, i, code);
    if (code === COMMA) {
      if (this.isAtElementLevel() && this.isCollecting()) this.finishElement(chunk, i);
      return;
    }
    if (this.stack.length === 0) return this.strayText(i);
    this.beginValue(i);
    if (code === QUOTE) this.inString = true;
  }

  private open(chunk: string, i: number, code: number): void {
    if (this.stack.length === 0) this.beginRoot(i, code);
    else if (this.isWrapperArray(chunk, i, code)) this.enterWrapper();
    else this.beginValue(i);
    this.stack.push(code);
  }

  private close(chunk: string, i: number, code: number): void {
    const opener = code === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET;
    if (this.stack[this.stack.length - 1] !== opener) {
      const excerpt = chunk[i] ?? '';
      if (this.isCollecting() && this.stack.length > this.elementLevel())
        return this.breakAndResync(chunk, i, `unexpected "${excerpt}"`);
      const where = `line ${this.line}, column ${this.columnAt(i)}`;
      this.out.issues.push({
        line: this.line,
        reason: `bad JSON: unexpected "${excerpt}" (${where})`,
        excerpt,
      });
      return;
    }
    if (this.isAtElementLevel() && this.isCollecting()) this.finishElement(chunk, i);
    this.stack.pop();
    if (this.stack.length === 0) this.endRoot(chunk, i);
    else if (this.collectDepth === WRAPPER_ELEMENTS && this.stack.length === 1) this.collectDepth = NOTHING;
  }

  private beginRoot(i: number, code: number): void {
    this.rootLine = this.line;
    this.collectDepth = code === OPEN_BRACKET ? ROOT_ARRAY_ELEMENTS : ROOT_OBJECT;
    if (code === OPEN_BRACE) this.startElement(i);
  }

  private endRoot(chunk: string, i: number): void {
    if (this.collectDepth === ROOT_OBJECT && this.isCollecting()) this.finishElement(chunk, i + 1);
    this.collectDepth = NOTHING;
  }

  /** The first array under a wrapper key of the root object becomes the source of values instead of the root. */
  private isWrapperArray(chunk: string, i: number, code: number): boolean {
    if (code !== OPEN_BRACKET || this.collectDepth !== ROOT_OBJECT || this.stack.length !== 1) return false;
    return WRAPPER_KEY_BEFORE.test(this.textBefore(chunk, i));
  }

  private enterWrapper(): void {
    this.elementStart = -1;
    this.pieces = [];
    this.collectDepth = WRAPPER_ELEMENTS;
  }

  /** Up to WRAPPER_LOOKBEHIND characters before `i`, reaching back into earlier chunks of the root object. */
  private textBefore(chunk: string, i: number): string {
    let text = chunk.slice(Math.max(0, i - WRAPPER_LOOKBEHIND), i);
    for (let p = this.pieces.length - 1; p >= 0 && text.length < WRAPPER_LOOKBEHIND; p--)
      text = (this.pieces[p] ?? '') + text;
    return text.slice(-WRAPPER_LOOKBEHIND);
  }

  private isAtElementLevel(): boolean {
    return this.collectDepth > ROOT_OBJECT && this.stack.length === this.collectDepth;
  }

  private isCollecting(): boolean {
    return this.elementStart !== -1;
  }

  private beginValue(i: number): void {
    if (this.isAtElementLevel() && !this.isCollecting()) this.startElement(i);
  }

  private startElement(i: number): void {
    this.elementStart = i;
    this.elementLine = this.line;
    this.elementColumn = this.columnAt(i);
    this.elementLength = 0;
    this.pieces = [];
  }

  private finishElement(chunk: string, end: number): void {
    const length = this.elementLength + (end - this.elementStart);
    if (length > this.maxValueLength) {
      const reason = tooLongReason(length, this.maxValueLength, 'value');
      this.out.issues.push({ line: this.elementLine, code: 'line-too-long', reason, excerpt: '' });
    } else {
      const tail = chunk.slice(this.elementStart, end);
      const text = this.pieces.length === 0 ? tail : this.pieces.join('') + tail;
      this.out.values.push({ line: this.elementLine, column: this.elementColumn, text: text.trim() });
    }
    this.elementStart = -1;
    this.elementLength = 0;
    this.pieces = [];
  }

  /** A value still open at the end of a chunk continues from index 0 of the next one; past the limit, it is dropped. */
  private carryElement(chunk: string): void {
    if (!this.isCollecting()) return;
    const piece = chunk.slice(this.elementStart);
    this.elementLength += piece.length;
    if (this.elementLength <= this.maxValueLength) this.pieces.push(piece);
    else this.pieces = [];
    this.elementStart = 0;
  }

  private strayText(i: number): void {
    this.stray.start(this.line);
    this.strayFrom = i;
  }

  private finishStray(tail: string): void {
    this.stray.add(tail);
    this.out.issues.push(this.stray.finish());
  }

  private reportUnclosed(): void {
    if (this.isCollecting()) {
      const excerpt = excerptOf(this.pieces.join(''));
      this.out.issues.push({ line: this.elementLine, reason: 'bad JSON: unexpected end of input', excerpt });
      return;
    }
    const kind = this.stack[0] === OPEN_BRACKET ? 'array' : 'object';
    const reason = `bad JSON: the JSON ${kind} that starts on line ${this.rootLine} is not closed`;
    this.out.issues.push({ line: this.rootLine, reason, excerpt: '' });
  }
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === RETURN;
}

/** Length of the run of backslashes just before `end`, not looking before `floor`. */
function backslashesBefore(chunk: string, end: number, floor: number): number {
  let at = end - 1;
  while (at >= floor && chunk.charCodeAt(at) === BACKSLASH) at--;
  return end - 1 - at;
}

/** The rest of a line of stray text, kept across chunks (an excerpt's worth) so reports do not depend on chunking. */
class StrayLine {
  active = false;
  private line = 0;
  private text = '';

  start(line: number): void {
    this.active = true;
    this.line = line;
    this.text = '';
  }

  add(piece: string): void {
    if (this.text.length <= STRAY_EXCERPT) this.text += piece.slice(0, STRAY_EXCERPT + 1 - this.text.length);
  }

  finish(): JsonStructureIssue {
    this.active = false;
    return {
      line: this.line,
      reason: 'bad JSON: unexpected text outside any JSON value',
      excerpt: excerptOf(this.text),
    };
  }
}
