// Invariant: an identity value is decoded to exactly what JSON.parse gives for the same, validated, text.
import type { IdentityKey } from './types.ts';

// Identity keys as small numbers, in IDENTITY_KEYS order, so matching returns no string.
/** Not one of the identity keys. */
export const NOT_IDENTITY = -1;
/** `distinct_id`, the first of IDENTITY_KEYS. */
export const DISTINCT_ID = 0;
const DEVICE_ID = 1;
const USER_ID = 2;
const INSERT_ID = 3;
const TIME = 4;
const IDENTIFIED_ID = 5;
const ANON_ID = 6;
const ANON_DISTINCT_ID = 7;
const ALIAS = 8;
const DISTINCT_IDS = 9;

/** Lengths of the key names, by index. */
const KEY_LENGTHS = [11, 10, 8, 10, 4, 14, 8, 17, 5, 13] as const;

/** The length of the identity key numbered `key`, in characters. */
export function identityKeyLength(key: number): number {
  return KEY_LENGTHS[key] ?? 0;
}

/** Which identity key the unescaped key text[from, to) is, if any: a length switch, then one comparison. */
export function identityKeyAt(text: string, from: number, to: number): number {
  switch (to - from) {
    case 4:
      return text.startsWith('time', from) ? TIME : NOT_IDENTITY;
    case 5:
      return text.startsWith('alias', from) ? ALIAS : NOT_IDENTITY;
    case 8:
      return text.startsWith('$user_id', from)
        ? USER_ID
        : text.startsWith('$anon_id', from)
          ? ANON_ID
          : NOT_IDENTITY;
    case 10:
      return text.startsWith('$device_id', from)
        ? DEVICE_ID
        : text.startsWith('$insert_id', from)
          ? INSERT_ID
          : NOT_IDENTITY;
    case 11:
      return text.startsWith('distinct_id', from) ? DISTINCT_ID : NOT_IDENTITY;
    case 13:
      return text.startsWith('$distinct_ids', from) ? DISTINCT_IDS : NOT_IDENTITY;
    case 14:
      return text.startsWith('$identified_id', from) ? IDENTIFIED_ID : NOT_IDENTITY;
    case 17:
      return text.startsWith('$anon_distinct_id', from) ? ANON_DISTINCT_ID : NOT_IDENTITY;
    default:
      return NOT_IDENTITY;
  }
}

/**
 * Which identity key starts at `from`, when a pattern has already matched one of the names exactly there: the
 * fewest characters that tell them apart, instead of finding the key's end and comparing it whole.
 */
export function knownIdentityKeyAt(text: string, from: number): number {
  switch (text.charCodeAt(from)) {
    case 0x64: // d
      return DISTINCT_ID;
    case 0x74: // t
      return TIME;
    case 0x61: // a
      return ALIAS;
    default: // $
      switch (text.charCodeAt(from + 1)) {
        case 0x64: // $d: $device_id or $distinct_ids
          return text.charCodeAt(from + 2) === 0x65 ? DEVICE_ID : DISTINCT_IDS;
        case 0x75: // $u
          return USER_ID;
        case 0x69: // $i: $insert_id or $identified_id
          return text.charCodeAt(from + 2) === 0x6e ? INSERT_ID : IDENTIFIED_ID;
        default: // $a: $anon_id or $anon_distinct_id
          return text.charCodeAt(from + 6) === 0x69 ? ANON_ID : ANON_DISTINCT_ID;
      }
  }
}

/** Stores a decoded value; a literal property name per key keeps every store fast (a computed key would not). */
export function setIdentity(
  identity: Partial<Record<IdentityKey, unknown>>,
  key: number,
  value: unknown,
): void {
  switch (key) {
    case DISTINCT_ID:
      identity.distinct_id = value;
      break;
    case DEVICE_ID:
      identity.$device_id = value;
      break;
    case USER_ID:
      identity.$user_id = value;
      break;
    case INSERT_ID:
      identity.$insert_id = value;
      break;
    case TIME:
      identity.time = value;
      break;
    case IDENTIFIED_ID:
      identity.$identified_id = value;
      break;
    case ANON_ID:
      identity.$anon_id = value;
      break;
    case ANON_DISTINCT_ID:
      identity.$anon_distinct_id = value;
      break;
    case ALIAS:
      identity.alias = value;
      break;
    default:
      identity.$distinct_ids = value;
  }
}

/** The escaped string token text[quote, tokenEnd), decoded by JSON.parse itself so escapes mean exactly the same. */
export function decodeString(text: string, quote: number, tokenEnd: number): string {
  return JSON.parse(text.slice(quote, tokenEnd)) as string;
}

/**
 * What JSON.parse gives for the valid value text[from, to); `plain` says a string token has no escapes. Plain
 * strings are one slice and numbers are read in place; containers and escaped strings, rare among identity
 * values, go through JSON.parse so their decoding is JSON.parse's by construction.
 */
export function decodeValue(text: string, from: number, to: number, plain: boolean): unknown {
  switch (text.charCodeAt(from)) {
    case 0x22: // "
      return plain ? text.slice(from + 1, to - 1) : decodeString(text, from, to);
    case 0x74: // t
      return true;
    case 0x66: // f
      return false;
    case 0x6e: // n
      return null;
    case 0x7b: // {
    case 0x5b: // [
      return JSON.parse(text.slice(from, to)) as unknown;
    default:
      return decodeNumber(text, from, to);
  }
}

/** Integers of up to 15 digits are exact in a double, so they are summed in place; others go through Number. */
function decodeNumber(text: string, from: number, to: number): number {
  const negative = text.charCodeAt(from) === 0x2d;
  let i = negative ? from + 1 : from;
  if (to - i > 15) return Number(text.slice(from, to));
  let value = 0;
  for (; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return Number(text.slice(from, to));
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}
