// The import report: counts that always add up, and rejections grouped by reason with the first few lines of each.
import type { FormatDetection } from './detect.ts';
import type { ImportBatch, ImportFormat, ProblemCode } from './types.ts';

/** How many example line numbers a group keeps; the count is always exact. */
export const SAMPLE_LINES = 20;

/** Each problem code in words, for the import report. */
export const PROBLEM_LABELS: Readonly<Record<ProblemCode, string>> = {
  'bad-json': 'bad JSON',
  'json-structure': 'broken JSON structure',
  'not-an-object': 'not a JSON object',
  'missing-event-name': 'missing event name',
  'bad-event-name': 'event name is not a string',
  'properties-not-object': 'properties is not an object',
  'bad-channel': 'channel is not "track" or "import"',
  'bad-profile-update': 'malformed profile update',
  'bad-time': 'time that is not a usable date',
  'segment-bad-type': 'missing or unknown Segment type',
  'segment-missing-id': 'Segment message without the ids it needs',
  'csv-ragged-row': 'CSV row with the wrong number of fields',
  'csv-bad-quote': 'CSV text after a closing quote',
  'csv-unterminated-quote': 'unterminated CSV quote',
  'har-undecodable': 'request body that cannot be decoded',
  'har-structure': 'broken HAR entry',
  'unknown-format': 'unrecognised file format',
  'line-too-long': 'line longer than the limit',
  'too-deep': 'JSON nested too deeply',
  'bad-id': 'id that is not a string or a number',
  'bad-insert-id': '$insert_id that is not a string or a number',
};

/**
 * Problems that mean the text could not be read as a value at all (unreadable), as opposed to a value that was
 * read but is not a valid event (rejected).
 */
const UNREADABLE_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'bad-json',
  'json-structure',
  'csv-bad-quote',
  'csv-unterminated-quote',
  'unknown-format',
  'line-too-long',
  'too-deep',
]);

/** Whether a problem means unreadable text (bad JSON, a broken quote, an oversized line) or a rejected value. */
export function problemKind(code: ProblemCode): 'unreadable' | 'rejected' {
  return UNREADABLE_CODES.has(code) ? 'unreadable' : 'rejected';
}

/**
 * Where every line went. Two identities always hold: `values = loaded + rejected + unreadable` (a value is an
 * NDJSON line, a JSON value or a CSV record, and each is counted once), and `linesRead = blankLines +
 * valueLines + otherLines`, where valueLines are the lines on which at least one value starts and other lines
 * carry none (a CSV header, array brackets, the inside of a multi-line value). For NDJSON, otherLines is 0.
 */
export interface LineAccount {
  readonly linesRead: number;
  readonly blankLines: number;
  readonly valueLines: number;
  readonly otherLines: number;
  readonly values: number;
  /** Values that gave events or profile updates (or only a note, like a Segment group call). */
  readonly loaded: number;
  /** Values read but refused: no event name, a bad channel, time or id… */
  readonly rejected: number;
  /** Text that could not be read as a value: bad JSON, a broken CSV quote, an oversized line… */
  readonly unreadable: number;
}

/** Counts values and the distinct lines they start on; values arrive in file order, batch by batch. */
export class LineAccounting {
  private loaded = 0;
  private rejected = 0;
  private unreadable = 0;
  private valueLines = 0;
  private lastLine = 0;
  private pending: number[] = [];

  /** A value that was loaded (records, or only a note), starting on `line`. */
  addLoaded(line: number): void {
    this.loaded++;
    this.pending.push(line);
  }

  addProblem(line: number, code: ProblemCode): void {
    if (problemKind(code) === 'unreadable') this.unreadable++;
    else this.rejected++;
    this.pending.push(line);
  }

  /** Counts the distinct lines of the values added since the last call (sorted, as a batch may mix kinds). */
  private settle(): void {
    if (this.pending.length === 0) return;
    const lines = this.pending.sort((a, b) => a - b);
    for (const line of lines) {
      if (line <= this.lastLine) continue;
      this.valueLines++;
      this.lastLine = line;
    }
    this.pending = [];
  }

  build(linesRead: number, blankLines: number): LineAccount {
    this.settle();
    const values = this.loaded + this.rejected + this.unreadable;
    return {
      linesRead,
      blankLines,
      valueLines: this.valueLines,
      otherLines: Math.max(0, linesRead - blankLines - this.valueLines),
      values,
      loaded: this.loaded,
      rejected: this.rejected,
      unreadable: this.unreadable,
    };
  }
}

/** Rejections of one kind. `example` is the first full reason, which may name a value. */
export interface ReasonGroup {
  readonly code: ProblemCode;
  /** Unreadable text, or a value read and rejected. */
  readonly kind: 'unreadable' | 'rejected';
  readonly label: string;
  readonly count: number;
  readonly lines: readonly number[];
  readonly example: string;
}

/** Notes of one kind, e.g. every ignored Segment group call. */
export interface NoteGroup {
  readonly code: string;
  readonly message: string;
  readonly count: number;
  readonly lines: readonly number[];
}

