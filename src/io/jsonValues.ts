// Streaming JSON splitter: finds each element of a top-level array (or of a wrapper's events array) in one pass.
import { excerptOf, startsWithBom } from './text.ts';

/** The text of one JSON value and the line where it starts; JSON.parse is left to the caller. */
export interface JsonValueText {
  readonly line: number;
  readonly text: string;
}

/** A structural fault the scanner cannot pin on one value: stray text, an unclosed document. */
export interface JsonStructureIssue {
  readonly line: number;
  readonly reason: string;
  readonly excerpt: string;
}

export interface JsonScan {
  readonly values: JsonValueText[];
  readonly issues: JsonStructureIssue[];
}

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
 * is kept as pieces and joined once.
 */
export function createJsonValueScanner(): JsonValueScanner {
  return new Scanner();
}

class Scanner implements JsonValueScanner {
  private line = 1;
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
  private out: JsonScan = { values: [], issues: [] };

  push(chunk: string): JsonScan {
    this.out = { values: [], issues: [] };
    this.newlineAt = -1;
    for (let i = this.firstIndex(chunk); i < chunk.length; i++) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const code = chunk.charCodeAt(i);
      if (code === NEWLINE) {
        if (this.stray.active) this.finishStray(chunk.slice(this.strayFrom, i));
        this.line++;
      } else if (!this.stray.active && !isBlank(code)) this.onToken(chunk, i, code);
    }
    this.carryElement(chunk);
    if (this.stray.active) this.stray.add(chunk.slice(this.strayFrom));
    this.strayFrom = 0;
    return this.out;
  }

  end(): JsonScan {
    this.out = { values: [], issues: [] };
    if (this.stray.active) this.finishStray('');
    if (this.stack.length > 0 || this.inString) this.reportUnclosed();
    return this.out;
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
      if (quote === -1) {
        this.escaped = backslashesBefore(chunk, chunk.length, floor) % 2 === 1;
        this.countLines(chunk, from, chunk.length);
        return chunk.length - 1;
      }
      if (backslashesBefore(chunk, quote, floor) % 2 === 0) {
        this.inString = false;
        this.countLines(chunk, from, quote);
        return quote;
      }
      at = quote + 1;
    }
  }

  /** Counts the newlines in `chunk[from, to)` (raw newlines in strings are invalid JSON, but lines must stay exact). */
  private countLines(chunk: string, from: number, to: number): void {
    if (this.newlineAt < from) this.newlineAt = nextNewline(chunk, from);
    while (this.newlineAt < to) {
      this.line++;
      this.newlineAt = nextNewline(chunk, this.newlineAt + 1);
    }
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
      // Inside a value, JSON.parse will name the fault with the value's line; outside, say it here.
      const excerpt = chunk[i] ?? '';
      if (!this.isCollecting())
        this.out.issues.push({ line: this.line, reason: `bad JSON: unexpected "${excerpt}"`, excerpt });
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
    this.pieces = [];
  }

  private finishElement(chunk: string, end: number): void {
    const tail = chunk.slice(this.elementStart, end);
    const text = this.pieces.length === 0 ? tail : this.pieces.join('') + tail;
    this.out.values.push({ line: this.elementLine, text: text.trim() });
    this.elementStart = -1;
    this.pieces = [];
  }

  /** A value still open at the end of a chunk continues from index 0 of the next one. */
  private carryElement(chunk: string): void {
    if (!this.isCollecting()) return;
    this.pieces.push(chunk.slice(this.elementStart));
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

function nextNewline(chunk: string, from: number): number {
  const at = chunk.indexOf('\n', from);
  return at === -1 ? chunk.length : at;
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
