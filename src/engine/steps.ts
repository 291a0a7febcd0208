// The step log: every change of canonical id, stamped with the record that caused it, so any prefix can be read back.

interface Retarget {
  readonly to: number;
  readonly ids: readonly number[];
}

/** All ids are IdTable integers. */
export class StepLog {
  /** id → [record index, canonical id from then on], in order. */
  private readonly history = new Map<number, Array<readonly [number, number]>>();
  /** record index → the retargets it caused. */
  private readonly retargetsAt = new Map<number, Retarget[]>();
  /** derived id → indexes of the events attributed to it, for ids whose resolution can change. */
  private readonly eventsByDerived = new Map<number, number[]>();

  /** Record `index` made `ids` resolve to `to`. */
  recordRetarget(index: number, to: number, ids: readonly number[]): void {
    for (const id of ids) {
      const entries = this.history.get(id);
      if (entries === undefined) this.history.set(id, [[index, to]]);
      else entries.push([index, to]);
    }
    const list = this.retargetsAt.get(index);
    if (list === undefined) this.retargetsAt.set(index, [{ to, ids: [...ids] }]);
    else list.push({ to, ids: [...ids] });
  }

  recordEvent(derivedId: number, index: number): void {
    const list = this.eventsByDerived.get(derivedId);
    if (list === undefined) this.eventsByDerived.set(derivedId, [index]);
    else list.push(index);
  }

  /** The canonical id `id` resolved to after record `step`. */
  canonicalAt(id: number, step: number): number {
    const entries = this.history.get(id);
    if (entries === undefined) return id;
    let result = id;
    for (const [index, canonical] of entries) {
      if (index > step) break;
      result = canonical;
    }
    return result;
  }

  /** The record that first moved `id` away from itself by step `step`: the event that brought it into its cluster. */
  joinedByAt(id: number, step: number): number | undefined {
    const first = this.history.get(id)?.[0];
    return first !== undefined && first[0] <= step ? first[0] : undefined;
  }

  /** Events before `step` whose resolved id changed because of record `step`. */
  eventsRetargetedAt(step: number): number[] {
    const changed: number[] = [];
    for (const retarget of this.retargetsAt.get(step) ?? []) {
      for (const id of retarget.ids) {
        for (const index of this.eventsByDerived.get(id) ?? []) {
          if (index >= step) break;
          changed.push(index);
        }
      }
    }
    return changed.sort((a, b) => a - b);
  }
}
