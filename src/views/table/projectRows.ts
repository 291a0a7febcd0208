// Pure projection from the store's event rows to what each table cell shows: text, full id, tone, sort key.
import {
  isDeviceKey,
  looksAnonymous,
  modeRules,
  type IdLabel,
  type Mode,
  type NoteKind as EngineNoteKind,
} from '../../engine/index.ts';
import type { AppState } from '../../store/appStore.ts';
import type { EventRow } from '../../store/derive.ts';
import { COLUMN_IDS, type ColumnId } from './columnCatalog.ts';

export type TableView = AppState['tableView'];

/** Colour family of a cell, matching the theme's device / user / other / danger pairs. */
export type Tone = 'device' | 'user' | 'other' | 'danger' | 'muted';

export interface CellView {
  readonly text: string;
  /** The full id behind a short alias such as D1; shown on hover. */
  readonly fullId?: string;
  /** Extra words for the hover text: a rejection reason, the full timestamp. */
  readonly hint?: string;
  readonly tone?: Tone;
  /** Not sent with the event: filled in the way Mixpanel's guide draws it ("as Mixpanel shows it"). */
  readonly derived?: boolean;
  /** The value this step rewrote (a retroactive update), shown struck through before the new one. */
  readonly was?: string;
  readonly sortKey: string | number;
}

export type NoteKind = 'link' | 'retroactive' | 'failure' | 'plain';

export interface NoteView {
  readonly text: string;
  readonly kind: NoteKind;
}

/** One table row: the store's row, projected for display. */
export interface TableRow {
  readonly id: string;
  readonly recordIndex: number;
  readonly number: number;
  readonly resolvedId: string | null;
  readonly isNew: boolean;
  /** Its resolved distinct_id changed at this step (a retroactive update). */
  readonly changed: boolean;
  readonly cells: Readonly<Record<ColumnId, CellView>>;
  readonly notes: readonly NoteView[];
}

export interface ProjectionContext {
  readonly label: IdLabel;
  readonly mode: Mode | undefined;
  readonly tableView: TableView;
}

/** Projects every row; identity events are left out unless `showIdentityEvents`. */
export function projectRows(
  rows: readonly EventRow[],
  context: ProjectionContext,
  showIdentityEvents: boolean,
): TableRow[] {
  return createProjector(context)(rows, showIdentityEvents);
}

/** Projects rows in one context, as `projectRows` does. */
export type RowProjector = (rows: readonly EventRow[], showIdentityEvents: boolean) => TableRow[];

/**
 * `projectRows` for one context that remembers each row's projection: the store keeps a row a step left unchanged
 * as the same object, so a step projects only the rows it added or rewrote, and hands the table the same projected
 * objects for the rest.
 */
export function createProjector(context: ProjectionContext): RowProjector {
  const projections = new WeakMap<EventRow, TableRow>();
  const projectOnce = (row: EventRow): TableRow => {
    const known = projections.get(row);
    if (known !== undefined) return known;
    const projected = projectRow(row, context);
    projections.set(row, projected);
    return projected;
  };
  return (rows, showIdentityEvents) =>
    (showIdentityEvents ? rows : rows.filter((row) => !row.isIdentityEvent)).map(projectOnce);
}

export function projectRow(row: EventRow, context: ProjectionContext): TableRow {
  const notes = noteViews(row);
  return {
    id: String(row.recordIndex),
    recordIndex: row.recordIndex,
    number: row.number,
    resolvedId: row.outcome.resolvedId,
    isNew: row.isNew,
    changed: row.changed,
    notes,
    cells: {
      number: { text: String(row.displayNumber ?? row.number), sortKey: row.number },
      event: eventCell(row),
      device_id: idCell(row.sent.deviceId, context.label, 'device'),
      user_id: userIdCell(row, context),
      distinct_id: resolvedIdCell(row, context.label),
      notes: notesCell(notes),
      time: timeCell(row.time),
      sent_distinct_id: idCell(row.sent.distinctId, context.label, undefined),
      failure: failureCell(row),
    },
  };
}

/** The user id to show: as sent, or (as Mixpanel shows it, Simplified) the user the event's device is linked to. */
export function shownUserId(
  row: EventRow,
  mode: Mode | undefined,
  tableView: TableView,
): { readonly id: string; readonly derived: boolean } | undefined {
  if (row.sent.userId !== undefined) return { id: row.sent.userId, derived: false };
  // the engine keeps stored properties; only Simplified's guide draws the linked user in this column.
  if (tableView === 'as-sent' || mode === undefined || !modeRules(mode).readsDeviceAndUserIds)
    return undefined;
  const resolved = row.outcome.resolvedId;
  if (row.outcome.deviceKey === undefined || !resolved || isDeviceKey(resolved)) return undefined;
  return { id: resolved, derived: true };
}

function userIdCell(row: EventRow, context: ProjectionContext): CellView {
  const user = shownUserId(row, context.mode, context.tableView);
  const cell = idCell(user?.id, context.label, 'user');
  return user?.derived ? { ...cell, derived: true } : cell;
}

