// Vocabulary of the import layer: every record and every rejection carries the physical line it came from.
import type { StreamRecord } from '../engine/index.ts';

/** The file formats the importer reads. `json-array` also covers a wrapper object and a single JSON object. */
export type ImportFormat =
  'ndjson' | 'json-array' | 'csv' | 'segment-ndjson' | 'segment-json-array' | 'har' | 'unknown';

/** Every import format the readers know. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'ndjson',
  'json-array',
  'csv',
  'segment-ndjson',
  'segment-json-array',
  'har',
  'unknown',
];

/** Stable categories of rejection, so a report can group a million bad lines into a handful of rows. */
export type ProblemCode =
  | 'bad-json'
  | 'json-structure'
  | 'not-an-object'
  | 'missing-event-name'
  | 'bad-event-name'
  | 'properties-not-object'
  | 'bad-channel'
  | 'bad-profile-update'
  | 'bad-time'
  | 'segment-bad-type'
  | 'segment-missing-id'
  | 'csv-ragged-row'
  | 'csv-bad-quote'
  | 'csv-unterminated-quote'
  | 'har-undecodable'
  | 'har-structure'
  | 'unknown-format'
  | 'line-too-long'
  | 'too-deep'
  | 'bad-id'
  | 'bad-insert-id';

/** A record read from the file, with the 1-based line where its text starts. */
export interface ImportedRecord {
  readonly line: number;
  readonly record: StreamRecord;
}

/** A line (or JSON value, or CSV record) that was rejected, with why and what it looked like. */
export interface ImportProblem {
  readonly line: number;
  readonly code: ProblemCode;
  readonly reason: string;
  readonly excerpt: string;
}

/** Something worth telling the user that is not a rejection; `line` is absent for file-level notes. */
export interface ImportNote {
  readonly line?: number;
  readonly code: string;
  readonly message: string;
}

/** What one `push` or `end` produced. The arrays are fresh per call and owned by the caller. */
export interface ImportBatch {
  readonly records: ImportedRecord[];
  readonly problems: ImportProblem[];
  readonly notes: ImportNote[];
  /** The start line of each value read successfully (records, or only a note), for the line accounting. */
  readonly loaded: number[];
}

/** The result of normalising one parsed value: records (possibly none) or a rejection. */
export type Normalised =
  | { readonly ok: true; readonly records: readonly StreamRecord[]; readonly note?: NoteDraft }
  | { readonly ok: false; readonly code: ProblemCode; readonly reason: string };

/** A per-line note before the importer stamps the line on it. */
export interface NoteDraft {
  readonly code: string;
  readonly message: string;
}

/** A batch with nothing in it. */
export function emptyBatch(): ImportBatch {
  return { records: [], problems: [], notes: [], loaded: [] };
}

/** A record refused, with its problem code and reason. */
export function rejected(code: ProblemCode, reason: string): Normalised {
  return { ok: false, code, reason };
}

/** Records accepted, with an optional note about how they were read. */
export function accepted(records: readonly StreamRecord[], note?: NoteDraft): Normalised {
  return note === undefined ? { ok: true, records } : { ok: true, records, note };
}
