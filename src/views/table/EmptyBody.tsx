// The body when there is no row to show: before the first event, or when the filter matches none.
export function EmptyBody({ columnCount, text }: { columnCount: number; text: string }) {
  return (
    <tbody>
      <tr>
        <td colSpan={columnCount} className="empty-row" data-testid="table.empty">
          {text}
        </td>
      </tr>
    </tbody>
  );
}
