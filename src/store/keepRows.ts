// Keeps a step's table rows as the very objects the previous step derived when their data did not change, so the
// table projects, compares and redraws only the few rows a step adds or rewrites (issue #14: a step of a 500-event
// scenario re-derived and re-projected all 500).
import type { EventOutcome, Failure, Note } from '../engine/index.ts';
import type { EventRow } from './derive.ts';

/**
 * `next`, with each row whose data equals the previous call's row of the same record replaced by that previous
 * object. Rows are matched by record index, so a row hidden, shown or renumbered is a new row.
 */
export function createRowKeeper(): (next: readonly EventRow[]) => readonly EventRow[] {
  let previous: readonly EventRow[] = [];
  return (next) => {
    const byRecord = indexByRecord(previous);
    previous = next.map((row) => {
      const old = byRecord[row.recordIndex];
      return old !== undefined && sameEventRow(old, row) ? old : row;
    });
    return previous;
  };
}

/** Rows by record index, in a sparse array (record indexes are small and dense). */
function indexByRecord(rows: readonly EventRow[]): Array<EventRow | undefined> {
  const byRecord: Array<EventRow | undefined> = [];
  for (const row of rows) byRecord[row.recordIndex] = row;
  return byRecord;
}

/** Whether two derivations of a row hold the same data. Written for the row's shape: it runs for every row a step. */
export function sameEventRow(a: EventRow, b: EventRow): boolean {
  return (
    a.recordIndex === b.recordIndex &&
    a.number === b.number &&
    a.displayNumber === b.displayNumber &&
    a.name === b.name &&
    a.isIdentityEvent === b.isIdentityEvent &&
    a.device === b.device &&
    a.sent.distinctId === b.sent.distinctId &&
    a.sent.deviceId === b.sent.deviceId &&
    a.sent.userId === b.sent.userId &&
    a.time === b.time &&
    a.isNew === b.isNew &&
    a.changed === b.changed &&
    a.previousResolvedId === b.previousResolvedId &&
    sameOutcome(a.outcome, b.outcome) &&
    sameNotes(a.notes, b.notes)
  );
}

function sameOutcome(a: EventOutcome, b: EventOutcome): boolean {
  return (
    a.index === b.index &&
    a.name === b.name &&
    a.status === b.status &&
    a.isIdentityEvent === b.isIdentityEvent &&
    a.derivedId === b.derivedId &&
    a.derivation === b.derivation &&
    a.deviceKey === b.deviceKey &&
    a.resolvedId === b.resolvedId &&
    a.distinctIdBeforeIdentity === b.distinctIdBeforeIdentity &&
    sameFailure(a.failure, b.failure) &&
    // Links are the resolution's own log entries: the same link is the same object (another mode's is another).
    a.link === b.link &&
    a.linkedBy === b.linkedBy &&
    a.retroactivelyUpdated === b.retroactivelyUpdated &&
    a.rejectedValue === b.rejectedValue
  );
}

function sameFailure(a: Failure | undefined, b: Failure | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.code === b.code && a.official === b.official && a.description === b.description && a.rule === b.rule
  );
}

function sameNotes(a: readonly Note[], b: readonly Note[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const noteA = a[index];
    const noteB = b[index];
    if (noteA?.kind !== noteB?.kind || noteA?.rule !== noteB?.rule || noteA?.text !== noteB?.text)
      return false;
  }
  return true;
}
