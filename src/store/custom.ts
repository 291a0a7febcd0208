// A scenario that is not in the library: one being edited, or one opened from a `?play=` link. Its link payload
// travels with it so the URL (and "Copy link") can carry the whole scenario without re-encoding on every write.
import type { Scenario } from '../scenarios/types.ts';
import { quoteInput } from './quote.ts';

export interface CustomScenario {
  readonly scenario: Scenario;
  /** lz-string's compressToEncodedURIComponent of the scenario JSON (scenarios/link.ts). */
  readonly payload: string;
  /** False for a scenario opened from someone's link: read-only until "Edit a copy". */
  readonly editable: boolean;
}

/**
 * The `play` parameter of a query string, if any. Read by hand: URLSearchParams would turn the payload's '+'
 * (part of lz-string's URI-safe alphabet) into a space.
 */
export function readPlay(search: string): string | null {
  const match = /[?&]play=([^&]*)/.exec(search);
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** `&embed=1`: the page shows only the timeline, table and graph (documentation, blog posts). */
export function readEmbed(search: string): boolean {
  return readEmbedParam(search).embed;
}

/** The `embed` parameter, with a notice when its value is neither 1 nor 0 (the full page is shown then). */
export function readEmbedParam(search: string): {
  readonly embed: boolean;
  readonly notices: readonly string[];
} {
  const value = new URLSearchParams(search).get('embed');
  if (value === null || value === '0') return { embed: false, notices: [] };
  if (value === '1') return { embed: true, notices: [] };
  return { embed: false, notices: [`embed=${quoteInput(value)} is not 1 or 0; showing the whole page.`] };
}

/** The query string of a custom scenario's view: `?play=…&mode=…&step=…` (and `&embed=1`). */
export function writePlaySearch(payload: string, mode: string, cursor: number): string {
  // The payload is already URI-safe (lz-string's encodedURIComponent alphabet); URLSearchParams would escape its '+'.
  return `?play=${payload}&mode=${encodeURIComponent(mode)}&step=${cursor}`;
}

/** Adds `&embed=1` to a query string when the page is an embed. */
export function withEmbed(search: string, embed: boolean): string {
  if (!embed) return search;
  return `${search}${search.includes('?') ? '&' : '?'}embed=1`;
}

/**
 * Asks the URL writer to write what it holds back now (an edit's URL waits for a pause): sent on `window` before
 * anything reads the page's URL as the link, like "Copy link".
 */
export const FLUSH_URL_EVENT = 'idmerge:flush-url';
