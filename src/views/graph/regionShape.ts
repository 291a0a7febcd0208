// The shape of one cluster's region: its canonical id on the left, and each link further out one column to the right.
import type { Point } from './layout.ts';

export const NODE_WIDTH = 144;
export const NODE_HEIGHT = 44;
/** Room around a group's members: the top holds the group's label. */
export const GROUP_PAD = { x: 14, top: 32, bottom: 14 } as const;
const NO_PAD = { x: 0, top: 0, bottom: 0 } as const;
/** Between two layers, where the labels of the edges joining them sit. */
const LAYER_GAP = 140;
/** Between the columns a crowded layer wraps into. */
const COLUMN_GAP = 28;
const ROW_GAP = 18;

export interface RegionShape {
  readonly width: number;
  readonly height: number;
  /** Slot 0 is the hub, then one slot per entry of `depths`. Relative to the region's corner. */
  readonly slots: readonly Point[];
}

/**
 * `depths`: how many links away from the hub each other slot is (the summary counts as 1), in slot order.
 * Ids at one depth form a layer; links join neighbouring layers, so every edge label has a gap to sit in.
 */
export function regionShape(depths: readonly number[]): RegionShape {
  // An id alone at the end is never grouped, so it needs no room for a group box.
  const pad = depths.length === 0 ? NO_PAD : GROUP_PAD;
  const layers = layersOf(depths).map(layerGrid);
  const contentHeight = Math.max(NODE_HEIGHT, ...layers.map((layer) => layer.height));
  const slots: Point[] = [{ x: pad.x, y: pad.top + (contentHeight - NODE_HEIGHT) / 2 }];
  let x = pad.x + NODE_WIDTH;
  for (const layer of layers) {
    x += LAYER_GAP;
    layer.slots.forEach((slot, k) => {
      slots[slot] = cellOf(layer, k, { x, y: pad.top }, contentHeight);
    });
    x += layer.columns * NODE_WIDTH + (layer.columns - 1) * COLUMN_GAP;
  }
  return { width: x + pad.x, height: pad.top + contentHeight + pad.bottom, slots };
}

interface LayerGrid {
  /** Slot numbers in this layer, in order. */
  readonly slots: readonly number[];
  readonly rows: number;
  readonly columns: number;
  readonly height: number;
}

/** Slot numbers (1-based: 0 is the hub) grouped by depth, nearest layer first. */
function layersOf(depths: readonly number[]): number[][] {
  const byDepth = new Map<number, number[]>();
  depths.forEach((depth, i) => byDepth.set(depth, [...(byDepth.get(depth) ?? []), i + 1]));
  return [...byDepth].sort(([a], [b]) => a - b).map(([, slots]) => slots);
}

/** Up to four ids stack in one column; more wrap into a roughly square grid. */
function layerGrid(slots: readonly number[]): LayerGrid {
  const rows = slots.length <= 4 ? slots.length : Math.ceil(Math.sqrt(slots.length));
  const columns = Math.ceil(slots.length / rows);
  return { slots, rows, columns, height: rows * NODE_HEIGHT + (rows - 1) * ROW_GAP };
}

/** The k-th cell of a layer, filling columns top to bottom; every column is centred on the region's middle. */
function cellOf(layer: LayerGrid, k: number, corner: Point, contentHeight: number): Point {
  const column = Math.floor(k / layer.rows);
  const inColumn = Math.min(layer.rows, layer.slots.length - column * layer.rows);
  const columnHeight = inColumn * NODE_HEIGHT + (inColumn - 1) * ROW_GAP;
  return {
    x: corner.x + column * (NODE_WIDTH + COLUMN_GAP),
    y: corner.y + (contentHeight - columnHeight) / 2 + (k % layer.rows) * (NODE_HEIGHT + ROW_GAP),
  };
}
