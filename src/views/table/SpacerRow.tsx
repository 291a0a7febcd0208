// Stands in for the rows virtualization leaves unrendered, so the scrollbar matches the whole table.
export function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}
