// A link, merge or refused attempt: a curve between two ids with the event number and rule on a label.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { classNames, type GraphEdge } from './flowTypes.ts';

function LinkEdgeView(props: EdgeProps<GraphEdge>) {
  const { id, data, markerEnd } = props;
  const [path, midX, midY] = data?.bend ? bowedPath(props, data.bend) : getBezierPath(props);
  const labelX = data?.labelAt?.x ?? midX;
  const labelY = data?.labelAt?.y ?? midY;
  const labelClass = classNames(`graph-edge-label graph-edge-label--${data?.status ?? 'link'}`, {
    'is-new': data?.isNew ?? false,
    'is-highlighted': data?.highlighted ?? false,
  });
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd === undefined ? {} : { markerEnd })} />
      {data?.showLabel && (
        <EdgeLabelRenderer>
          {/* The edge itself carries the accessible name; the label repeats it for the eye only. */}
          <div
            className={labelClass}
            data-testid={data.labelTestId}
            aria-hidden="true"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {data.text}
            {data.rule && <span className="graph-edge-label__rule">{data.rule}</span>}
            {data.code !== undefined && <span className="graph-edge-label__code">{data.code}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** A quadratic curve bowing `bend` px to one side of the straight line; the label sits at its middle. */
function bowedPath(props: EdgeProps<GraphEdge>, bend: number): [string, number, number] {
  const { sourceX, sourceY, targetX, targetY } = props;
  const length = Math.hypot(targetX - sourceX, targetY - sourceY) || 1;
  // Measured from the lower node id to the higher, so opposite directions bow to the same side.
  const side = props.source < props.target ? 1 : -1;
  const normalX = (-(targetY - sourceY) / length) * side;
  const normalY = ((targetX - sourceX) / length) * side;
  const controlX = (sourceX + targetX) / 2 + normalX * bend;
  const controlY = (sourceY + targetY) / 2 + normalY * bend;
  const path = `M ${sourceX},${sourceY} Q ${controlX},${controlY} ${targetX},${targetY}`;
  return [path, (sourceX + 2 * controlX + targetX) / 4, (sourceY + 2 * controlY + targetY) / 4];
}

export const LinkEdge = memo(LinkEdgeView);
