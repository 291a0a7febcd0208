// Places every id the scenario will ever have, once, from the final clusters: stepping reveals nodes, never moves them.
/*
 * Why the final state: positions come from `resolution.final()`, so an id keeps its place at every step. An id is
 * drawn inside the region of the cluster it ends up in, from the moment it is first seen; the cluster's group box
 * appears around it when the link that puts it there happens. That is the intended stability: a device that joins
 * a user later already sits beside that user, alone, until the link is made.
 *
 * A region puts its final canonical id (the hub) on the left and each further link one layer to the right
 * (regionShape.ts), in depth-first order along the links, so ids that merge in together sit together. Regions
 * stack in columns, in the order their first id was seen. A cluster above COLLAPSE_ABOVE ids draws its first `shown`
 * members and a summary slot; expanding it (on request only) is the one thing that moves the regions after it.
 */
import type { Cluster, Link, ResolutionView } from '../../engine/index.ts';
import { regionShape, type RegionShape } from './regionShape.ts';

export { GROUP_PAD, NODE_HEIGHT, NODE_WIDTH } from './regionShape.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The place of one final cluster. */
export interface Region {
  /** The final canonical id; names the region in expansion state. */
  readonly key: string;
  /** Every member, hub first, then in link order. */
  readonly members: readonly string[];
  /** How many of `members` are drawn; the rest are summed up in one summary node. */
  readonly shown: number;
  /** Where the summary node sits, when some members are not drawn. */
  readonly summaryAt: Point | undefined;
  readonly canExpand: boolean;
}

export interface GraphLayout {
  /** Top-left corner of each drawn id, in flow coordinates. */
  readonly positions: ReadonlyMap<string, Point>;
  readonly regionOf: ReadonlyMap<string, Region>;
  /** The regions drawn, in first-seen order. */
  readonly regions: readonly Region[];
  /** Final clusters left undrawn because the node budget was spent (a large imported stream). */
  readonly omittedClusters: number;
}

/** Between regions stacked in a column: room for the label of an edge between them. */
const REGION_GAP = 52;
const COLUMN_SPACING = 96;
/** Width over height the layout aims for: the graph pane is wide and short. */
const ASPECT = 1.6;

/** Clusters larger than this are collapsed: React Flow stays fast when no more than a few hundred nodes are drawn. */
export const COLLAPSE_ABOVE = 40;
export const COLLAPSED_SHOWN = 16;
export const EXPAND_STEP = 100;
export const MAX_SHOWN = 224;
/** Nodes drawn at most, over all clusters: past it, later clusters are left out and counted instead. */
export const NODE_BUDGET = 300;

/** Lays out the final clusters; `expansion` counts how often each collapsed region (by key) was expanded. */
export function layoutGraph(
  final: ResolutionView | undefined,
  expansion: ReadonlyMap<string, number> = new Map(),
): GraphLayout {
  const positions = new Map<string, Point>();
  const regionOf = new Map<string, Region>();
  if (final === undefined) return { positions, regionOf, regions: [], omittedClusters: 0 };
  const clusters = sortByFirstSeen(final.clusters());
  const plans = planWithinBudget(clusters, final.links(), expansion);
  const place = columnPlacer(columnHeightFor(plans.map((plan) => plan.shape)));
  const regions = plans.map(({ key, members, shown, shape }) => {
    const origin = place(shape.width, shape.height);
    members.slice(0, shown).forEach((id, i) => positions.set(id, offset(origin, shape.slots[i])));
    const summarySlot = members.length > shown ? shape.slots[shown] : undefined;
    const region: Region = {
      key,
      members,
      shown,
      summaryAt: summarySlot && offset(origin, summarySlot),
      canExpand: members.length > shown && shown < MAX_SHOWN,
    };
    for (const id of members) regionOf.set(id, region);
    return region;
  });
  return { positions, regionOf, regions, omittedClusters: clusters.length - plans.length };
}

/** Plans regions in first-seen order until NODE_BUDGET nodes are spent (the first one always fits). */
function planWithinBudget(
  clusters: readonly Cluster[],
  links: readonly Link[],
  expansion: ReadonlyMap<string, number>,
): RegionPlan[] {
  const plans: RegionPlan[] = [];
  let nodes = 0;
  for (const cluster of clusters) {
    const plan = planRegion(cluster, links, expansion);
    nodes += plan.shape.slots.length;
    if (plans.length > 0 && nodes > NODE_BUDGET) break;
    plans.push(plan);
  }
  return plans;
}

