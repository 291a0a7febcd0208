// Streaming walk over a HAR document: yields each element of `log.entries` and `log.pages` without holding the file.
import { countNewlines, excerptOf, startsWithBom } from '../text.ts';

/** Which array of `log` an element came from. */
export type HarSection = 'entries' | 'pages';

/** One element's JSON text, its 0-based index in its array, and the 1-based line where it starts. */
export interface HarElementText {
  readonly section: HarSection;
  readonly index: number;
  readonly line: number;
  readonly text: string;
}

/** What one chunk completed: elements, and structural faults (text after the document, an unclosed log). */
export interface HarWalkStep {
  readonly elements: HarElementText[];
  readonly issues: { readonly line: number; readonly reason: string; readonly excerpt: string }[];
}

/** Splits a HAR text stream into its entries and pages; each element is held only until it is complete. */
export interface HarWalker {
  push(chunk: string): HarWalkStep;
  end(): HarWalkStep;
}

/** A walker for one HAR text stream. */
export function createHarWalker(): HarWalker {
  return new Walker();
}

/** Outside a string only these characters change the structure; inside one, only a quote or a backslash. */
const STRUCTURE = /["{}[\]]/g;
const STRING_END = /["\\]/g;
/** The depth of an element of `log.entries`: root object 1, `log` 2, the array 3, the element 4. */
const ELEMENT_DEPTH = 4;
const KEY_DEPTHS = 2;

class Walker implements HarWalker {
  private depth = 0;
  private inString = false;
  /** A backslash ended the last chunk inside a string: the next chunk's first character is escaped. */
  private escapePending = false;
  /** The last string seen at depths 1–2: before a container opens in an object, that is its key. */
  private lastKey = '';
  private keyParts: string[] | undefined;
  /** The key of the container open at each depth ≤ 3: `log`, then `entries` / `pages`. */
  private readonly keys: string[] = [];
  private capture: { section: HarSection; line: number; parts: string[] } | undefined;
  private readonly counts: Record<HarSection, number> = { entries: 0, pages: 0 };
  private linesBefore = 0;
  /** Newlines counted in the current chunk up to `countedTo`, so each element's line costs only the text since the last. */
  private countedTo = 0;
  private countedLines = 0;
  private first = true;
  private closed = false;

  push(chunk: string): HarWalkStep {
    const step: HarWalkStep = { elements: [], issues: [] };
    let text = chunk;
    if (this.first && text !== '') {
      this.first = false;
      if (startsWithBom(text)) text = text.slice(1);
    }
    this.walk(text, step);
    this.linesBefore += countNewlines(text);
    return step;
  }

  end(): HarWalkStep {
    const step: HarWalkStep = { elements: [], issues: [] };
    if (this.depth !== 0 || this.inString) {
      const what = this.capture === undefined ? 'the HAR document' : `log.${this.capture.section}`;
      step.issues.push({
        line: this.capture?.line ?? this.linesBefore + 1,
        reason: `the file ends inside ${what}: the log was cut off (entries read so far are kept)`,
        excerpt: '',
      });
    }
    return step;
  }

  private walk(text: string, step: HarWalkStep): void {
    let at = 0;
    this.countedTo = 0;
    this.countedLines = 0;
    let captureFrom = this.capture === undefined ? -1 : 0;
    while (at < text.length) {
      if (this.inString) {
        at = this.skipString(text, at);
        continue;
      }
      STRUCTURE.lastIndex = at;
      const found = STRUCTURE.exec(text);
      if (found === null) {
        this.checkStray(text, at, text.length, step);
        break;
      }
      const position = found.index;
      this.checkStray(text, at, position, step);
      at = position + 1;
      const char = text.charCodeAt(position);
      if (char === 34) this.openString(text, at);
      else if (char === 123 || char === 91) captureFrom = this.open(text, position, captureFrom);
      else captureFrom = this.close(text, position, captureFrom, step);
    }
    if (this.capture !== undefined && captureFrom !== -1) this.capture.parts.push(text.slice(captureFrom));
    if (this.keyParts !== undefined) this.keyParts.push(text.slice(this.keyStart));
    this.keyStart = 0;
  }

  private keyStart = 0;

  private openString(text: string, at: number): void {
    this.inString = true;
    if (this.depth <= KEY_DEPTHS) {
      this.keyParts = [];
      this.keyStart = at;
    }
  }

  /** Moves past string content; returns where to continue. */
  private skipString(text: string, from: number): number {
    let at = from;
    if (this.escapePending) {
      this.escapePending = false;
      at++;
    }
    for (;;) {
      STRING_END.lastIndex = at;
      const found = STRING_END.exec(text);
      if (found === null) return text.length;
      if (text.charCodeAt(found.index) === 92) {
        if (found.index + 1 >= text.length) {
          this.escapePending = true;
          return text.length;
        }
        at = found.index + 2;
        continue;
      }
      this.inString = false;
      if (this.keyParts !== undefined) {
        this.lastKey = this.keyParts.join('') + text.slice(this.keyStart, found.index);
        this.keyParts = undefined;
      }
      return found.index + 1;
    }
  }

  private open(text: string, position: number, captureFrom: number): number {
    if (this.depth < 3) this.keys[this.depth] = this.lastKey;
    this.depth++;
    if (this.depth !== ELEMENT_DEPTH || this.capture !== undefined) return captureFrom;
    const section = this.sectionHere();
    if (section === undefined) return captureFrom;
    const line = this.lineAt(text, position);
    this.capture = { section, line, parts: [] };
    return position;
  }

  private close(text: string, position: number, captureFrom: number, step: HarWalkStep): number {
    this.depth--;
    if (this.depth === 0) this.closed = true;
    if (this.depth !== ELEMENT_DEPTH - 1 || this.capture === undefined) return captureFrom;
    const { section, line, parts } = this.capture;
    parts.push(text.slice(captureFrom, position + 1));
    step.elements.push({ section, index: this.counts[section]++, line, text: parts.join('') });
    this.capture = undefined;
    return -1;
  }

  private lineAt(text: string, position: number): number {
    this.countedLines += countNewlines(text, this.countedTo, position);
    this.countedTo = position;
    return this.linesBefore + this.countedLines + 1;
  }

  private sectionHere(): HarSection | undefined {
    if (this.keys[1] !== 'log') return undefined;
    const key = this.keys[2];
    return key === 'entries' || key === 'pages' ? key : undefined;
  }

  /** Non-blank text after the document closed is named once; the entries already read stand. */
  private checkStray(text: string, from: number, to: number, step: HarWalkStep): void {
    if (!this.closed || this.depth !== 0) return;
    const stray = text.slice(from, to);
    if (stray.trim() === '') return;
    this.closed = false;
    step.issues.push({
      line: this.lineAt(text, from),
      reason: 'text after the end of the HAR document is ignored',
      excerpt: excerptOf(stray),
    });
  }
}