/** An id through its short label; an empty string is shown as "" since Mixpanel treats it as absent. */
export function idCell(id: string | undefined, label: IdLabel, tone: Tone | undefined): CellView {
  if (id === undefined) return { text: '', sortKey: '' };
  if (id === '')
    return { text: '""', hint: 'Sent as an empty string: counts as absent', tone: 'muted', sortKey: '' };
  const text = label(id);
  return {
    text,
    ...(text === id ? {} : { fullId: id }),
    tone: tone ?? toneOf(id),
    sortKey: text,
  };
}

function toneOf(id: string): Tone {
  return looksAnonymous(id) ? 'device' : 'user';
}

function resolvedIdCell(row: EventRow, label: IdLabel): CellView {
  const cell = currentResolvedIdCell(row, label);
  const previous = row.previousResolvedId;
  if (previous === undefined || previous === row.outcome.resolvedId) return cell;
  return { ...cell, was: previous === null ? 'rejected' : previous === '' ? '(none)' : label(previous) };
}

function currentResolvedIdCell(row: EventRow, label: IdLabel): CellView {
  const { resolvedId } = row.outcome;
  if (resolvedId === null) {
    const reason = row.notes.find((note) => note.kind === 'rejected')?.text ?? 'Rejected at ingestion';
    return { text: 'rejected', hint: reason, tone: 'danger', sortKey: '\uffff' };
  }
  if (resolvedId === '')
    return { text: '(none)', hint: 'No usable identity', tone: 'muted', sortKey: '\uffff' };
  return idCell(resolvedId, label, undefined);
}

function eventCell(row: EventRow): CellView {
  if (!row.isIdentityEvent) return { text: row.name, sortKey: row.name };
  return { text: row.name, hint: 'Identity event', tone: 'other', sortKey: row.name };
}

function failureCell(row: EventRow): CellView {
  const { failure } = row.outcome;
  if (failure === undefined) return { text: '', sortKey: '' };
  return {
    text: failure.description,
    hint: `${failure.code} (${failure.rule})`,
    tone: 'danger',
    sortKey: failure.code,
  };
}

/** Mixpanel's `time` is in seconds; milliseconds are accepted too, so large values are read as such. */
export function timeCell(time: number | undefined): CellView {
  if (time === undefined || !Number.isFinite(time)) return { text: '', sortKey: -Infinity };
  const ms = time > 1e11 ? time : time * 1000;
  const iso = new Date(ms).toISOString();
  return { text: iso.slice(11, 19), hint: `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`, sortKey: ms };
}

function notesCell(notes: readonly NoteView[]): CellView {
  const text = notes.map((note) => note.text).join('; ');
  return { text, sortKey: text };
}

function noteViews(row: EventRow): NoteView[] {
  return row.notes.map((note) => ({ text: note.text, kind: DISPLAY_KIND[note.kind] }));
}

/** How the table styles each kind of engine note. */
const DISPLAY_KIND: Readonly<Record<EngineNoteKind, NoteKind>> = {
  'new-device': 'plain',
  reset: 'plain',
  rejected: 'failure',
  'no-identity': 'plain',
  'no-effect': 'plain',
  link: 'link',
  failure: 'failure',
  'stored-as': 'plain',
  retroactive: 'retroactive',
};

/** Cells whose value this step rewrote: the resolved distinct_id, and a $user_id that Mixpanel's view derives from it. */
export function isChangedCell(row: TableRow, column: ColumnId): boolean {
  if (!row.changed) return false;
  return column === 'distinct_id' || (column === 'user_id' && row.cells.user_id.derived === true);
}

/**
 * Whether two projections of a row show the same thing: every field of the row, its cells and its notes. Written
 * for the row's shape (no key lists, no recursion), since the table compares hundreds of rows at every step.
 */
export function sameTableRow(a: TableRow, b: TableRow): boolean {
  if (
    a.id !== b.id ||
    a.recordIndex !== b.recordIndex ||
    a.number !== b.number ||
    a.resolvedId !== b.resolvedId ||
    a.isNew !== b.isNew ||
    a.changed !== b.changed ||
    a.notes.length !== b.notes.length
  )
    return false;
  for (let index = 0; index < a.notes.length; index++) {
    const noteA = a.notes[index];
    const noteB = b.notes[index];
    if (noteA?.text !== noteB?.text || noteA?.kind !== noteB?.kind) return false;
  }
  for (const column of COLUMN_IDS) if (!sameCell(a.cells[column], b.cells[column])) return false;
  return true;
}

function sameCell(a: CellView, b: CellView): boolean {
  return (
    a.text === b.text &&
    a.fullId === b.fullId &&
    a.hint === b.hint &&
    a.tone === b.tone &&
    a.derived === b.derived &&
    a.was === b.was &&
    a.sortKey === b.sortKey
  );
}
