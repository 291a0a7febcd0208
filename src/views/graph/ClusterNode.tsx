// A cluster of ids that resolve to one user: a box behind its members, named by its canonical id and size.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { shortLabel, type ClusterFlowNode } from './flowTypes.ts';

function ClusterNodeView({ data }: NodeProps<ClusterFlowNode>) {
  return (
    <span className="graph-cluster__label" aria-hidden="true">
      <span className="graph-node__badge">★</span> {shortLabel(data.canonicalLabel, 24)} · {data.size} ids
    </span>
  );
}

export const ClusterNode = memo(ClusterNodeView);
