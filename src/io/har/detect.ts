// The format-detection hook for HAR: a JSON document whose root object opens with a `log` object.

/** What the detector says when it recognises a HAR, in words a user can check against the file. */
export const HAR_REASON = 'a JSON object with "log" and its "entries": an HTTP Archive (HAR) network log';

const HAR_START = /^\{\s*"log"\s*:\s*\{/;
const HAR_KEYS = /"(?:entries|creator|pages)"\s*:/;

/**
 * Whether the first few KB are a HAR: every browser and proxy app writes `{"log": {"version", "creator",
 * "pages"?, "entries"}}`. A `.har` name alone does not decide; content does, as for the other formats.
 */
export function looksLikeHar(sample: string): boolean {
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1).trimStart() : sample.trimStart();
  return HAR_START.test(text) && HAR_KEYS.test(text.slice(0, 4096));
}
