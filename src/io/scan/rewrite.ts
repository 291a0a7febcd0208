// Invariant: rewriting replaces or inserts text only at offsets a scan recorded; every other character is kept.
import type { ScannedEvent } from './types.ts';

/**
 * Rewrites a scanned event line: sets properties.distinct_id to `distinctId` (JSON null when null) and appends
 * `extra` properties at the end of properties, adding a properties object when there is none. The output
 * JSON.parses to parse(line) with properties.distinct_id = distinctId, then Object.assign(properties, extra):
 * existing keys stay in place (a repeated key is written again at the end, and the last occurrence wins), new
 * keys are appended. Extra values without a JSON form (undefined, functions) are left out, as JSON.stringify does.
 */
export function rewriteEvent(
  text: string,
  scan: ScannedEvent,
  distinctId: string | null,
  extra: Readonly<Record<string, unknown>>,
): string {
  return rewriteEventJson(text, scan, JSON.stringify(distinctId), serializeExtra(extra));
}

/**
 * `extra` as the text rewriteEventJson appends: `,"key":value` per property, written by one JSON.stringify of
 * the whole record (same keys, order and values as one call per property, at a fraction of the cost). Callers
 * that append the same properties to many lines serialize them once.
 */
export function serializeExtra(extra: Readonly<Record<string, unknown>>): string {
  const json = JSON.stringify(extra);
  return json.length > 2 ? `,${json.slice(1, -1)}` : '';
}

/**
 * rewriteEvent with the new distinct_id already as JSON text and the extra properties as serializeExtra gives
 * them (each with its leading comma). The caller vouches that both are valid JSON fragments.
 */
export function rewriteEventJson(
  text: string,
  scan: ScannedEvent,
  distinctIdJson: string,
  extraJson: string,
): string {
  const { start, end, propertiesClose: close, distinctIdSpan: span } = scan;
  if (span !== undefined) {
    return (
      text.slice(start, span[0]) +
      distinctIdJson +
      text.slice(span[1], close) +
      extraJson +
      text.slice(close, end)
    );
  }
  const members = `"distinct_id":${distinctIdJson}${extraJson}`;
  if (close >= 0) {
    return text.slice(start, close) + (scan.propertiesEmpty ? '' : ',') + members + text.slice(close, end);
  }
  const objectClose = scan.objectClose;
  const properties = `${scan.objectEmpty ? '' : ','}"properties":{${members}}`;
  return text.slice(start, objectClose) + properties + text.slice(objectClose, end);
}
