// Bounded memory for findings: every counter is exact, every list stops growing at its cap.
import type { EventRef } from './types.ts';

/** Builds an EventRef without an undefined `line` key (exactOptionalPropertyTypes). */
export function eventRef(index: number, line: number | undefined): EventRef {
  return line === undefined ? { index } : { index, line };
}

/** A count of events plus the first `cap` of them. */
export class EventSample {
  private readonly refs: EventRef[] = [];
  private total = 0;

  constructor(private readonly cap: number) {}

  add(ref: EventRef, weight = 1): void {
    this.total += weight;
    if (this.refs.length < this.cap) this.refs.push(ref);
  }

  get count(): number {
    return this.total;
  }

  get events(): readonly EventRef[] {
    return this.refs;
  }
}

/** Distinct ids, exactly counted, with the first `cap` kept for display. */
export class IdSample {
  private readonly shown: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly cap: number) {}

  add(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    if (this.shown.length < this.cap) this.shown.push(id);
  }

  get size(): number {
    return this.seen.size;
  }

  get ids(): readonly string[] {
    return this.shown;
  }
}

/** Events tagged with the key (e.g. a device id) they belong to, so they can be split by key at the end. */
export class TaggedSample {
  private readonly entries: Array<{ readonly ref: EventRef; readonly key: string }> = [];

  constructor(private readonly cap: number) {}

  add(ref: EventRef, key: string): void {
    if (this.entries.length < this.cap) this.entries.push({ ref, key });
  }

  /** The kept events whose key passes `keep`. */
  refsWhere(keep: (key: string) => boolean): EventRef[] {
    return this.entries.filter((entry) => keep(entry.key)).map((entry) => entry.ref);
  }
}
