// What the explanation panel says about the selection: an event's reasons with their rule ids, or an id's cluster.
import type { EventLabel, ProfileView, Reason } from '../engine/index.ts';
import type { Selection } from './appStore.ts';
import type { EventRow, StepModel } from './derive.ts';

export type { Reason } from '../engine/index.ts';

export interface EventExplanation {
  readonly kind: 'event';
  readonly row: EventRow;
  readonly reasons: readonly Reason[];
}

/** A member of the selected id's cluster, with the event (by number) that brought it in. */
export interface MemberLine {
  readonly id: string;
  readonly isDevice: boolean;
  readonly joinedByEvent: number | undefined;
}

export interface IdExplanation {
  readonly kind: 'id';
  readonly id: string;
  readonly canonical: string;
  readonly members: readonly MemberLine[];
  readonly events: readonly EventRow[];
  readonly profile: ProfileView | undefined;
  /** Record index → event number, for "hidden by event #N". */
  readonly eventNumber: (recordIndex: number) => number | undefined;
}

/** The selection names something not in the stream yet at this step. */
export interface NotYet {
  readonly kind: 'not-yet';
  readonly what: string;
}

export type Explanation = EventExplanation | IdExplanation | NotYet;

/** The explanation of `selection` at the model's step; null when nothing is selected. */
export function explainSelection(
  model: StepModel,
  rows: readonly EventRow[],
  selection: Selection | null,
): Explanation | null {
  if (selection === null) return null;
  if (selection.kind === 'event') return explainEvent(model, rows, selection.recordIndex);
  return explainId(model, rows, selection.id);
}

function explainEvent(model: StepModel, rows: readonly EventRow[], recordIndex: number): Explanation {
  const row = rows.find((candidate) => candidate.recordIndex === recordIndex);
  if (row === undefined) return { kind: 'not-yet', what: 'This event has not been sent yet at this step.' };
  const reasons = model.resolution.reasons(
    recordIndex,
    model.recordEnd - 1,
    model.label,
    eventLabelFor(rows),
  );
  return { kind: 'event', row, reasons };
}

function explainId(model: StepModel, rows: readonly EventRow[], id: string): Explanation {
  const { view } = model;
  const cluster = view?.clusters().find((c) => c.members.some((member) => member.id === id));
  if (view === undefined || cluster === undefined)
    return { kind: 'not-yet', what: `${model.label(id)} has not been seen yet at this step.` };
  const numberOf = eventNumbers(rows);
  const canonical = cluster.canonical;
  return {
    kind: 'id',
    id,
    canonical,
    members: cluster.members.map((member) => ({
      id: member.id,
      isDevice: member.isDevice,
      joinedByEvent: member.joinedBy === undefined ? undefined : numberOf.get(member.joinedBy),
    })),
    events: rows.filter((row) => row.outcome.resolvedId === canonical),
    profile: view.profiles().find((p) => p.distinctId === canonical || p.distinctId === id),
    eventNumber: (recordIndex) => numberOf.get(recordIndex),
  };
}

/** Record index → the number the table shows, for the rows sent so far (none for a hidden identity event). */
export function eventNumbers(rows: readonly EventRow[]): ReadonlyMap<number, number> {
  return new Map(
    rows.flatMap((row) => (row.displayNumber === undefined ? [] : [[row.recordIndex, row.displayNumber]])),
  );
}

/** Names events in the engine's reasons by the numbers the table shows, so "by event #3" points at row 3. */
export function eventLabelFor(rows: readonly EventRow[]): EventLabel {
  const byIndex = new Map(rows.map((row) => [row.recordIndex, row]));
  return (recordIndex) => {
    const row = byIndex.get(recordIndex);
    if (row === undefined) return `#${recordIndex + 1}`;
    return row.displayNumber === undefined ? `(${row.name}, hidden)` : `#${row.displayNumber}`;
  };
}
