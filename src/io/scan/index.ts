// Public entry of the event-line scanner: validate like JSON.parse, read identity fields, rewrite distinct_id.
export { IDENTITY_KEYS } from './types.ts';
/** The scanner's identity keys and results. */
export type { IdentityKey, ScanFailure, ScannedEvent } from './types.ts';
export { scanEvent } from './event.ts';
export { deepestNesting } from './lexer.ts';
export { rewriteEvent, rewriteEventJson, serializeExtra } from './rewrite.ts';
