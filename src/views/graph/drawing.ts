// The boxes a set of flow elements draws, in flow coordinates, for drawingProblems (geometry.ts).
import type { Drawing } from '../shared/geometry.ts';
import type { FlowElements, GraphNode } from './flowTypes.ts';
import { labelSize } from './labelPlacement.ts';
import { GROUP_PAD, NODE_HEIGHT, NODE_WIDTH } from './layout.ts';

function corner(nodes: readonly GraphNode[], node: GraphNode) {
  const parent = nodes.find((candidate) => candidate.id === node.parentId);
  return parent === undefined
    ? node.position
    : { x: parent.position.x + node.position.x, y: parent.position.y + node.position.y };
}

/** Ids and summaries (with their cluster), shown edge labels at their placed centres, and cluster boxes. */
export function drawingOf({ nodes, edges }: FlowElements): Drawing {
  return {
    nodes: nodes
      .filter((node) => node.type !== 'cluster')
      .map((node) => ({
        name: node.id,
        box: { ...corner(nodes, node), width: NODE_WIDTH, height: NODE_HEIGHT },
        ...(node.parentId === undefined ? {} : { cluster: node.parentId }),
      })),
    labels: edges.flatMap((edge) => {
      const data = edge.data;
      if (!data?.showLabel || data.labelAt === undefined) return [];
      const size = labelSize(data);
      const box = { x: data.labelAt.x - size.width / 2, y: data.labelAt.y - size.height / 2, ...size };
      return [{ name: edge.id, box }];
    }),
    clusters: nodes
      .filter((node) => node.type === 'cluster')
      .map((node) => {
        const box = { ...node.position, width: node.width ?? 0, height: node.height ?? 0 };
        return { name: node.id, box, title: { ...node.position, width: box.width, height: GROUP_PAD.top } };
      }),
  };
}
