// The size of the largest group of ids joined by links, kept as links arrive: a bound that lets the cluster-cap
// check skip building every cluster at the end of a stream when none can be near the cap (O-15, issue #14).
import { Int32Column } from '../engine/index.ts';

/**
 * Ids (as numbers) joined by links, as a union-find with sizes over Int32 columns. On Original every merge joins
 * the clusters of a link's two ids and never splits one again (O-4, O-5), and every member of a cluster of two or
 * more ids is an end of one of its links, so the largest group here is the largest cluster's size (1 when no link
 * was made: every cluster is then a single id).
 */
export class LinkedSizes {
  /** By id number: its parent plus one (0: it is its own root). */
  private readonly parents = new Int32Column();
  /** By root id number: the group's size minus one. */
  private readonly extraSizes = new Int32Column();
  private largestSize = 1;

  /** The size of the largest group so far. */
  get largest(): number {
    return this.largestSize;
  }

  /** Joins the groups of ids `a` and `b`. */
  join(a: number, b: number): void {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA === rootB) return;
    const sizeA = this.extraSizes.get(rootA) + 1;
    const sizeB = this.extraSizes.get(rootB) + 1;
    // The smaller group goes under the larger, so paths stay short.
    const small = sizeA < sizeB ? rootA : rootB;
    const large = small === rootA ? rootB : rootA;
    this.parents.set(small, large + 1);
    const size = sizeA + sizeB;
    this.extraSizes.set(large, size - 1);
    if (size > this.largestSize) this.largestSize = size;
  }

  private root(id: number): number {
    let at = id;
    for (let parent = this.parents.get(at); parent !== 0; parent = this.parents.get(at)) {
      const grand = this.parents.get(parent - 1);
      // Path halving: point at the grandparent on the way up.
      if (grand !== 0) this.parents.set(at, grand);
      at = parent - 1;
    }
    return at;
  }
}
