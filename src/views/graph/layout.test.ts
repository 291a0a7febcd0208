// The final-state layout over the whole library: every id placed, none overlapping, chains laid out as layers.
import { describe, expect, it } from 'vitest';
import { resolve, type StreamRecord } from '../../engine/index.ts';
import { LIBRARY } from '../../scenarios/library/index.ts';
import {
  layoutGraph,
  linkTree,
  NODE_BUDGET,
  NODE_HEIGHT,
  NODE_WIDTH,
  type GraphLayout,
  type Point,
} from './layout.ts';
import { played } from './test/graphAt.ts';

const overlaps = (a: Point, b: Point) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

function corners(layout: GraphLayout): Point[] {
  const summaries = layout.regions.flatMap((region) => region.summaryAt ?? []);
  return [...layout.positions.values(), ...summaries];
}

describe('layoutGraph over the library', () => {
  const cases = LIBRARY.flatMap((scenario) => scenario.modes.map((mode) => [scenario.id, mode] as const));

  it.each(cases)('%s (%s): places every final id once, with no two boxes overlapping', (id, mode) => {
    const { resolution } = played(id, mode);
    const final = resolution.final();
    const layout = layoutGraph(final);
    const finalIds = final.clusters().flatMap((cluster) => cluster.members.map((member) => member.id));
    expect(layout.regions.flatMap((region) => region.members).sort()).toEqual(finalIds.sort());
    for (const region of layout.regions) {
      expect(region.members.slice(0, region.shown).every((member) => layout.positions.has(member))).toBe(
        true,
      );
    }
    const placed = corners(layout);
    placed.forEach((a, i) => placed.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });

  it('is deterministic: the same resolution gives the same positions', () => {
    const { resolution } = played('multiple-users-one-device', 'simplified');
    const first = layoutGraph(resolution.final());
    const second = layoutGraph(resolution.final());
    expect([...second.positions]).toEqual([...first.positions]);
  });

  it('orders regions by first seen: the first id sent sits top left', () => {
    const { resolution } = played('original-identify-non-guid', 'original');
    const layout = layoutGraph(resolution.final());
    expect(layout.positions.get('anon123')).toEqual({ x: 0, y: 0 });
    expect(layout.positions.get('U1')?.y).toBeGreaterThan(0);
  });
});

describe('layoutGraph on a large stream', () => {
  it('draws the clusters seen first within the node budget and counts the rest', () => {
    const users = NODE_BUDGET + 100;
    const records: StreamRecord[] = Array.from({ length: users }, (_, i) => ({
      kind: 'event',
      event: { event: 'Page View', properties: { $user_id: `user-${i}` } },
    }));
    const layout = layoutGraph(resolve(records, 'simplified').final());
    expect(layout.positions.size).toBe(NODE_BUDGET);
    expect(layout.omittedClusters).toBe(100);
    expect(layout.positions.has('user-0')).toBe(true);
    expect(layout.positions.has(`user-${users - 1}`)).toBe(false);
  });
});

describe('linkTree', () => {
  it('follows a merge chain from the canonical id, one layer per link', () => {
    const { resolution } = played('original-merge-chain', 'original');
    const final = resolution.final();
    const [cluster] = final.clusters().filter((c) => c.members.length > 1);
    if (cluster === undefined) throw new Error('expected a merged cluster');
    const tree = linkTree(cluster, final.links());
    expect(tree.order[0]).toBe(cluster.canonical);
    expect([...tree.order].map((id) => tree.depthOf.get(id))).toEqual([0, 1, 2, 2]);
  });

  it('puts every device of a Simplified user one link away', () => {
    const { resolution } = played('android-and-ios', 'simplified');
    const final = resolution.final();
    const [cluster] = final.clusters();
    if (cluster === undefined) throw new Error('expected a cluster');
    const tree = linkTree(cluster, final.links());
    expect(tree.order.slice(1).map((id) => tree.depthOf.get(id))).toEqual([1, 1]);
  });
});
