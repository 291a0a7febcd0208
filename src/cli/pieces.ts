// What the byte copy inserts into a resolved event line: the JSON of its resolved distinct_id and the properties it
// gains (G-7, O-16). Both repeat a lot, so each distinct one gets a number and is encoded once; the numbers are what
// crosses to the copying thread (see threads/), the texts cross once each.
import type { ResolvedOutput } from '../engine/index.ts';

/** The two pieces an event line gets, as UTF-8 bytes. */
export interface ItemPieces {
  id: Buffer;
  extra: Buffer;
}

/** Numbers the pieces of each outcome; new texts wait in `fresh` until taken. */
export class PieceNumbers {
  /** By resolved id number; rejected (null) and non-attributable ('') events are kept apart. */
  private readonly ids: number[] = [];
  private readonly unresolved = new Map<string, number>();
  private readonly extras = new Map<string, number>();
  private idCount = 0;
  private extraCount = 0;
  /** Texts numbered since the last `take()`, in number order. */
  private fresh: { ids: string[]; extras: string[] } = { ids: [], extras: [] };

  /** `extraOf`: the properties an output event gains, as the JSON text appended to its properties (readers.ts). */
  constructor(private readonly extraOf: (outcome: ResolvedOutput) => string) {}

  id(outcome: ResolvedOutput): number {
    const number = outcome.resolved;
    if (number === null || number < 0) {
      const json = JSON.stringify(outcome.resolvedId);
      let piece = this.unresolved.get(json);
      if (piece === undefined) this.unresolved.set(json, (piece = this.newId(json)));
      return piece;
    }
    return (this.ids[number] ??= this.newId(JSON.stringify(outcome.resolvedId)));
  }

  extra(outcome: ResolvedOutput): number {
    // Failures are rare and carry their own words: only the common cases are shared, by the id before identity.
    if (outcome.failure !== undefined) return this.newExtra(this.extraOf(outcome));
    const key = outcome.distinctIdBeforeIdentity ?? '';
    let piece = this.extras.get(key);
    if (piece === undefined) this.extras.set(key, (piece = this.newExtra(this.extraOf(outcome))));
    return piece;
  }

  /** The texts numbered since the last call (ids, extras), to append to a {@link PieceBytes}; undefined if none. */
  take(): { ids: string[]; extras: string[] } | undefined {
    const fresh = this.fresh;
    if (fresh.ids.length === 0 && fresh.extras.length === 0) return undefined;
    this.fresh = { ids: [], extras: [] };
    return fresh;
  }

  private newId(json: string): number {
    this.fresh.ids.push(json);
    return this.idCount++;
  }

  private newExtra(text: string): number {
    this.fresh.extras.push(text);
    return this.extraCount++;
  }
}

/** The pieces' bytes by number, on the thread that copies. */
export class PieceBytes {
  private readonly ids: Buffer[] = [];
  private readonly extras: Buffer[] = [];
  private readonly pieces: ItemPieces = { id: Buffer.alloc(0), extra: Buffer.alloc(0) };

  add(fresh: { readonly ids: readonly string[]; readonly extras: readonly string[] }): void {
    for (const text of fresh.ids) this.ids.push(Buffer.from(text));
    for (const text of fresh.extras) this.extras.push(Buffer.from(text));
  }

  /** The pieces numbered `id` and `extra`, in one reused object (read it before the next call). */
  of(id: number, extra: number): ItemPieces {
    this.pieces.id = this.ids[id]!;
    this.pieces.extra = this.extras[extra]!;
    return this.pieces;
  }
}
