// Ids inside a sentence, by the same short alias the table and graph use (D1, $device:D1): the engine's failure
// descriptions name ids as they are, and a raw UUID in the Why panel next to "D1" in the table reads as two ids.

const patterns = new WeakMap<ReadonlyMap<string, string>, RegExp | null>();
/** Sentences already labelled, per alias map: the pattern tries every alias at every position (~0.5 ms for a
 * 500-device scenario's failure sentence), and the Why panel shows the same sentence again at every step. */
const labelled = new WeakMap<ReadonlyMap<string, string>, Map<string, string>>();
/** Enough for every sentence of a scenario; past it the cache starts again rather than grow without bound. */
const MAX_LABELLED = 500;

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
  let known = labelled.get(aliases);
  if (known === undefined || known.size >= MAX_LABELLED)
    labelled.set(aliases, (known = new Map<string, string>()));
  let result = known.get(text);
  if (result === undefined) {
    result = text.replace(pattern, (id) => aliases.get(id) ?? id);
    known.set(text, result);
  }
  return result;
}
