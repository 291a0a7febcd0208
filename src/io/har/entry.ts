// One HAR entry read into the little the lab needs; headers and cookies are looked at once and never kept.
import { isPlainObject } from '../text.ts';

/** The request body as the browser or proxy saved it: `postData.text`, `postData.params`, or neither. */
export interface SavedBody {
  readonly mimeType: string;
  readonly text?: string;
  /** `postData.params`: a form the browser already split (Firefox, Chrome for url-encoded forms). */
  readonly params?: readonly { readonly name: string; readonly value: string }[];
  /** The text is base64 of the bytes (`encoding`/`_encoding: "base64"`, written by some proxy apps). */
  readonly base64: boolean;
}

/** What the lab keeps of one entry while reading: no headers, no cookies, no response body. */
export interface HarRequest {
  /** 1-based position in `log.entries`, as DevTools lists them. */
  readonly entry: number;
  /** Line of the HAR file where the entry starts. */
  readonly line: number;
  readonly startedMs: number;
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** The query string without its `?`; only read for the GET transport's `data`. */
  readonly query: string;
  /** HTTP status; 0 when the request got no response (blocked, offline, cancelled). */
  readonly status: number;
  readonly pageref?: string;
  /** `_resourceType` (Chrome, Playwright) or what the response's MIME type says. */
  readonly resourceType: string;
  /** Request `Content-Encoding` (gzip, deflate), the one header the body's decoding needs. */
  readonly contentEncoding?: string;
  readonly body?: SavedBody;
}

/** A HAR page: its id (what entries' `pageref` names) and title (browsers write the page's URL or title). */
export interface HarPage {
  readonly id: string;
  readonly title: string;
}

/** Reads an entry; a string is the reason it cannot be used. */
export function readEntry(value: unknown, entry: number, line: number): HarRequest | string {
  if (!isPlainObject(value)) return 'the entry is not a JSON object';
  const request = value['request'];
  if (!isPlainObject(request) || typeof request['url'] !== 'string') return 'the entry has no request URL';
  const url = parseUrl(request['url']);
  if (url === undefined) return `the request URL cannot be read: ${request['url'].slice(0, 80)}`;
  const response = isPlainObject(value['response']) ? value['response'] : {};
  const started = typeof value['startedDateTime'] === 'string' ? Date.parse(value['startedDateTime']) : NaN;
  const encoding = contentEncodingOf(request['headers']);
  const body = savedBody(request['postData']);
  const pageref = value['pageref'];
  return {
    entry,
    line,
    startedMs: Number.isFinite(started) ? started : Number.POSITIVE_INFINITY,
    method: typeof request['method'] === 'string' ? request['method'].toUpperCase() : 'GET',
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    status: typeof response['status'] === 'number' && response['status'] > 0 ? response['status'] : 0,
    resourceType: resourceTypeOf(value, response),
    ...(typeof pageref === 'string' ? { pageref } : {}),
    ...(encoding === undefined ? {} : { contentEncoding: encoding }),
    ...(body === undefined ? {} : { body }),
  };
}

/** A HAR page (its id and title), or undefined when the value is not one. */
export function readPage(value: unknown): HarPage | undefined {
  if (!isPlainObject(value) || typeof value['id'] !== 'string') return undefined;
  const title = typeof value['title'] === 'string' && value['title'] !== '' ? value['title'] : value['id'];
  return { id: value['id'], title };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function contentEncodingOf(headers: unknown): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  for (const header of headers as unknown[]) {
    if (!isPlainObject(header) || typeof header['name'] !== 'string') continue;
    if (header['name'].toLowerCase() === 'content-encoding' && typeof header['value'] === 'string')
      return header['value'].trim().toLowerCase();
  }
  return undefined;
}

function savedBody(postData: unknown): SavedBody | undefined {
  if (!isPlainObject(postData)) return undefined;
  const mimeType = typeof postData['mimeType'] === 'string' ? postData['mimeType'].toLowerCase() : '';
  const encoding = postData['encoding'] ?? postData['_encoding'];
  const base64 = typeof encoding === 'string' && encoding.toLowerCase() === 'base64';
  const text = typeof postData['text'] === 'string' ? postData['text'] : undefined;
  const params = Array.isArray(postData['params'])
    ? (postData['params'] as unknown[]).flatMap((param) =>
        isPlainObject(param) && typeof param['name'] === 'string'
          ? [{ name: param['name'], value: typeof param['value'] === 'string' ? param['value'] : '' }]
          : [],
      )
    : undefined;
  if (text === undefined && (params === undefined || params.length === 0)) return undefined;
  return {
    mimeType,
    base64,
    ...(text === undefined ? {} : { text }),
    ...(params === undefined || params.length === 0 ? {} : { params }),
  };
}

const MIME_KINDS: readonly [RegExp, string][] = [
  [/html/, 'document'],
  [/javascript|ecmascript/, 'script'],
  [/css/, 'stylesheet'],
  [/^image\//, 'image'],
  [/font/, 'font'],
  [/^(?:audio|video)\//, 'media'],
  [/json|xml|text\/plain/, 'fetch'],
];

/** Chrome and Playwright write `_resourceType`; Firefox and Safari leave it out, so the response type decides. */
function resourceTypeOf(entry: Record<string, unknown>, response: Record<string, unknown>): string {
  const declared = entry['_resourceType'];
  if (typeof declared === 'string' && declared !== '') return declared.toLowerCase();
  const content = isPlainObject(response['content']) ? response['content'] : {};
  const mime = typeof content['mimeType'] === 'string' ? content['mimeType'].toLowerCase() : '';
  return MIME_KINDS.find(([pattern]) => pattern.test(mime))?.[1] ?? 'other';
}
