// The neighbourhood of one identity as positioned nodes and edges: its cluster's ids in rings around the canonical
// id, ids outside it that a refused link reached for, and a "+N more" node past the cap. The graph draws it, and the
// SVG and PNG exports draw the very same positions.
import { eventNumber } from '../../diagnostics/text.ts';
import type { IdentityDetail } from '../../worker/queries.ts';
import { intersects, type Box } from '../shared/geometry.ts';
import { placeEdgeLabels, type LabelBox } from './neighbourhoodLabels.ts';

/** Most nodes drawn at once; a bigger cluster shows its first ids and a "+N more" node. */
export const GRAPH_CAP = 150;
export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 34;
const RING_GAP = 120;
const NODE_SPACING = NODE_WIDTH + 24;

export type NodeKind = 'canonical' | 'device' | 'id' | 'outside' | 'more';

export interface PlacedNode {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  /** Centre of the node. */
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: 'link' | 'refused';
  /** The event's number (as the table shows it) and the link kind (device-link, identify …) or failure code. */
  readonly label: string;
  readonly eventIndex: number;
  /** Where the label is drawn (flow coordinates), clear of every id and every other label. */
  readonly labelBox: LabelBox;
}

export interface Neighbourhood {
  readonly canonical: string;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** Ids of the cluster not drawn. */
  readonly hidden: number;
  /** The drawing's bounds, for exports. */
  readonly bounds: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

export const MORE_NODE = '+more';

export function neighbourhoodOf(detail: IdentityDetail, cap = GRAPH_CAP): Neighbourhood {
  const members = detail.cluster?.members ?? [{ id: detail.canonical, isDevice: false }];
  const inside = new Set(members.map((m) => m.id));
  const outside = [...new Set(detail.failures.flatMap((f) => [f.from, f.to]))].filter(
    (id): id is string => id !== undefined && !inside.has(id),
  );
  const room = Math.max(1, cap - Math.min(outside.length, Math.floor(cap / 4)) - 1);
  const drawn = members.slice(0, room);
  const hidden = detail.memberCount - drawn.length;
  const kinds: Array<{ id: string; kind: NodeKind }> = [
    ...drawn.map((m) => ({ id: m.id, kind: kindOf(m.id, m.isDevice, detail.canonical) })),
    ...(hidden > 0 ? [{ id: MORE_NODE, kind: 'more' as const }] : []),
  ];
  const inner = placeInRings(kinds, hidden);
  const nodes = [...inner, ...placeOutside(outside.slice(0, cap - inner.length), inner, detail)];
  const shown = new Set(nodes.map((n) => n.id));
  const edges = withLabels(edgesOf(detail, shown), nodes);
  return {
    canonical: detail.canonical,
    nodes,
    edges,
    hidden,
    bounds: boundsOf(nodes, edges),
  };
}

/**
 * Ids outside the cluster go on a ring of their own beyond the cluster's, in the direction of the member that
 * reached for them, so a refused link points away from the cluster instead of across it. Each takes the free spot
 * nearest that direction (no id box over another, #17), a ring further out when its own ring is full.
 */
function placeOutside(
  ids: readonly string[],
  inner: readonly PlacedNode[],
  detail: IdentityDetail,
): PlacedNode[] {
  const at = new Map(inner.map((node) => [node.id, node]));
  const radius = Math.max(0, ...inner.map((node) => Math.hypot(node.x / 1.6, node.y))) + RING_GAP;
  const taken = inner.map(nodeBox);
  return ids.map((id, index) => {
    const attempt = detail.failures.find((f) => f.from === id || f.to === id);
    const anchor = at.get((attempt?.from === id ? attempt.to : attempt?.from) ?? '') ?? inner[0];
    const ax = (anchor?.x ?? 0) / 1.6;
    const ay = anchor?.y ?? 0;
    const base = ax === 0 && ay === 0 ? (2 * Math.PI * index) / Math.max(6, ids.length) : Math.atan2(ay, ax);
    const point = freeSpot(base, radius, taken);
    taken.push(nodeBox(point));
    return { id, label: id, kind: 'outside' as const, ...point };
  });
}

/** Angle step of the search for a free spot (radians); fine enough to find room between two ids. */
const SEARCH_STEP = 0.04;
/** Room kept between two id boxes. */
const NODE_GAP = 12;

/** The free point nearest `angle` on the ring of `radius`, else on the next ring out. */
function freeSpot(angle: number, radius: number, taken: readonly Box[]): { x: number; y: number } {
  for (let ring = radius; ; ring += RING_GAP) {
    for (let k = 0; k * SEARCH_STEP <= 2 * Math.PI; k++) {
      const turn = Math.ceil(k / 2) * (k % 2 === 1 ? 1 : -1) * SEARCH_STEP;
      const point = pointAt(angle + turn, ring);
      const box = nodeBox(point);
      if (!taken.some((other) => intersects(box, other, NODE_GAP))) return point;
    }
  }
}

/** A point on the layout's ellipse of `radius` (rings are wider than tall, because the nodes are). */
function pointAt(angle: number, radius: number): { x: number; y: number } {
  // `|| 0` turns -0 into 0, so the centre is (0, 0) however it was reached.
  return { x: Math.round(Math.cos(angle) * radius * 1.6) || 0, y: Math.round(Math.sin(angle) * radius) || 0 };
}

function kindOf(id: string, isDevice: boolean, canonical: string): NodeKind {
  if (id === canonical) return 'canonical';
  return isDevice ? 'device' : 'id';
}

/** The first node at the centre, the rest on rings around it, each ring as full as its circumference allows. */
function placeInRings(kinds: ReadonlyArray<{ id: string; kind: NodeKind }>, hidden: number): PlacedNode[] {
  const placed: PlacedNode[] = [];
  let next = 0;
  ringSizes(kinds.length).forEach((size, ring) => {
    for (let slot = 0; slot < size; slot++, next++) {
      const node = kinds[next];
      if (node === undefined) return;
      const angle = (2 * Math.PI * slot) / size - Math.PI / 2;
      placed.push({
        id: node.id,
        label: node.kind === 'more' ? `+${hidden} more` : node.id,
        kind: node.kind,
        ...pointAt(angle, ring * RING_GAP),
      });
    }
  });
  return placed;
}

/** How many nodes each ring holds: one in the centre, then rings that grow with their circumference. */
function ringSizes(count: number): number[] {
  const sizes = [Math.min(1, count)];
  for (let ring = 1, left = count - 1; left > 0; ring++) {
    const capacity = Math.max(6, Math.floor((2 * Math.PI * ring * RING_GAP * 1.3) / NODE_SPACING));
    sizes.push(Math.min(capacity, left));
    left -= capacity;
  }
  return sizes;
}

/** The box an id is drawn in. */
export function nodeBox(node: Pick<PlacedNode, 'x' | 'y'>): Box {
  return { x: node.x - NODE_WIDTH / 2, y: node.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
}

function withLabels(
  edges: readonly Omit<PlacedEdge, 'labelBox'>[],
  nodes: readonly PlacedNode[],
): PlacedEdge[] {
  const at = new Map(nodes.map((node) => [node.id, node]));
  return placeEdgeLabels(
    edges,
    (edge) => ({
      from: at.get(edge.from) ?? { x: 0, y: 0 },
      to: at.get(edge.to) ?? { x: 0, y: 0 },
      text: edge.label,
    }),
    nodes.map(nodeBox),
  );
}

function edgesOf(detail: IdentityDetail, shown: ReadonlySet<string>): Omit<PlacedEdge, 'labelBox'>[] {
  const links = detail.links
    .filter((link) => shown.has(link.from) && shown.has(link.to))
    .map((link) => ({
      id: `link-${link.eventIndex}`,
      from: link.from,
      to: link.to,
      kind: 'link' as const,
      label: `${eventNumber(link.eventIndex)} ${link.kind}`,
      eventIndex: link.eventIndex,
    }));
  const refused = detail.failures
    .filter((f) => f.from !== undefined && f.to !== undefined && shown.has(f.from) && shown.has(f.to))
    .map((f) => ({
      id: `refused-${f.eventIndex}`,
      from: f.from ?? '',
      to: f.to ?? '',
      kind: 'refused' as const,
      label: `${eventNumber(f.eventIndex)} ${f.failure.code}`,
      eventIndex: f.eventIndex,
    }));
  return [...links, ...refused];
}

/** Everything drawn, ids and labels, with a margin: what the exports show. */
function boundsOf(nodes: readonly PlacedNode[], edges: readonly PlacedEdge[]): Neighbourhood['bounds'] {
  const boxes = [...nodes.map(nodeBox), ...edges.map((edge) => edge.labelBox)];
  const margin = 24;
  const x = Math.min(0, ...boxes.map((b) => b.x)) - margin;
  const y = Math.min(0, ...boxes.map((b) => b.y)) - margin;
  const width = Math.max(0, ...boxes.map((b) => b.x + b.width)) + margin - x;
  const height = Math.max(0, ...boxes.map((b) => b.y + b.height)) + margin - y;
  return { x, y, width, height };
}
