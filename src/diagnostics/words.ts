// Small wording helpers so every explanation counts and quotes ids the same way.

/** "1 event", "3 events". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}

/** `"a", "b" and 4 more`, quoting at most `max` ids. */
export function quoteSome(ids: readonly string[], total = ids.length, max = 3): string {
  const shown = ids.slice(0, max).map((id) => JSON.stringify(id));
  const rest = total - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest.toLocaleString('en-US')} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

/** Joins sentences, dropping empty ones. */
export function sentences(...parts: ReadonlyArray<string | false | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' ');
}

/** The verb form that agrees with `count`: agree(1, 'holds', 'hold') is "holds". */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
