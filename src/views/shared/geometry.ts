// Boxes in flow coordinates, and the one check every graph drawing must pass: nothing drawn over anything else,
// and an id inside a cluster's box if and only if it belongs to that cluster (#17). Used by the label placer, the
// unit tests on generated fan-outs and the end-to-end check on the boxes Chromium rendered.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Overlap deeper than this (px) counts: rounding in the browser must not. */
const TOLERANCE = 0.5;

export function intersects(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap - TOLERANCE &&
    b.x < a.x + a.width + gap - TOLERANCE &&
    a.y < b.y + b.height + gap - TOLERANCE &&
    b.y < a.y + a.height + gap - TOLERANCE
  );
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x - TOLERANCE &&
    inner.y >= outer.y - TOLERANCE &&
    inner.x + inner.width <= outer.x + outer.width + TOLERANCE &&
    inner.y + inner.height <= outer.y + outer.height + TOLERANCE
  );
}

/** What a drawing holds: id nodes (with the cluster they belong to, if drawn in one), edge labels, cluster boxes. */
export interface Drawing {
  readonly nodes: readonly { readonly name: string; readonly box: Box; readonly cluster?: string }[];
  readonly labels: readonly { readonly name: string; readonly box: Box }[];
  readonly clusters: readonly { readonly name: string; readonly box: Box; readonly title?: Box }[];
}

/** Every way the drawing breaks the rules, in words; empty when it is readable. */
export function drawingProblems(drawing: Drawing): string[] {
  const problems: string[] = [];
  const { nodes, labels, clusters } = drawing;
  const pairs = <T>(list: readonly T[], each: (a: T, b: T) => void) =>
    list.forEach((a, i) => list.slice(i + 1).forEach((b) => each(a, b)));
  pairs(nodes, (a, b) => {
    if (intersects(a.box, b.box)) problems.push(`node ${a.name} overlaps node ${b.name}`);
  });
  pairs(labels, (a, b) => {
    if (intersects(a.box, b.box)) problems.push(`label ${a.name} overlaps label ${b.name}`);
  });
  for (const label of labels) {
    for (const node of nodes)
      if (intersects(label.box, node.box)) problems.push(`label ${label.name} covers node ${node.name}`);
    for (const cluster of clusters)
      if (cluster.title && intersects(label.box, cluster.title))
        problems.push(`label ${label.name} covers the title of ${cluster.name}`);
  }
  pairs(clusters, (a, b) => {
    if (intersects(a.box, b.box)) problems.push(`cluster ${a.name} overlaps cluster ${b.name}`);
  });
  for (const cluster of clusters) {
    for (const node of nodes) {
      const member = node.cluster === cluster.name;
      if (member && !contains(cluster.box, node.box))
        problems.push(`node ${node.name} is in ${cluster.name} but not inside its box`);
      if (!member && intersects(cluster.box, node.box))
        problems.push(`node ${node.name} is not in ${cluster.name} but touches its box`);
    }
  }
  return problems;
}
