// A data request's payload, whichever way it was sent and saved: form `data=` (JSON or base64 JSON), raw JSON,
// gzip or deflate, or the GET transport's `data` query parameter.
import type { HarRequest, SavedBody } from './entry.ts';
import { isGzip, type Inflate } from './gzip.ts';

/** A request body decoded to its JSON payload with how it was sent, or why it could not be. */
export type Decoded =
  | { readonly ok: true; readonly payload: unknown; readonly transport: string }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): Decoded => ({ ok: false, reason });

/** Decodes the payload of a request to a data endpoint; a failure says why in a user's words. */
export async function decodePayload(request: HarRequest, inflate: Inflate): Promise<Decoded> {
  if (request.body === undefined) {
    const data = new URLSearchParams(request.query).get('data');
    if (data === null) return fail('no body and no "data" in the query string');
    return decodeDataValue(data, 'GET ?data=');
  }
  const param = request.body.params?.find((p) => p.name === 'data');
  if (param !== undefined) return decodeDataValue(formValue(param.value), 'form data=');
  const text = await bodyText(request.body, request.contentEncoding, inflate);
  if (typeof text !== 'string') return text;
  return decodeText(text, request.body.mimeType);
}

/** The body as text, inflating it when it is gzip or deflate (by its header, or by gzip's magic number). */
async function bodyText(
  body: SavedBody,
  contentEncoding: string | undefined,
  inflate: Inflate,
): Promise<string | Decoded> {
  const text = body.text ?? '';
  const bytes = body.base64 ? base64Bytes(text) : latin1Bytes(text);
  const declared = contentEncoding === 'gzip' || contentEncoding === 'deflate' ? contentEncoding : undefined;
  const format = bytes !== undefined && isGzip(bytes) ? 'gzip' : declared;
  if (format === undefined) return body.base64 && bytes !== undefined ? utf8(bytes) : text;
  if (bytes === undefined)
    return fail(
      `the request says Content-Encoding ${format}, but the saved body is text, not bytes: the browser lost them when it saved the log`,
    );
  try {
    return utf8(await inflate(bytes, format));
  } catch (error) {
    return fail(
      `the ${format} body cannot be inflated (${error instanceof Error ? error.message : 'bad data'})`,
    );
  }
}

/** A body saved as text: JSON as is, or a form whose `data` field holds the payload. */
function decodeText(text: string, mimeType: string): Decoded {
  const trimmed = text.trim();
  if (trimmed === '') return fail('the body is empty');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed, 'JSON body');
  const looksLikeForm = mimeType.includes('x-www-form-urlencoded') || /(?:^|&)data=/.test(trimmed);
  if (!looksLikeForm)
    return fail(`the body is neither JSON nor a form with "data=" (${describeStart(trimmed)})`);
  const data = new URLSearchParams(trimmed).get('data');
  if (data === null) return fail('the form has no "data" field');
  return decodeDataValue(data, 'form data=');
}

/** `data` holds JSON, or base64 of JSON (mixpanel-browser's format for hosts other than *.mixpanel.com). */
function decodeDataValue(value: string, transport: string): Decoded {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed, transport);
  const bytes = base64Bytes(trimmed);
  if (bytes === undefined) return fail(`"data" is neither JSON nor base64 (${describeStart(trimmed)})`);
  const decoded = parseJson(utf8(bytes).trim(), `${transport} base64`);
  return decoded.ok ? decoded : fail(`"data" is base64, but not of JSON: ${decoded.reason}`);
}

function parseJson(text: string, transport: string): Decoded {
  try {
    return { ok: true, payload: JSON.parse(text) as unknown, transport };
  } catch (error) {
    return fail(`bad JSON in the ${transport}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A form value some browsers leave percent-encoded in `postData.params`. */
function formValue(value: string): string {
  if (!/%[0-9a-f]{2}/i.test(value) || value.trim().startsWith('{')) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

function base64Bytes(text: string): Uint8Array | undefined {
  // A form decoder turns an unescaped `+` into a space; base64 never holds spaces, so they were pluses.
  const compact = text.trim().replace(/ /g, '+').replace(/\s+/g, '');
  if (compact === '' || !BASE64.test(compact)) return undefined;
  try {
    const binary = atob(compact.replace(/-/g, '+').replace(/_/g, '/'));
    return latin1Bytes(binary);
  } catch {
    return undefined;
  }
}

/** Text whose characters are all bytes (≤ 0xFF): the bytes; otherwise it is real text, not saved binary. */
function latin1Bytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return undefined;
    bytes[i] = code;
  }
  return bytes;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function describeStart(text: string): string {
  const start = text.slice(0, 24);
  return `starts ${JSON.stringify(start)}${text.length > 24 ? '…' : ''}`;
}
