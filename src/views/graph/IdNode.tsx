// One id: its short label, its kind, and a star when it is its cluster's canonical id.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { shortLabel, type IdFlowNode } from './flowTypes.ts';
import { ID_KIND_TEXT } from './idKind.ts';
import { SideHandles } from './SideHandles.tsx';

/*
 * The node's accessible name is its text, so what is seen is what is heard: a shortened id is heard in full, and
 * the group box around it is put into words.
 */
function IdNodeView({ data }: NodeProps<IdFlowNode>) {
  const shown = shortLabel(data.label, data.isCanonical ? 14 : 16);
  return (
    <>
      <SideHandles />
      <span className="graph-node__label" title={data.id}>
        {data.isCanonical && (
          <span className="graph-node__badge" aria-hidden="true">
            ★{' '}
          </span>
        )}
        {shown === data.label ? (
          shown
        ) : (
          <>
            <span aria-hidden="true">{shown}</span>
            <span className="graph-visually-hidden">{data.label}</span>
          </>
        )}
      </span>{' '}
      <span className="graph-node__kind">
        {data.isCanonical ? `canonical ${ID_KIND_TEXT[data.kind]}` : ID_KIND_TEXT[data.kind]}
      </span>
      {data.note && <span className="graph-visually-hidden">{data.note}</span>}
    </>
  );
}

export const IdNode = memo(IdNodeView);
