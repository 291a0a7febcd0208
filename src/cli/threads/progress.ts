// What both threads of `idmerge resolve` wait on (issue #14): a signal that waiters re-check, and how far the file
// has been read, which bounds how far either thread may copy.

/** Waiters re-check their condition each time `changed()` is called; `fail` makes every wait throw. */
export class Signal {
  private waiters: Array<() => void> = [];
  private failure: unknown;
  private failed = false;

  /** Resolves once `ready()` holds; rejects if the run failed. */
  async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.failed) throw this.failure;
      if (ready()) return;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  fail(error: unknown): void {
    if (!this.failed) {
      this.failed = true;
      this.failure = error;
    }
    this.changed();
  }
}

/** Items read after each batch of pass 1 (batch k has read at least the file's chunks 0…k), and whether all are. */
export class ItemsRead {
  private readonly afterBatch: number[] = [];
  private finished = false;

  batchRead(itemsSoFar: number): void {
    this.afterBatch.push(itemsSoFar);
  }

  finish(): void {
    this.finished = true;
  }

  /**
   * Whether the copy may visit the file's chunk `chunk`: every line ending in chunks 0…k was read by batch k+1 at the
   * latest (a `\r` at a chunk's end waits for the next chunk), so the pieces of the items up to there must be known.
   */
  canCopy(chunk: number, pieces: { readonly count: number }): boolean {
    let needed = this.afterBatch[chunk + 1];
    if (needed === undefined) {
      if (!this.finished) return false;
      needed = this.afterBatch.at(-1) ?? 0;
    }
    return pieces.count >= needed;
  }
}
