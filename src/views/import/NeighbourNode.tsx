// A node of the neighbourhood graph: an id, coloured by kind, with its edges meeting at its centre.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { NodeKind } from './neighbourhood.ts';

export type NeighbourData = { label: string; kind: NodeKind; selected: boolean };

export function NeighbourNode({ data }: NodeProps<Node<NeighbourData>>) {
  return (
    <div className="neighbour-node" data-kind={data.kind} data-selected={data.selected} title={data.label}>
      <Handle
        type="target"
        position={Position.Top}
        className="neighbour-node__handle"
        isConnectable={false}
      />
      <span className="neighbour-node__label">{data.label}</span>
      <Handle
        type="source"
        position={Position.Bottom}
        className="neighbour-node__handle"
        isConnectable={false}
      />
    </div>
  );
}
