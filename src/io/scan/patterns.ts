// Invariant: each pattern matches only valid JSON of the kind it names and captures nothing (test() allocates nothing).
import { IDENTITY_KEYS } from './types.ts';

// Why regular expressions, against the usual advice for scanners: in V8 a charCodeAt loop costs about as much
// per character as JSON.parse itself, while irregexp compiles these patterns to native loops several times
// faster. They are sticky (anchored at lastIndex) and used only as fast paths: when one does not match, the
// exact character-by-character code decides, so validity and error messages never depend on them.

const WS = '[ \\t\\n\\r]*';
/** A string character that needs no escape: not '"', not '\', not a control character (U+0000-U+001F). */
const PLAIN_CHAR = '[\\x20\\x21\\x23-\\x5b\\x5d-\\uffff]';
const ESCAPE = '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})';
const PLAIN_STRING = `"${PLAIN_CHAR}*"`;
// Unrolled ("normal* (special normal*)*"), so matching never backtracks inside a string.
const STRING = `"${PLAIN_CHAR}*(?:${ESCAPE}${PLAIN_CHAR}*)*"`;
// The lookahead refuses a valid prefix of a bad number ("0" of "01", "1" of "1."), so that the exact code
// reports the bad number itself rather than the character after the prefix.
const NUMBER = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![0-9.eE+-])';
const SCALAR = `(?:${STRING}|${NUMBER}|true|false|null)`;

/**
 * A value with containers nested at most `depth` deep. Each container holds its element pattern once (after
 * each element: a comma not followed by the closer, so no trailing comma, or a look at the closer), yet arrays
 * and objects both hold the level below, so the pattern doubles per level and the depth is kept small (past
 * about 20 KB of pattern source V8 stops optimizing a regular expression). Elements never start with
 * whitespace, so whitespace runs cannot be split two ways and a failing match backtracks little.
 */
function valuePattern(depth: number): string {
  if (depth === 0) return SCALAR;
  const inner = valuePattern(depth - 1);
  const array = `\\[${WS}(?:${inner}${WS}(?:,${WS}(?!\\])|(?=\\])))*\\]`;
  const object = `\\{${WS}(?:${STRING}${WS}:${WS}${inner}${WS}(?:,${WS}(?!\\})|(?=\\})))*\\}`;
  return `(?:${SCALAR}|${array}|${object})`;
}

/** How deep a value may nest and still be skipped by one native match (Mixpanel properties rarely go deeper). */
const FAST_VALUE_DEPTH = 4;
const VALUE = valuePattern(FAST_VALUE_DEPTH);

function escapeRegExp(text: string): string {
  return text.replace(/[$^\\.*+?()[\]{}|]/g, '\\$&');
}

const IDENTITY_KEY = `"(?:${IDENTITY_KEYS.map(escapeRegExp).join('|')})"`;

/**
 * One member of "properties" with an identity key and a plain value (a string without escapes, a number, a
 * literal), then a comma (not one before the '}') or the closing '}' (not consumed): the common identity member,
 * validated in one match so that the scanner only has to decode it.
 */
export const IDENTITY_MEMBER_RE = new RegExp(
  `${IDENTITY_KEY}${WS}:${WS}(?:${PLAIN_STRING}|${NUMBER}|true|false|null)${WS}(?:,${WS}(?!\\})|(?=\\}))`,
  'y',
);

/** The usual start of an event line, compact: `{"event":"<a name without escapes>","properties":{`. */
export const EVENT_PREFIX_RE = new RegExp(`\\{"event":${PLAIN_STRING},"properties":\\{`, 'y');

/** A string without escapes. */
export const PLAIN_STRING_RE = new RegExp(PLAIN_STRING, 'y');

/** Any JSON value nested at most FAST_VALUE_DEPTH deep. */
export const VALUE_RE = new RegExp(VALUE, 'y');

/**
 * A run of members of "properties": keys without escapes that are not identity keys, values nested at most
 * FAST_VALUE_DEPTH deep, each followed by a comma (not one before the '}') or by the closing '}' (not
 * consumed). The scanner itself handles what stops the run: an identity key (whose value it decodes), an
 * escaped key (which might be one), a deeper value, an error.
 */
export const PROPERTY_RUN_RE = new RegExp(
  `(?:(?!${IDENTITY_KEY})${PLAIN_STRING}${WS}:${WS}${VALUE}${WS}(?:,${WS}(?!\\})|(?=\\})))*`,
  'y',
);
