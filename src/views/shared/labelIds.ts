// Ids inside a sentence, by the same short alias the table and graph use (D1, $device:D1): the engine's failure
// descriptions name ids as they are, and a raw UUID in the Why panel next to "D1" in the table reads as two ids.

const patterns = new WeakMap<ReadonlyMap<string, string>, RegExp | null>();

/** One pattern per alias map: every aliased id, longest first so "$device:abc" wins over "abc". */
function patternOf(aliases: ReadonlyMap<string, string>): RegExp | null {
  const cached = patterns.get(aliases);
  if (cached !== undefined) return cached;
  const ids = [...aliases.keys()].filter((id) => id !== '').sort((a, b) => b.length - a.length);
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // An id counts only as a whole word: not inside a longer id made of the same characters.
  const pattern =
    ids.length === 0 ? null : new RegExp(`(?<![\\w$:-])(?:${escaped.join('|')})(?![\\w-])`, 'g');
  patterns.set(aliases, pattern);
  return pattern;
}

/** `text` with every id the aliases know replaced by its alias. */
export function labelIdsIn(text: string, aliases: ReadonlyMap<string, string>): string {
  const pattern = patternOf(aliases);
  if (pattern === null) return text;
  return text.replace(pattern, (id) => aliases.get(id) ?? id);
}
