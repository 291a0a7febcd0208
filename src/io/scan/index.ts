// Public entry of the event-line scanner: validate one JSON event line as strictly as JSON.parse, read its
// identity fields, and rewrite its distinct_id by string surgery.
export { IDENTITY_KEYS } from './types.ts';
export type { IdentityKey, ScanFailure, ScannedEvent } from './types.ts';
export { scanEvent } from './event.ts';
export { rewriteEvent, rewriteEventJson, serializeExtra } from './rewrite.ts';
