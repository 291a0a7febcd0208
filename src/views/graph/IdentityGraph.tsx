// The identity graph: ids as nodes, clusters as groups, links, merges and refusals as edges, placed once per scenario.
import { Controls, ReactFlow, type AriaLabelConfig, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, type KeyboardEvent } from 'react';
import type { Selection } from '../../store/appStore.ts';
import type { StepModel } from '../../store/derive.ts';
import type { Highlight } from '../../store/highlight.ts';
import { useActions, useAppState, useEventLabel, useHighlight, useStepModel } from '../../store/hooks.ts';
import { measureGraphStepAfterPaint } from '../shared/stepTiming.ts';
import { ClusterNode } from './ClusterNode.tsx';
import { FitOnChange, INITIAL_FIT } from './FitOnChange.tsx';
import { GraphLegend } from './GraphLegend.tsx';
import type { GraphNode } from './flowTypes.ts';
import { graphFrame, graphInput } from './graphModel.ts';
import { IdNode } from './IdNode.tsx';
import './IdentityGraph.css';
import './graphEdges.css';
import { LinkEdge } from './LinkEdge.tsx';
import { SummaryNode } from './SummaryNode.tsx';
import { toFlowElements } from './toFlowElements.ts';
import { useExpansion } from './useExpansion.ts';
import { sameData } from '../shared/sameData.ts';
import { useKeptUnchanged } from '../shared/useKeptUnchanged.ts';

// Module-level so React Flow sees the same objects on every render (it warns otherwise).
const NODE_TYPES: NodeTypes = { id: IdNode, cluster: ClusterNode, summary: SummaryNode };
const EDGE_TYPES: EdgeTypes = { link: LinkEdge };
/** React Flow's default descriptions offer to delete and move nodes, which this graph does not allow. */
const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default':
    'Press Enter to see why this id resolves as it does; on a "more ids" node, to draw more of the cluster.',
  'edge.a11yDescription.default': 'A link, merge or refused link, named by the event that made it.',
};

/** What the graph draws from the store. */
interface GraphSources {
  readonly model: StepModel;
  readonly selection: Selection | null;
  readonly highlight: Highlight;
  readonly eventLabel: ReturnType<typeof useEventLabel>;
}

/**
 * The graph draws each step just after the table, timeline and story show it: its sources are a deferred value, so
 * React renders it in a render of its own, in slices, after the key press's task has painted the rest. A step's
 * task stays short (the graph was half of it, 40 ms and more when a step adds hundreds of ids), and in a burst of
 * steps React skips the graph's renders a newer step has made stale.
 */
export function IdentityGraph() {
  const model = useStepModel();
  const selection = useAppState((state) => state.selection);
  const highlight = useHighlight();
  const eventLabel = useEventLabel();
  const sources = useMemo(
    () => ({ model, selection, highlight, eventLabel }),
    [model, selection, highlight, eventLabel],
  );
  return <GraphCanvas sources={useDeferredValue(sources)} />;
}

const GraphCanvas = memo(function GraphCanvas({ sources }: { sources: GraphSources }) {
  const { model, selection, highlight, eventLabel } = sources;
  const { select } = useActions();
  const [expansion, expand] = useExpansion(model.resolution);
  const frame = useMemo(
    () => graphFrame(model.resolution, model.played, expansion, model.view),
    [model.resolution, model.played, expansion, model.view],
  );
  const drawn = useMemo(
    () => toFlowElements(graphInput(model, frame, selection, highlight.ids, eventLabel)),
    [model, frame, selection, highlight, eventLabel],
  );
  // A step changes a few elements; the rest stay the objects React Flow already holds, so it redraws only those.
  const nodes = useKeptUnchanged(drawn.nodes, sameData);
  const edges = useKeptUnchanged(drawn.edges, sameData);
  // Nodes move when clusters form, so a move refits the view as a new node does.
  const signature = useMemo(
    () => nodes.map((node) => `${node.id}@${node.position.x},${node.position.y}`).join('\n'),
    [nodes],
  );

  // What a node stands for comes from its typed data: an id node selects its id, a summary expands its region.
  const activate = useCallback(
    (node: GraphNode | undefined) => {
      if (node?.type === 'id') select({ kind: 'id', id: node.data.id });
      else if (node?.type === 'summary') expand(node.data.regionKey);
    },
    [select, expand],
  );
  const nodeByFlowId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  const onNodeClick = useCallback((_: unknown, node: GraphNode) => activate(node), [activate]);
  // Once the step is drawn, its next painted frame is the one where the graph shows it.
  useEffect(() => measureGraphStepAfterPaint(), [model.cursor]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const flowNodeId = nodeIdOf(event.target);
      if (flowNodeId === undefined) return;
      event.preventDefault();
      activate(nodeByFlowId.get(flowNodeId));
    },
    [activate, nodeByFlowId],
  );

  return (
    // data-step: the step the graph shows, which follows the others' just after (a deferred render).
    <div className="identity-graph" data-testid="graph" data-step={model.cursor}>
      <GraphLegend />
      {frame.layout.omittedClusters > 0 && (
        <p className="identity-graph__notice" role="status">
          Drawing the clusters seen first; {frame.layout.omittedClusters} more are left out to keep the graph
          fast.
        </p>
      )}
      <div className="identity-graph__canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodeClick={onNodeClick}
          onKeyDown={onKeyDown}
          elementsSelectable={false}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          panActivationKeyCode={null}
          minZoom={0.1}
          maxZoom={2}
          fitView
          fitViewOptions={INITIAL_FIT}
          attributionPosition="bottom-left"
          ariaLabelConfig={ARIA_LABELS}
          aria-label="Identity graph: ids, clusters and links"
        >
          <Controls showInteractive={false} position="bottom-right" aria-label="Graph zoom" />
          <FitOnChange signature={signature} />
        </ReactFlow>
        {nodes.length === 0 && (
          <p className="identity-graph__empty">No ids yet: step forward to send the first event.</p>
        )}
      </div>
    </div>
  );
});

/** The React Flow node a key event came from, if any. */
function nodeIdOf(target: EventTarget): string | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest('.react-flow__node')?.getAttribute('data-id') ?? undefined;
}
