// A decoded payload → the records an NDJSON import of the same objects would give, minus the project token.
import type { StreamRecord } from '../../engine/index.ts';
import { normaliseMixpanel } from '../mixpanel.ts';
import { normaliseSegment } from '../segment.ts';
import { isPlainObject } from '../text.ts';
import type { Normalised, NoteDraft, ProblemCode } from '../types.ts';
import type { DataEndpoint } from './classify.ts';

/** One element of a payload: its records (possibly none) or why it was rejected; `element` is 1-based. */
export type ElementResult =
  | {
      readonly element: number;
      readonly ok: true;
      readonly records: readonly StreamRecord[];
      readonly note?: NoteDraft;
      readonly library?: string;
    }
  | { readonly element: number; readonly ok: false; readonly code: ProblemCode; readonly reason: string };

/** The elements of one request's payload read as records, and what was only counted. */
export interface PayloadReading {
  readonly elements: readonly ElementResult[];
  /** Mixpanel `/groups` updates: group profiles take no part in identity merging, so they are only counted. */
  readonly groupUpdates: number;
}

/**
 * Reads a payload sent to `endpoint`, or returns undefined when its shape is not that vendor's: a `/track` path
 * on some other API is counted as an ordinary request, not turned into rejections.
 */
export function readPayload(endpoint: DataEndpoint, payload: unknown): PayloadReading | undefined {
  return endpoint.vendor === 'mixpanel'
    ? readMixpanel(endpoint.endpoint, payload)
    : readSegment(endpoint.endpoint, payload);
}

function readMixpanel(endpoint: string, payload: unknown): PayloadReading | undefined {
  const elements = Array.isArray(payload) ? (payload as unknown[]) : [payload];
  if (!elements.some(looksMixpanel)) return undefined;
  if (endpoint === 'groups') return { elements: [], groupUpdates: elements.length };
  const channel = endpoint === 'import' ? 'import' : 'track';
  return {
    groupUpdates: 0,
    elements: elements.map((value, index) => {
      const result = normaliseMixpanel(withoutToken(value, channel));
      return toElement(index + 1, result, mixpanelLibrary(value));
    }),
  };
}

function looksMixpanel(value: unknown): boolean {
  return isPlainObject(value) && ('event' in value || '$distinct_id' in value || '$group_key' in value);
}

/**
 * The object as the import API would read it, without the project token (`token`, `$token`): the lab never needs
 * it, and it must not reach an export, a scenario or a link. `/track` events get `channel: "track"`, `/import`
 * events `import` (DECISIONS.md: the channel decides how `$identify` and friends are read).
 */
function withoutToken(value: unknown, channel: 'track' | 'import'): unknown {
  if (!isPlainObject(value)) return value;
  if ('event' in value) {
    const properties = value['properties'];
    if (!isPlainObject(properties)) return { ...value, channel };
    const { token: _token, ...kept } = properties;
    return { event: value['event'], properties: kept, channel };
  }
  const { $token: _token, ...update } = value;
  return update;
}

function mixpanelLibrary(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const properties = isPlainObject(value['properties']) ? value['properties'] : value;
  const version = properties['$lib_version'];
  if (typeof version !== 'string' && typeof version !== 'number') return undefined;
  const lib = typeof properties['mp_lib'] === 'string' ? properties['mp_lib'] : 'mixpanel';
  return `${lib === 'web' ? 'mixpanel-browser' : `mixpanel ${lib}`} ${String(version)}`;
}

function readSegment(endpoint: string, payload: unknown): PayloadReading | undefined {
  const batch =
    isPlainObject(payload) && Array.isArray(payload['batch']) ? (payload['batch'] as unknown[]) : undefined;
  const messages = batch ?? (Array.isArray(payload) ? (payload as unknown[]) : [payload]);
  if (!messages.some(looksSegment)) return undefined;
  return {
    groupUpdates: 0,
    elements: messages.map((value, index) => {
      const message =
        isPlainObject(value) && !('type' in value) && endpoint !== 'batch'
          ? { ...value, type: endpoint }
          : value;
      return toElement(index + 1, normaliseSegment(message), segmentLibrary(value));
    }),
  };
}

function looksSegment(value: unknown): boolean {
  return isPlainObject(value) && ('type' in value || 'anonymousId' in value || 'userId' in value);
}

function segmentLibrary(value: unknown): string | undefined {
  if (!isPlainObject(value) || !isPlainObject(value['context'])) return undefined;
  const library = value['context']['library'];
  if (!isPlainObject(library) || typeof library['name'] !== 'string') return undefined;
  return `${library['name']} ${typeof library['version'] === 'string' ? library['version'] : '?'}`;
}

function toElement(element: number, result: Normalised, library: string | undefined): ElementResult {
  if (!result.ok) return { element, ok: false, code: result.code, reason: result.reason };
  return {
    element,
    ok: true,
    records: result.records,
    ...(result.note === undefined ? {} : { note: result.note }),
    ...(library === undefined ? {} : { library }),
  };
}
