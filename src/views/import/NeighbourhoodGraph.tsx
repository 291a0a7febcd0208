// The selected identity's neighbourhood in React Flow: never the whole graph, at most GRAPH_CAP nodes.
import { ReactFlow, type Edge, type EdgeTypes, type Node, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type KeyboardEvent } from 'react';
import { useActions, useDataset } from '../../store/hooks.ts';
import { useDatasetAnswer } from '../../store/useDatasetAnswer.ts';
import { IDENTITY_CAP } from './IdentityPanel.tsx';
import { MORE_NODE, neighbourhoodOf, NODE_HEIGHT, NODE_WIDTH, type Neighbourhood } from './neighbourhood.ts';
import { NeighbourEdge, type NeighbourEdgeData } from './NeighbourEdge.tsx';
import { NeighbourNode, type NeighbourData } from './NeighbourNode.tsx';
import { useJumpToEvent } from './useJumpToEvent.ts';
import './neighbourhood.css';

// Module-level so React Flow sees the same object on every render (it warns otherwise).
const NODE_TYPES: NodeTypes = { neighbour: NeighbourNode };
const EDGE_TYPES: EdgeTypes = { neighbour: NeighbourEdge };

export function NeighbourhoodGraph() {
  const selectedId = useDataset((d) => d.selectedId);
  const answer = useDatasetAnswer(
    'identity',
    selectedId === null ? null : { id: selectedId, cap: IDENTITY_CAP },
  );
  const detail = selectedId === null ? undefined : answer.value;
  const layout = useMemo(() => (detail === undefined ? undefined : neighbourhoodOf(detail)), [detail]);
  if (layout === undefined)
    return (
      <p className="panel-empty neighbourhood__empty">
        {selectedId === null ? 'Select an identity to draw its neighbourhood.' : `Drawing ${selectedId}…`}
      </p>
    );
  return <NeighbourhoodCanvas layout={layout} selectedId={selectedId} />;
}

function NeighbourhoodCanvas({
  layout,
  selectedId,
}: {
  readonly layout: Neighbourhood;
  readonly selectedId: string | null;
}) {
  const { selectIdentity } = useActions();
  const jump = useJumpToEvent();
  const { nodes, edges } = useMemo(() => toFlow(layout, selectedId), [layout, selectedId]);
  const activate = (id: string) => {
    if (id !== MORE_NODE) selectIdentity(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = (event.target as HTMLElement).closest('[data-id]')?.getAttribute('data-id');
    if (id === null || id === undefined) return;
    event.preventDefault();
    activate(id);
  };
  return (
    <div className="neighbourhood" data-testid="dataset.graph">
      <p className="neighbourhood__caption" role="status">
        {layout.nodes.length} ids around <code>{layout.canonical}</code>
        {layout.hidden > 0 ? `; ${layout.hidden} more not drawn` : ''}. Solid lines are links, dashed ones
        refused.
      </p>
      <div className="neighbourhood__canvas">
        <ReactFlow
          key={layout.canonical}
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          fitView
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, node) => activate(node.id)}
          onEdgeClick={(_, edge) => jump(Number(edge.data?.['eventIndex'] ?? 0))}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  );
}

function toFlow(
  layout: Neighbourhood,
  selectedId: string | null,
): { nodes: Node<NeighbourData>[]; edges: Edge<NeighbourEdgeData>[] } {
  const nodes = layout.nodes.map((node) => ({
    id: node.id,
    type: 'neighbour',
    position: { x: node.x - NODE_WIDTH / 2, y: node.y - NODE_HEIGHT / 2 },
    data: { label: node.label, kind: node.kind, selected: node.id === selectedId },
    ariaLabel: node.kind === 'more' ? node.label : `${node.label} (${node.kind})`,
  }));
  const edges = layout.edges.map((edge) => ({
    id: edge.id,
    source: edge.from,
    target: edge.to,
    type: 'neighbour',
    className: `neighbourhood-edge neighbourhood-edge--${edge.kind}`,
    data: { eventIndex: edge.eventIndex, label: edge.label, labelBox: edge.labelBox },
  }));
  return { nodes, edges };
}
