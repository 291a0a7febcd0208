// Invariants of the engine over random streams (fast-check): the guarantees the spec states for every stream.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeviceKey } from './ids.ts';
import { resolve, Resolver } from './resolve.ts';
import { merges, stream } from './test/arbitraries.ts';
import { MODES, type Cluster, type Mode } from './types.ts';

const RUNS = { numRuns: 300 };
const ids = (inputs: Parameters<typeof resolve>[0], mode: Mode, options = {}) =>
  resolve(inputs, mode, options)
    .outcomes()
    .map((o) => [o.resolvedId, o.failure?.code ?? null]);

describe('Simplified invariants', () => {
  it('S-6, S-9: a device links to at most one user, and every device-only event follows that link', () => {
    fc.assert(
      fc.property(stream, fc.constantFrom('ingestion', 'event-time' as const), (inputs, linkOrder) => {
        const resolution = resolve(inputs, 'simplified', { linkOrder });
        const view = resolution.final();
        const byDevice = new Map<string, Set<string>>();
        for (const link of view.links())
          byDevice.set(link.from, (byDevice.get(link.from) ?? new Set()).add(link.to));
        for (const users of byDevice.values()) expect(users.size).toBe(1);
        for (const outcome of resolution.outcomes()) {
          if (outcome.derivation === 'device-id')
            expect(outcome.resolvedId).toBe(view.canonicalOf(outcome.derivedId));
        }
      }),
      RUNS,
    );
  });

  it('S-10: two user ids never share a cluster', () => {
    fc.assert(
      fc.property(stream, (inputs) => {
        for (const cluster of resolve(inputs, 'simplified').final().clusters()) {
          expect(cluster.members.filter((m) => !isDeviceKey(m.id)).length).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });
});

describe('Original invariants', () => {
  it('O-15: clusters never exceed the cap, whatever the limit', () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 5 }), (inputs, clusterLimit) => {
        for (const cluster of resolve(inputs, 'original', { clusterLimit }).final().clusters()) {
          expect(cluster.members.length).toBeLessThanOrEqual(clusterLimit);
        }
      }),
      RUNS,
    );
  });

  it('O-14: the clusters made by $merge events do not depend on their order', () => {
    const partition = (inputs: Parameters<typeof resolve>[0]) =>
      resolve(inputs, 'original')
        .final()
        .clusters()
        .map((c) =>
          c.members
            .map((m) => m.id)
            .sort()
            .join(' '),
        )
        .sort();
    fc.assert(
      fc.property(merges, fc.infiniteStream(fc.nat()), (inputs, shuffle) => {
        const keys = [...shuffle.take(inputs.length)];
        const shuffled = inputs
          .map((e, i) => [keys[i] ?? 0, e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e);
        expect(partition(shuffled)).toEqual(partition(inputs));
      }),
      RUNS,
    );
  });

  it('O-2: every event of one cluster resolves to the same member of it', () => {
    fc.assert(
      fc.property(
        stream,
        fc.constantFrom('larger-cluster', 'user-id-when-present', 'first-seen' as const),
        (inputs, canonical) => {
          const view = resolve(inputs, 'original', { canonical }).final();
          for (const cluster of view.clusters()) {
            expect(cluster.members.map((m) => m.id)).toContain(cluster.canonical);
            for (const member of cluster.members) expect(view.canonicalOf(member.id)).toBe(cluster.canonical);
          }
        },
      ),
      RUNS,
    );
  });
});

describe.each(MODES)('every mode: %s', (mode) => {
  it('is deterministic and independent of how the input is chunked', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 5 }), (inputs, cuts) => {
        const resolver = new Resolver(mode);
        const points = [...new Set(cuts.map((c) => c % (inputs.length + 1)))].sort((a, b) => a - b);
        let start = 0;
        for (const point of [...points, inputs.length]) {
          resolver.ingestAll(inputs.slice(start, point));
          start = point;
        }
        const chunked = resolver
          .result()
          .outcomes()
          .map((o) => [o.resolvedId, o.failure?.code ?? null]);
        expect(chunked).toEqual(ids(inputs, mode));
        expect(ids(inputs, mode)).toEqual(ids(inputs, mode));
      }),
      RUNS,
    );
  });

  it('the step log answers every prefix exactly as resolving that prefix from scratch', () => {
    const options = fc.record({
      linkOrder: fc.constantFrom('ingestion', 'event-time' as const),
      canonical: fc.constantFrom('larger-cluster', 'user-id-when-present', 'first-seen' as const),
      clusterLimit: fc.integer({ min: 2, max: 6 }),
    });
    fc.assert(
      fc.property(stream, options, (inputs, opts) => {
        const stepped = resolve(inputs, mode, opts, { trackSteps: true });
        for (let step = 0; step < inputs.length; step++) {
          const view = stepped.at(step);
          const prefix = resolve(inputs.slice(0, step + 1), mode, opts).final();
          const atStep = Array.from({ length: step + 1 }, (_, i) => [
            view.outcome(i).resolvedId,
            view.outcome(i).failure?.code,
          ]);
          const fromScratch = Array.from({ length: step + 1 }, (_, i) => [
            prefix.outcome(i).resolvedId,
            prefix.outcome(i).failure?.code,
          ]);
          expect(atStep).toEqual(fromScratch);
          // Clusters too; an earlier step's view keeps its answer, so asking again gives the same one (the last
          // step's view is the live final view, which groups afresh).
          const clusters = view.clusters();
          expect(clusterSets(clusters)).toEqual(clusterSets(prefix.clusters()));
          if (step < inputs.length - 1) expect(view.clusters()).toBe(clusters);
          const before =
            step === 0
              ? []
              : Array.from({ length: step }, (_, i) => stepped.at(step - 1).outcome(i).resolvedId);
          const changed = before.flatMap((id, i) => (id !== view.outcome(i).resolvedId ? [i] : []));
          expect(view.changedEvents()).toEqual(changed);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Clusters as sorted lists of member ids with their canonical id, in a canonical order, to compare two answers. */
function clusterSets(clusters: readonly Cluster[]): string[][] {
  return clusters
    .map((cluster) => [cluster.canonical, ...cluster.members.map((member) => member.id).sort()])
    .sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
}
