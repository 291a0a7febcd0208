// Where each neighbourhood edge's label sits: at the edge's middle when that spot is clear of every id box and
// every label placed before it, else the nearest clear spot along the edge, then stepping aside (#17: nothing drawn
// over anything else, the same rule and the same check, shared/geometry.ts, as the scenario graph). The graph, the
// SVG and the PNG exports all draw the labels at these positions.
import { intersects, type Box } from '../shared/geometry.ts';

/** Room kept around a label. */
const MARGIN = 4;
/** Label text is 10 px: a little over Chromium's 5.6 px a character, plus padding; one line high. */
const CHAR_WIDTH = 6.2;
const PADDING = 10;
export const LABEL_HEIGHT = 16;

export interface LabelBox extends Box {
  /** Centre of the label, where its text is anchored. */
  readonly cx: number;
  readonly cy: number;
}

export function labelWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH) + PADDING;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

function* candidates(from: Point, to: Point): Generator<Point> {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  const along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
  for (let k = 0; k < 60; k++) {
    const shift = Math.ceil(k / 2) * (k % 2 === 1 ? 1 : -1) * (LABEL_HEIGHT + MARGIN * 2);
    for (const t of along)
      yield {
        x: from.x + (to.x - from.x) * t + normal.x * shift,
        y: from.y + (to.y - from.y) * t + normal.y * shift,
      };
  }
}

function boxAt(centre: Point, width: number): LabelBox {
  return {
    x: centre.x - width / 2,
    y: centre.y - LABEL_HEIGHT / 2,
    width,
    height: LABEL_HEIGHT,
    cx: centre.x,
    cy: centre.y,
  };
}

/** Where an edge runs and what its label says. */
export interface LabelledLine {
  readonly from: Point;
  readonly to: Point;
  readonly text: string;
}

/**
 * Each edge with its label box, each clear of `obstacles` (the id boxes) and of the others. An edge with no
 * clear spot near it gets one below everything, where nothing can be covered.
 */
export function placeEdgeLabels<E>(
  edges: readonly E[],
  lineOf: (edge: E) => LabelledLine,
  obstacles: readonly Box[],
): (E & { readonly labelBox: LabelBox })[] {
  const placed: LabelBox[] = [];
  return edges.map((item) => {
    const edge = lineOf(item);
    const width = labelWidth(edge.text);
    let chosen: LabelBox | undefined;
    for (const centre of candidates(edge.from, edge.to)) {
      const box = boxAt(centre, width);
      if (obstacles.some((o) => intersects(box, o, MARGIN)) || placed.some((p) => intersects(box, p, MARGIN)))
        continue;
      chosen = box;
      break;
    }
    if (chosen === undefined) {
      const bottom = Math.max(edge.from.y, ...[...obstacles, ...placed].map((b) => b.y + b.height));
      chosen = boxAt({ x: edge.from.x, y: bottom + MARGIN * 2 + LABEL_HEIGHT / 2 }, width);
    }
    placed.push(chosen);
    return { ...item, labelBox: chosen };
  });
}
