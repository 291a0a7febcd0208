// Where invalid JSON goes wrong: the scanner's exact validator, asked for the offset of the first fault.
import { FAILED, failure, skipValue, skipWs } from './lexer.ts';

/**
 * The offset in `text` of the first character that makes it invalid JSON (as JSON.parse judges), or undefined
 * when it is valid. Iterative, so any depth is fine.
 */
export function jsonFaultOffset(text: string): number | undefined {
  const start = skipWs(text, 0, text.length);
  const end = skipValue(text, start, text.length);
  if (end === FAILED) return failure.pos;
  const rest = skipWs(text, end, text.length);
  return rest < text.length ? rest : undefined;
}