interface RegionPlan {
  readonly key: string;
  readonly members: readonly string[];
  readonly shown: number;
  readonly shape: RegionShape;
}

function planRegion(
  cluster: Cluster,
  links: readonly Link[],
  expansion: ReadonlyMap<string, number>,
): RegionPlan {
  const { order: members, depthOf } = linkTree(cluster, links);
  const shown = shownCount(members.length, expansion.get(cluster.canonical) ?? 0);
  const depths = members.slice(1, shown).map((id) => depthOf.get(id) ?? 1);
  // The summary stands for ids of every depth; it sits with the hub's direct links.
  if (members.length > shown) depths.push(1);
  return { key: cluster.canonical, members, shown, shape: regionShape(depths) };
}

function shownCount(size: number, expansions: number): number {
  if (size <= COLLAPSE_ABOVE) return size;
  return Math.min(size, COLLAPSED_SHOWN + expansions * EXPAND_STEP, MAX_SHOWN);
}

function sortByFirstSeen(clusters: readonly Cluster[]): Cluster[] {
  const firstSeen = (c: Cluster) => Math.min(...c.members.map((m) => m.firstSeen));
  return clusters
    .map((cluster) => ({ cluster, seen: firstSeen(cluster) }))
    .sort((a, b) => a.seen - b.seen || a.cluster.canonical.localeCompare(b.cluster.canonical))
    .map(({ cluster }) => cluster);
}

/** The members in link order, and how many links away from the canonical id each one is. */
export interface LinkTree {
  /** Canonical first, then depth-first along the links (in event order); ids no link reaches last, by first seen. */
  readonly order: readonly string[];
  readonly depthOf: ReadonlyMap<string, number>;
}

export function linkTree(cluster: Cluster, links: readonly Link[]): LinkTree {
  const neighbours = neighboursWithin(cluster, links);
  const order: string[] = [];
  const depthOf = new Map<string, number>();
  const stack: Array<readonly [string, number]> = [[cluster.canonical, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [id, depth] = next;
    if (depthOf.has(id)) continue;
    depthOf.set(id, depth);
    order.push(id);
    const around = neighbours.get(id) ?? [];
    stack.push(...around.toReversed().map((neighbour) => [neighbour, depth + 1] as const));
  }
  const unreached = cluster.members.filter((m) => !depthOf.has(m.id));
  unreached.sort((a, b) => a.firstSeen - b.firstSeen);
  for (const member of unreached) depthOf.set(member.id, 1);
  return { order: [...order, ...unreached.map((m) => m.id)], depthOf };
}

/** Links within the cluster as an undirected adjacency list, in event order. */
function neighboursWithin(cluster: Cluster, links: readonly Link[]): Map<string, string[]> {
  const inCluster = new Set(cluster.members.map((m) => m.id));
  const neighbours = new Map<string, string[]>();
  const connect = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list === undefined) neighbours.set(a, [b]);
    else list.push(b);
  };
  for (const link of links) {
    if (!inCluster.has(link.from) || !inCluster.has(link.to)) continue;
    connect(link.from, link.to);
    connect(link.to, link.from);
  }
  return neighbours;
}

/**
 * The column height that makes the whole graph about as wide as the graph pane is (ASPECT), but never shorter
 * than the tallest region: a few small clusters sit side by side instead of in one tall, tiny column.
 */
function columnHeightFor(shapes: readonly RegionShape[]): number {
  const area = shapes.reduce(
    (sum, { width, height }) => sum + (width + COLUMN_SPACING) * (height + REGION_GAP),
    0,
  );
  return Math.max(...shapes.map((shape) => shape.height), Math.sqrt(area / ASPECT));
}

/**
 * Stacks boxes top to bottom, starting a new column when one is full. Edges between regions then mostly run
 * vertically, and a label fits in the gap; the wider gap between columns holds the labels of edges that cross.
 */
function columnPlacer(maxHeight: number): (width: number, height: number) => Point {
  let x = 0;
  let y = 0;
  let columnWidth = 0;
  return (width, height) => {
    if (y > 0 && y + height > maxHeight) {
      x += columnWidth + COLUMN_SPACING;
      y = 0;
      columnWidth = 0;
    }
    const corner = { x, y };
    y += height + REGION_GAP;
    columnWidth = Math.max(columnWidth, width);
    return corner;
  };
}

function offset(origin: Point, slot: Point | undefined): Point {
  return { x: origin.x + (slot?.x ?? 0), y: origin.y + (slot?.y ?? 0) };
}
