// Dense, growable typed arrays indexed by id: writes at any index stay fast, unlike a sparse JS array.

type TypedArray = Int32Array | Float64Array | Uint8Array;

/**
 * A typed array that grows (doubling) to hold any index written, reading `fill` where nothing was written. Kernels
 * key per-id state by IdTable integers, often far past the last index written; a plain array written there turns
 * holey or even into a dictionary, slow and large.
 */
class GrowableColumn<T extends TypedArray> {
  private data: T;

  constructor(
    private readonly make: (length: number) => T,
    private readonly fill: number,
  ) {
    this.data = this.fresh(1024);
  }

  private fresh(length: number): T {
    const data = this.make(length);
    if (this.fill !== 0) data.fill(this.fill);
    return data;
  }

  get(index: number): number {
    return index < this.data.length ? (this.data[index] as number) : this.fill;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index);
    this.data[index] = value;
  }

  private grow(index: number): void {
    let length = this.data.length * 2;
    while (length <= index) length *= 2;
    const data = this.fresh(length);
    data.set(this.data);
    this.data = data;
  }
}

/** A growable Int32Array column (ids, links, indexes), new slots filled with `fill`. */
export class Int32Column extends GrowableColumn<Int32Array> {
  constructor(fill = 0) {
    super((length) => new Int32Array(length), fill);
  }
}

/** A growable Float64Array column (event times), new slots filled with `fill`. */
export class Float64Column extends GrowableColumn<Float64Array> {
  constructor(fill = 0) {
    super((length) => new Float64Array(length), fill);
  }
}