/** The account of one import: the format and why, counts, every line accounted for, rejections and notes by reason. */
export interface ImportReport {
  readonly format: ImportFormat;
  /** Why this format: the detector's words, or "chosen by the caller". */
  readonly formatReason: string;
  readonly linesRead: number;
  readonly events: number;
  readonly profileUpdates: number;
  /** Rejected or unreadable lines, JSON values or CSV records (see `accounting` for the split). */
  readonly rejected: number;
  /** Where every line went; the counts add up (see LineAccount). */
  readonly accounting: LineAccount;
  readonly rejectedByReason: readonly ReasonGroup[];
  readonly notes: readonly NoteGroup[];
  /** G-6: the file looks like a Mixpanel export, whose distinct_ids are already resolved. */
  readonly looksLikeMixpanelExport: boolean;
}

interface MutableGroup {
  count: number;
  readonly lines: number[];
  readonly first: string;
}

/** Accumulates batches; `build` can be called at any time, e.g. for a progress display. */
export class ImportReportBuilder {
  private detection: FormatDetection = { format: 'unknown', reason: 'not detected yet' };
  private events = 0;
  private profileUpdates = 0;
  private readonly problems = new Map<ProblemCode, MutableGroup>();
  private readonly notes = new Map<string, MutableGroup>();
  private looksLikeExport = false;
  private readonly accounting = new LineAccounting();

  setFormat(detection: FormatDetection): void {
    this.detection = detection;
  }

  setLooksLikeExport(looksLikeExport: boolean): void {
    this.looksLikeExport = looksLikeExport;
  }

  add(batch: ImportBatch): void {
    for (const { record } of batch.records) {
      if (record.kind === 'event') this.events++;
      else this.profileUpdates++;
    }
    for (const problem of batch.problems) {
      addTo(this.problems, problem.code, problem.line, problem.reason);
      this.accounting.addProblem(problem.line, problem.code);
    }
    for (const line of batch.loaded) this.accounting.addLoaded(line);
    for (const note of batch.notes) addTo(this.notes, note.code, note.line, note.message);
  }

  build(linesRead: number, blankLines = 0): ImportReport {
    const rejectedByReason = [...this.problems].map(([code, group]) => ({
      code,
      kind: problemKind(code),
      label: PROBLEM_LABELS[code],
      count: group.count,
      lines: [...group.lines],
      example: group.first,
    }));
    return {
      format: this.detection.format,
      formatReason: this.detection.reason,
      linesRead,
      events: this.events,
      profileUpdates: this.profileUpdates,
      rejected: rejectedByReason.reduce((sum, group) => sum + group.count, 0),
      rejectedByReason,
      accounting: this.accounting.build(linesRead, blankLines),
      // In file order (then by code), so the report does not depend on how the text was cut into chunks.
      notes: [...this.notes]
        .map(([code, group]) => ({ code, message: group.first, ...countsOf(group) }))
        .sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0) || a.code.localeCompare(b.code)),
      looksLikeMixpanelExport: this.looksLikeExport,
    };
  }
}

function addTo<K>(groups: Map<K, MutableGroup>, key: K, line: number | undefined, text: string): void {
  let group = groups.get(key);
  if (group === undefined) {
    group = { count: 0, lines: [], first: text };
    groups.set(key, group);
  }
  group.count++;
  if (line !== undefined && group.lines.length < SAMPLE_LINES) group.lines.push(line);
}

function countsOf(group: MutableGroup): { count: number; lines: number[] } {
  return { count: group.count, lines: [...group.lines] };
}

/** Problems of one reason, as an account lists them: exact count, the first few line numbers, one example. */
export interface AccountReason {
  readonly code: ProblemCode;
  readonly label: string;
  readonly count: number;
  readonly lines: readonly number[];
  readonly example: string;
}

/**
 * Every line of a read, in one shape for every reader of it: `idmerge resolve --report json` prints it, and the
 * app's import report shows its fields. Reasons are split by kind and ordered by count, then by first line.
 */
export interface AccountReport extends LineAccount {
  readonly format: ImportFormat;
  readonly rejectedByReason: readonly AccountReason[];
  readonly unreadableByReason: readonly AccountReason[];
}

/** The account report of a read: its line account and its problems grouped by reason (any order). */
export function accountReport(
  format: ImportFormat,
  account: LineAccount,
  groups: Iterable<Pick<AccountReason, 'code' | 'count' | 'lines' | 'example'>>,
): AccountReport {
  const all = [...groups]
    .map(({ code, count, lines, example }) => ({ code, label: PROBLEM_LABELS[code], count, lines, example }))
    .sort((a, b) => b.count - a.count || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return {
    format,
    ...account,
    rejectedByReason: all.filter((group) => problemKind(group.code) === 'rejected'),
    unreadableByReason: all.filter((group) => problemKind(group.code) === 'unreadable'),
  };
}

/** The fields of a LineAccount, labelled once for every place that shows them. */
export const ACCOUNT_FIELDS: ReadonlyArray<{ readonly key: keyof LineAccount; readonly label: string }> = [
  { key: 'linesRead', label: 'Lines read' },
  { key: 'loaded', label: 'Values loaded' },
  { key: 'rejected', label: 'Values rejected' },
  { key: 'unreadable', label: 'Unreadable' },
  { key: 'blankLines', label: 'Blank lines' },
  { key: 'otherLines', label: 'Other lines (headers, brackets, continuations)' },
];
