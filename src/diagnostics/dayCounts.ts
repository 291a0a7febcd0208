// Exact event counts per (id number, UTC day) for the hot-shard check (LIM-4), cheap when streams run day by day.
import { Int32Column } from '../engine/index.ts';

/** Days within this many of 1970-01-01 are held in the columns; any others (absurd times) only in the Map. */
const HELD_DAY_RANGE = 1_000_000_000;

/**
 * Events per (engine id number, UTC day), exact. Streams run mostly day by day, so each id's count for the day it
 * was last seen on sits in two columns indexed by the id number (issue #14: no Map lookup per event); when an id
 * moves to another day its count is parked in a per-day Map and picked up again if the stream returns to that day.
 */
export class DayCounts {
  /** By id number: the day held plus HELD_DAY_RANGE (always positive), or 0 when none is held. */
  private readonly heldDays = new Int32Column();
  /** By id number: the count for the held day. */
  private readonly heldCounts = new Int32Column();
  /** Counts not held: day → id number → count. */
  private readonly parked = new Map<number, Map<number, number>>();

  /** Counts one more event of `id` on `day`; returns the count so far. */
  increment(id: number, day: number): number {
    if (Math.abs(day) >= HELD_DAY_RANGE) return this.incrementParked(id, day);
    const code = day + HELD_DAY_RANGE;
    const held = this.heldDays.get(id);
    let count: number;
    if (held === code) count = this.heldCounts.get(id) + 1;
    else {
      if (held !== 0) this.park(held - HELD_DAY_RANGE, id, this.heldCounts.get(id));
      count = (this.parked.get(day)?.get(id) ?? 0) + 1;
      this.heldDays.set(id, code);
    }
    this.heldCounts.set(id, count);
    return count;
  }

  /** The count of `id` on `day`. */
  countOf(id: number, day: number): number {
    const held = Math.abs(day) < HELD_DAY_RANGE && this.heldDays.get(id) === day + HELD_DAY_RANGE;
    return held ? this.heldCounts.get(id) : (this.parked.get(day)?.get(id) ?? 0);
  }

  private incrementParked(id: number, day: number): number {
    const count = (this.parked.get(day)?.get(id) ?? 0) + 1;
    this.park(day, id, count);
    return count;
  }

  private park(day: number, id: number, count: number): void {
    let counts = this.parked.get(day);
    if (counts === undefined) {
      counts = new Map<number, number>();
      this.parked.set(day, counts);
    }
    counts.set(id, count);
  }
}
