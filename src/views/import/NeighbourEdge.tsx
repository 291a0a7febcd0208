// An edge of the neighbourhood graph: a straight line between two ids, its label ("#N kind" or "#N code") drawn at
// the spot the layout chose, clear of every id and every other label (neighbourhoodLabels.ts), at its exact size.
import { BaseEdge, EdgeLabelRenderer, getStraightPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { LabelBox } from './neighbourhoodLabels.ts';

export type NeighbourEdgeData = {
  label: string;
  labelBox: LabelBox;
  eventIndex: number;
};

export function NeighbourEdge(props: EdgeProps<Edge<NeighbourEdgeData>>) {
  const { id, sourceX, sourceY, targetX, targetY, data } = props;
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  const box = data?.labelBox;
  return (
    <>
      <BaseEdge id={id} path={path} />
      {data === undefined || box === undefined ? null : (
        <EdgeLabelRenderer>
          <div
            className="neighbourhood-edge__label"
            data-testid="neighbourhood.edgeLabel"
            style={{
              width: box.width,
              height: box.height,
              transform: `translate(${box.x}px, ${box.y}px)`,
            }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
