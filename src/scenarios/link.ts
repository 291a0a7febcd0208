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

/** Each past format's decoder: payload JSON → scenario JSON in today's format (validated afterwards). */
const DECODERS: Readonly<Record<number, (json: unknown) => unknown>> = {
  1: (json) => json,
};

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
    return { ok: false, reason: `the link’s scenario is not valid: ${parsed.errors.slice(0, 3).join('; ')}` };
  return { ok: true, scenario: parsed.scenario, version };
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
