// Streaming line splitter: whatever the chunking, the same lines come out with the same 1-based numbers.
import { startsWithBom } from './text.ts';

/** One physical line without its terminator (`\n` or `\r\n`). */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** Push text chunks as they arrive; each call returns the lines it completed. */
export interface LineSplitter {
  push(chunk: string): NumberedLine[];
  /** Flushes a last line that has no newline. */
  end(): NumberedLine[];
}

/**
 * A splitter for `\n` and `\r\n` line endings. A UTF-8 BOM at the start of the stream is dropped. A lone `\r` is
 * not a line ending (no format we read uses it), so it stays in the text. Chunks may split lines and CRLF pairs
 * anywhere: a partial line is kept as a list of pieces and joined once, so a huge line costs linear time.
 */
export function createLineSplitter(): LineSplitter {
  return new Splitter();
}

class Splitter implements LineSplitter {
  private pending: string[] = [];
  private nextLine = 1;
  private started = false;

  push(chunk: string): NumberedLine[] {
    const text = this.dropBom(chunk);
    let newline = text.indexOf('\n');
    if (newline === -1) {
      if (text !== '') this.pending.push(text);
      return [];
    }
    const lines = [this.emit(this.takePending() + text.slice(0, newline))];
    let start = newline + 1;
    while ((newline = text.indexOf('\n', start)) !== -1) {
      lines.push(this.emit(text.slice(start, newline)));
      start = newline + 1;
    }
    if (start < text.length) this.pending.push(text.slice(start));
    return lines;
  }

  end(): NumberedLine[] {
    return this.pending.length === 0 ? [] : [this.emit(this.takePending())];
  }

  /** Only the first non-empty chunk can carry the BOM. */
  private dropBom(chunk: string): string {
    if (this.started || chunk === '') return chunk;
    this.started = true;
    return startsWithBom(chunk) ? chunk.slice(1) : chunk;
  }

  private takePending(): string {
    if (this.pending.length === 0) return '';
    const joined = this.pending.length === 1 ? (this.pending[0] ?? '') : this.pending.join('');
    this.pending = [];
    return joined;
  }

  private emit(raw: string): NumberedLine {
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    return { line: this.nextLine++, text };
  }
}
