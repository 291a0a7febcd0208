// The ids of a large cluster that are not drawn, as one node that draws more of them when activated.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SummaryFlowNode } from './flowTypes.ts';
import { SideHandles } from './SideHandles.tsx';

function SummaryNodeView({ data }: NodeProps<SummaryFlowNode>) {
  return (
    <>
      <SideHandles />
      <span className="graph-summary__text">{data.text}</span>
      <span className="graph-visually-hidden">{data.note}</span>
      <span className="graph-node__kind">{data.hint}</span>
    </>
  );
}

export const SummaryNode = memo(SummaryNodeView);
