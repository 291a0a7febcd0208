// Where each edge label sits: at its edge's middle when that spot is free, else the nearest free spot along the
// edge or beside it, so no label covers an id, a cluster's title or another label, whatever the fan-out.
import { intersects, type Box } from '../shared/geometry.ts';
import type { GraphEdge, LinkEdgeData } from './flowTypes.ts';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout.ts';

/** Room kept around a label. */
const MARGIN = 4;
/**
 * The label's size, from its text: a little over what Chromium renders for the 11 px text and the 10 px code line
 * of graphEdges.css (measured: 5.8 px a character of text, 6.0 of code, 14 px of padding; 20 and 34.4 px high).
 */
export function labelSize(data: Pick<LinkEdgeData, 'text' | 'rule' | 'code'>): {
  width: number;
  height: number;
} {
  const firstLine = (data.text.length + (data.rule === '' ? 0 : data.rule.length + 1)) * 6.1;
  const codeLine = (data.code?.length ?? 0) * 6.15;
  return { width: Math.ceil(Math.max(firstLine, codeLine)) + 16, height: data.code === undefined ? 21 : 36 };
}

function handlePoint(corner: Point, handle: string | null | undefined): Point {
  const side = handle?.split('-')[1];
  if (side === 'left') return { x: corner.x, y: corner.y + NODE_HEIGHT / 2 };
  if (side === 'right') return { x: corner.x + NODE_WIDTH, y: corner.y + NODE_HEIGHT / 2 };
  if (side === 'top') return { x: corner.x + NODE_WIDTH / 2, y: corner.y };
  return { x: corner.x + NODE_WIDTH / 2, y: corner.y + NODE_HEIGHT };
}

/** Label centres to try for one edge, best first: the middle, then along the edge, then stepping aside. */
function* candidates(from: Point, to: Point, bend: number, height: number): Generator<Point> {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  const along = [0.5, 0.38, 0.62, 0.26, 0.74];
  const step = height + MARGIN * 2;
  for (let k = 0; k < 40; k++) {
    const shift = Math.ceil(k / 2) * (k % 2 === 1 ? 1 : -1) * step;
    for (const t of along)
      yield {
        x: from.x + (to.x - from.x) * t + (normal.x * bend) / 2,
        y: from.y + (to.y - from.y) * t + (normal.y * bend) / 2 + shift,
      };
  }
}

const boxAround = (centre: Point, size: { width: number; height: number }): Box => ({
  x: centre.x - size.width / 2,
  y: centre.y - size.height / 2,
  width: size.width,
  height: size.height,
});

/**
 * Gives every labelled edge a `labelAt` (the label's centre, flow coordinates) that keeps its box clear of
 * `obstacles` (ids, summaries, cluster titles) and of the labels placed before it; new and highlighted labels first.
 */
export function placeLabels(
  edges: readonly GraphEdge[],
  cornerOf: ReadonlyMap<string, Point>,
  obstacles: readonly Box[],
): GraphEdge[] {
  const placed: Box[] = [];
  const order = [...edges.keys()].sort((a, b) => priority(edges[b]) - priority(edges[a]));
  const result = [...edges];
  for (const index of order) {
    const edge = edges[index];
    const data = edge?.data;
    const source = edge && cornerOf.get(edge.source);
    const target = edge && cornerOf.get(edge.target);
    if (!edge || !data?.showLabel || !source || !target) continue;
    const size = labelSize(data);
    const from = handlePoint(source, edge.sourceHandle);
    const to = handlePoint(target, edge.targetHandle);
    let chosen: Box | undefined;
    for (const centre of candidates(from, to, data.bend, size.height)) {
      const box = boxAround(centre, size);
      if (obstacles.some((o) => intersects(box, o, MARGIN)) || placed.some((p) => intersects(box, p, MARGIN)))
        continue;
      chosen = box;
      break;
    }
    chosen ??= belowEverything([...obstacles, ...placed], size, from);
    placed.push(chosen);
    const labelAt = { x: chosen.x + chosen.width / 2, y: chosen.y + chosen.height / 2 };
    result[index] = { ...edge, data: { ...data, labelAt } };
  }
  return result;
}

function priority(edge: GraphEdge | undefined): number {
  const data = edge?.data;
  if (!data) return 0;
  return (data.highlighted ? 4 : 0) + (data.isNew ? 2 : 0) + (data.status === 'failed' ? 1 : 0);
}

/** The last resort: under everything drawn, where nothing can be covered. */
function belowEverything(boxes: readonly Box[], size: { width: number; height: number }, near: Point): Box {
  const bottom = Math.max(near.y, ...boxes.map((box) => box.y + box.height));
  return { x: near.x - size.width / 2, y: bottom + MARGIN * 2, width: size.width, height: size.height };
}
