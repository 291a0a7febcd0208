// A scenario in a link: `?play=<payload>`, the payload being lz-string's compressToEncodedURIComponent of the
// scenario JSON. Links outlive format changes: a payload may carry a format version (`"$link": N` in the JSON; a
// payload without one is version 1, the bare scenario), and the decoder of every past version is kept here.
import LZString from 'lz-string';
import type { Scenario } from './types.ts';
import { parseScenario } from './validate.ts';

/** The version new links are written in. Version 1: the bare scenario JSON, no version field. */
export const CURRENT_LINK_VERSION = 1;
/** The JSON field that names a payload's version (not a scenario field, so a bare scenario never has it). */
export const LINK_VERSION_FIELD = '$link';
/**
 * The longest payload a link carries. Browsers accept far longer URLs, but chat tools, mail clients and servers cut
 * or refuse them beyond a few kB; past this the app offers the scenario as a file instead.
 */
export const MAX_LINK_PAYLOAD = 8_000;

/**
 * The longest payload a link is read from: twice what the app writes. lz-string can expand n characters into about
 * n² / 20 (15 000 characters decompress to 30 million in 0.14 s), so a bound on the input bounds time and memory.
 */
export const MAX_READ_PAYLOAD = 2 * MAX_LINK_PAYLOAD;

/** Each past format's decoder: payload JSON → scenario JSON in today's format (validated afterwards). */
const DECODERS: Readonly<Record<number, (json: unknown) => unknown>> = {
  1: (json) => json,
};

/** A shared link read back: the scenario and the link format's version, or why it could not be read. */
export type DecodedLink =
  | { readonly ok: true; readonly scenario: Scenario; readonly version: number }
  | { readonly ok: false; readonly reason: string };

/** The payload of a link to `scenario` (today's version). */
export function encodeScenarioLink(scenario: Scenario): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(scenario));
}

/** Whether a payload is short enough to share as a link. */
export function fitsInLink(payload: string): boolean {
  return payload.length <= MAX_LINK_PAYLOAD;
}

/** Reads a payload of any version; says in words what is wrong with a broken one. Never throws. */
export function decodeScenarioLink(payload: string): DecodedLink {
  if (payload.length > MAX_READ_PAYLOAD)
    return {
      ok: false,
      reason: `the link’s scenario is ${payload.length.toLocaleString('en')} characters long, over the ${MAX_READ_PAYLOAD.toLocaleString('en')} a link may carry.`,
    };
  const text = decompress(payload);
  if (!text)
    return { ok: false, reason: 'the link’s scenario is cut short or garbled (it does not decompress).' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the link’s scenario is not valid JSON.' };
  }
  const version = versionOf(json);
  const decode = DECODERS[version];
  if (decode === undefined)
    return {
      ok: false,
      reason: `the link was made by a newer ID Merge Lab (link format ${version}; this one reads 1 to ${CURRENT_LINK_VERSION}).`,
    };
  const parsed = parseScenario(decode(json));
  if (!parsed.ok)
    return { ok: false, reason: `the link’s scenario is not valid: ${firstProblem(parsed.errors)}` };
  return { ok: true, scenario: parsed.scenario, version };
}

/** The most characters of a schema problem a notice repeats (the rest: open the scenario as a file). */
const MAX_PROBLEM = 200;

/** The first problem, cut short, and how many more: a notice stays a line or two however broken the link. */
function firstProblem(errors: readonly string[]): string {
  const first = errors[0] ?? 'unknown problem';
  const cut = first.length > MAX_PROBLEM ? `${first.slice(0, MAX_PROBLEM)}…` : first;
  const more = errors.length - 1;
  return more > 0 ? `${cut} (and ${more} more problem${more === 1 ? '' : 's'})` : cut;
}

/** lz-string returns null or '' for most damage, and throws on some; either way the payload is unreadable. */
function decompress(payload: string): string {
  try {
    return payload === '' ? '' : (LZString.decompressFromEncodedURIComponent(payload) ?? '');
  } catch {
    return '';
  }
}

function versionOf(json: unknown): number {
  if (typeof json !== 'object' || json === null || !(LINK_VERSION_FIELD in json)) return 1;
  const version = (json as Record<string, unknown>)[LINK_VERSION_FIELD];
  return typeof version === 'number' && Number.isInteger(version) ? version : Number.NaN;
}
