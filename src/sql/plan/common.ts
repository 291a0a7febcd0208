// Pieces every mode's plan shares: the identity-event names, the LIM-1 placeholder test, the event's kind.
import { BLOCKED_IDS, IDENTITY_EVENT_NAMES, type ResolveOptions } from '../../engine/index.ts';
import { literal } from '../dialects/index.ts';

/** `$identify`, `$create_alias`, `$merge` as a SQL list (S-8, O-6, O-10, O-13). */
export const IDENTITY_EVENTS_SQL = `(${[...IDENTITY_EVENT_NAMES].map(literal).join(', ')})`;

/** LIM-1 / Q-12: the value is on the import API's placeholder list (empty values never are). */
export function isBlocked(value: string, match: ResolveOptions['blockedIdMatch']): string {
  const list = `(${[...BLOCKED_IDS].map(literal).join(', ')})`;
  return match === 'exact' ? `${value} IN ${list}` : `LOWER(${value}) IN ${list}`;
}

/**
 * The event's kind as the engine's ledger records it: `rejected` when the derived distinct_id or `$insert_id` is a
 * placeholder (LIM-1), `non-attributable` when there is no identity (LIM-2, LIM-3), else `event`.
 */
export function kindOf(derivedId: string, insertId: string, match: ResolveOptions['blockedIdMatch']): string {
  return `CASE
      WHEN ${derivedId} IS NOT NULL AND ${isBlocked(derivedId, match)} THEN 'rejected'
      WHEN ${insertId} <> '' AND ${isBlocked(insertId, match)} THEN 'rejected'
      WHEN ${derivedId} IS NULL THEN 'non-attributable'
      ELSE 'event'
    END`;
}

/** The resolved distinct_id column: NULL when rejected, '' when non-attributable, else `resolved`. */
export function resolvedColumn(kind: string, resolved: string): string {
  return `CASE WHEN ${kind} = 'rejected' THEN NULL WHEN ${kind} = 'non-attributable' THEN '' ELSE ${resolved} END`;
}
