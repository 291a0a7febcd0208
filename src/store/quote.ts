// Values from outside the app (the URL, browser storage) quoted for a notice: always text, always short. React
// renders notices as text, so markup stays inert; the cut keeps a megabyte-long parameter from flooding the page.

/** The most characters of an outside value a notice repeats. */
export const MAX_QUOTED = 60;

/**
 * `value` in double quotes with control characters and quotes escaped (JSON's escapes), cut to MAX_QUOTED
 * characters with its full length named, so the user can still tell which value was ignored.
 */
export function quoteInput(value: string): string {
  if (value.length <= MAX_QUOTED) return JSON.stringify(value);
  let head = value.slice(0, MAX_QUOTED);
  // Do not end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${JSON.stringify(`${head}…`)} (${value.length.toLocaleString('en')} characters)`;
}
