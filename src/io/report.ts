// The import report: counts that always add up, and rejections grouped by reason with the first few lines of each.
import type { FormatDetection } from './detect.ts';
import type { ImportBatch, ImportFormat, ProblemCode } from './types.ts';

/** How many example line numbers a group keeps; the count is always exact. */
export const SAMPLE_LINES = 20;

export const PROBLEM_LABELS: Readonly<Record<ProblemCode, string>> = {
  'bad-json': 'bad JSON',
  'json-structure': 'broken JSON structure',
  'not-an-object': 'not a JSON object',
  'missing-event-name': 'missing event name',
  'bad-event-name': 'event name is not a string',
  'properties-not-object': 'properties is not an object',
  'bad-channel': 'channel is not "track" or "import"',
  'bad-profile-update': 'malformed profile update',
  'bad-time': 'unreadable time',
  'segment-bad-type': 'missing or unknown Segment type',
  'segment-missing-id': 'Segment message without the ids it needs',
  'csv-ragged-row': 'CSV row with the wrong number of fields',
  'csv-bad-quote': 'CSV text after a closing quote',
  'csv-unterminated-quote': 'unterminated CSV quote',
  'har-undecodable': 'request body that cannot be decoded',
  'har-structure': 'broken HAR entry',
  'unknown-format': 'unrecognised file format',
};

/** Rejections of one kind. `example` is the first full reason, which may name a value. */
export interface ReasonGroup {
  readonly code: ProblemCode;
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

export interface ImportReport {
  readonly format: ImportFormat;
  /** Why this format: the detector's words, or "chosen by the caller". */
  readonly formatReason: string;
  readonly linesRead: number;
  readonly events: number;
  readonly profileUpdates: number;
  /** Rejected lines, JSON values or CSV records. */
  readonly rejected: number;
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
    for (const problem of batch.problems) addTo(this.problems, problem.code, problem.line, problem.reason);
    for (const note of batch.notes) addTo(this.notes, note.code, note.line, note.message);
  }

  build(linesRead: number): ImportReport {
    const rejectedByReason = [...this.problems].map(([code, group]) => ({
      code,
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
      notes: [...this.notes].map(([code, group]) => ({ code, message: group.first, ...countsOf(group) })),
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
