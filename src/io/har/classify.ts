// Which requests carry Mixpanel or Segment data: known by the path's last segment, whatever the host (proxies).
import type { HarRequest } from './entry.ts';

/** The Mixpanel ingestion endpoints the lab reads (the SDKs' and the HTTP API's). */
export type MixpanelEndpoint = 'track' | 'engage' | 'groups' | 'import';

/** Segment's tracking API, short and long paths (analytics.js sends /v1/t, /v1/i …). */
export type SegmentEndpoint = 'track' | 'identify' | 'alias' | 'page' | 'screen' | 'group' | 'batch';

/** A request recognised as Mixpanel's or Segment's data API, with the endpoint. */
export type DataEndpoint =
  | { readonly vendor: 'mixpanel'; readonly endpoint: MixpanelEndpoint }
  | { readonly vendor: 'segment'; readonly endpoint: SegmentEndpoint };

const MIXPANEL_PATH = /(?:^|\/)(track|engage|groups|import)\/?$/i;
const SEGMENT_PATH = /\/v1\/(t|i|a|p|s|g|b|batch|import|track|identify|alias|page|screen|group)\/?$/i;
const SEGMENT_SHORT: Readonly<Record<string, SegmentEndpoint>> = {
  t: 'track',
  i: 'identify',
  a: 'alias',
  p: 'page',
  s: 'screen',
  g: 'group',
  b: 'batch',
  import: 'batch',
};
/** The SDK's calls that carry no events: feature flags, the old decide call, session replay. */
const MIXPANEL_SDK_PATH = /(?:^|\/)(?:decide|flags|record|settings)\/?$/i;

/**
 * The data endpoint a request's path names, if any. `/mp/track/` on a site's own domain is a first-party proxy
 * of Mixpanel's `/track`; `/v1/t` is Segment's. The payload's shape has the last word (see records.ts).
 */
export function dataEndpointOf(request: Pick<HarRequest, 'path'>): DataEndpoint | undefined {
  const segment = SEGMENT_PATH.exec(request.path)?.[1]?.toLowerCase();
  if (segment !== undefined)
    return { vendor: 'segment', endpoint: SEGMENT_SHORT[segment] ?? (segment as SegmentEndpoint) };
  const mixpanel = MIXPANEL_PATH.exec(request.path)?.[1]?.toLowerCase();
  return mixpanel === undefined ? undefined : { vendor: 'mixpanel', endpoint: mixpanel as MixpanelEndpoint };
}

/** The kind an entry is counted under in the report when it carries no events. */
export function otherKindOf(request: Pick<HarRequest, 'host' | 'path' | 'resourceType'>): string {
  const mixpanelHost = /(?:^|\.)mixpanel\.com$/i.test(request.host);
  if (MIXPANEL_SDK_PATH.test(request.path) || mixpanelHost) return 'Mixpanel SDK calls (flags, replay …)';
  return KIND_LABELS[request.resourceType] ?? request.resourceType;
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  document: 'pages',
  script: 'scripts',
  stylesheet: 'stylesheets',
  image: 'images',
  font: 'fonts',
  media: 'media',
  xhr: 'other API calls',
  fetch: 'other API calls',
  websocket: 'websockets',
  ping: 'beacons',
  preflight: 'CORS preflights',
  other: 'other requests',
};
