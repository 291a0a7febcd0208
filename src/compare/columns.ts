// Growable typed-array columns: one slot per record, so a million events cost a few arrays, not a million objects.

/** An Int32Array that doubles when full. */
export class IntColumn {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The filled part (a view, not a copy). */
  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Float64Array that doubles when full. */
export class FloatColumn {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Interns strings to dense integers and back. */
export class Interner {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];

  id(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.index.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  find(text: string): number | undefined {
    return this.index.get(text);
  }

  get size(): number {
    return this.texts.length;
  }
}
