// How the comparison's numbers are worded, the same in the terminal and in the app.

/** The difference from `base` in percent, e.g. "+12.5%"; "=" when equal, "new" from nothing. */
export function percentChange(value: number, base: number): string {
  if (value === base) return '=';
  if (base === 0) return 'new';
  const change = ((value - base) / base) * 100;
  return `${change > 0 ? '+' : ''}${Number(change.toFixed(1))}%`;
}

/** A share as a percentage, e.g. "42.9%"; "–" when there is nothing to share. */
export function share(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Number(((part / whole) * 100).toFixed(1))}%`;
}
