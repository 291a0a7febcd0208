// Where each JSON path sits in a JSON text, so a problem found in parsed data can be shown at its line and column.
// A small scanner of its own: JSON.parse keeps no positions, and the editor's parser is not loaded in the CLI.

/** A 1-based line and column (UTF-16 code units, as editors count). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
  /** 0-based offset in the text. */
  readonly offset: number;
}

type Path = readonly (string | number)[];

/** Thrown by the scanner at the first character that is not JSON. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const keyOf = (path: Path) => path.join('\u0000');

/** Line and column of one offset (for a single lookup, e.g. a syntax error). */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1, offset };
}

/** Where `text` stops being JSON: from the parser's message when it says, else from this module's scanner. */
export function syntaxErrorOffset(text: string, error: Error): number {
  const stated = /at position (\d+)/.exec(error.message);
  if (stated?.[1] !== undefined) return Math.min(Number(stated[1]), text.length);
  try {
    new JsonPositions(text);
  } catch (scanError) {
    if (scanError instanceof JsonSyntaxError) return scanError.offset;
  }
  return text.length;
}

/** Finds paths in one JSON text; a path that is not there is placed at its nearest ancestor that is. */
export class JsonPositions {
  private readonly offsets = new Map<string, number>();
  private readonly lineStarts: number[] = [0];

  /** Scans `text`; throws JsonSyntaxError when it is not JSON. */
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    const end = this.value(this.skip(0), []);
    if (this.skip(end) < text.length)
      throw new JsonSyntaxError(this.skip(end), 'unexpected text after the JSON value');
  }

  /** The position of a member's key (of an item's value), or of its nearest ancestor in the text. */
  find(path: Path): TextPosition {
    for (let depth = path.length; depth >= 0; depth--) {
      const offset = this.offsets.get(keyOf(path.slice(0, depth)));
      if (offset !== undefined) return this.positionOf(offset);
    }
    return this.positionOf(0);
  }

  /** Line and column of an offset. */
  positionOf(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1, offset };
  }

  private skip(at: number): number {
    let i = at;
    while (i < this.text.length && ' \t\n\r'.includes(this.text.charAt(i))) i++;
    return i;
  }

  private value(at: number, path: (string | number)[]): number {
    if (!this.offsets.has(keyOf(path))) this.offsets.set(keyOf(path), at);
    const c = this.text.charAt(at);
    if (c === '{') return this.object(at, path);
    if (c === '[') return this.array(at, path);
    if (c === '"') return this.string(at)[0];
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      this.text.slice(at, at + 400),
    );
    if (literal === null)
      throw new JsonSyntaxError(at, at >= this.text.length ? 'unexpected end' : `unexpected ${c}`);
    return at + literal[0].length;
  }

  private object(open: number, path: (string | number)[]): number {
    let i = this.skip(open + 1);
    if (this.text.charAt(i) === '}') return i + 1;
    for (;;) {
      if (this.text.charAt(i) !== '"') throw new JsonSyntaxError(i, 'expected a "key"');
      const [afterKey, key] = this.string(i);
      this.offsets.set(keyOf([...path, key]), i);
      const colon = this.skip(afterKey);
      if (this.text.charAt(colon) !== ':') throw new JsonSyntaxError(colon, 'expected :');
      i = this.skip(this.value(this.skip(colon + 1), [...path, key]));
      if (this.text.charAt(i) === '}') return i + 1;
      if (this.text.charAt(i) !== ',') throw new JsonSyntaxError(i, 'expected , or }');
      i = this.skip(i + 1);
    }
  }

  private array(open: number, path: (string | number)[]): number {
    let i = this.skip(open + 1);
    if (this.text.charAt(i) === ']') return i + 1;
    for (let index = 0; ; index++) {
      i = this.skip(this.value(i, [...path, index]));
      if (this.text.charAt(i) === ']') return i + 1;
      if (this.text.charAt(i) !== ',') throw new JsonSyntaxError(i, 'expected , or ]');
      i = this.skip(i + 1);
    }
  }

  /** Returns the offset after the closing quote and the decoded string. */
  private string(open: number): [number, string] {
    for (let i = open + 1; i < this.text.length; i++) {
      const c = this.text.charAt(i);
      if (c === '\\') i++;
      else if (c === '"') return [i + 1, JSON.parse(this.text.slice(open, i + 1)) as string];
      else if (c < ' ') throw new JsonSyntaxError(i, 'control character in a string');
    }
    throw new JsonSyntaxError(this.text.length, 'unterminated string');
  }
}
