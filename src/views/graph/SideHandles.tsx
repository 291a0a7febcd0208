// Invisible connection points on all four sides, so each edge can leave and enter on the sides facing each other.
import { Handle, Position } from '@xyflow/react';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

export function SideHandles() {
  return SIDES.map(([side, position]) => [
    <Handle key={`s-${side}`} id={`s-${side}`} type="source" position={position} isConnectable={false} />,
    <Handle key={`t-${side}`} id={`t-${side}`} type="target" position={position} isConnectable={false} />,
  ]);
}
