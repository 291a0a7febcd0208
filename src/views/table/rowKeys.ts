// Pure: where arrow, Page and Ctrl+Home/End keys move the focused row, clamped to the rows there are.

const PAGE_ROWS = 10;

/**
 * The row index a navigation key moves to, or undefined when the key does not navigate. Plain Home and End are
 * left to the timeline (they step to the first and last step from anywhere), so rows take Ctrl+Home / Ctrl+End.
 */
export function nextRowIndex(
  key: string,
  withCtrl: boolean,
  current: number,
  count: number,
): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const clamp = (index: number) => Math.min(Math.max(index, 0), last);
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + PAGE_ROWS);
    case 'PageUp':
      return clamp(current - PAGE_ROWS);
    case 'Home':
      return withCtrl ? 0 : undefined;
    case 'End':
      return withCtrl ? last : undefined;
    default:
      return undefined;
  }
}
