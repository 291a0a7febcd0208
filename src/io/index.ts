// Public entry of io: parse → validate → normalise files into engine records, and write results back out.
/** io's data types: batches, records, problems, formats and reports. */
export type {
  ImportBatch,
  ImportedRecord,
  ImportFormat,
  ImportNote,
  ImportProblem,
  Normalised,
  NoteDraft,
  ProblemCode,
} from './types.ts';
export { IMPORT_FORMATS } from './types.ts';
export { createLineSplitter, type LineSplitter, type NumberedLine } from './lines.ts';
export { detectFormat, DETECTION_SAMPLE_SIZE, type FormatDetection } from './detect.ts';
export { createCsvParser, type CsvChunk, type CsvFault, type CsvParser, type CsvRecord } from './csv.ts';
export {
  csvColumnForProperty,
  csvRowToRecord,
  planCsvColumns,
  type ColumnTarget,
  type CsvColumnPlan,
} from './csvEvents.ts';
export {
  createJsonValueScanner,
  WRAPPER_KEYS,
  type JsonScan,
  type JsonStructureIssue,
  type JsonValueScanner,
  type JsonValueText,
} from './jsonValues.ts';
export { describeBadChannel, normaliseMixpanel, PROFILE_OPERATIONS } from './mixpanel.ts';
export { checkEventFields, type FieldProblem } from './fields.ts';
export {
  ACCOUNT_FIELDS,
  accountReport,
  problemKind,
  LineAccounting,
  type AccountReason,
  type AccountReport,
  type LineAccount,
} from './report.ts';
export { DEFAULT_MAX_LINE_LENGTH, LineTally } from './lines.ts';
export { isBlankLine, MAX_JSON_DEPTH, nestsDeeperThan, tooLongReason } from './text.ts';
export { TOO_DEEP_REASON } from './sources.ts';
export {
  isSegmentType,
  NAMELESS_SCREEN_EVENT,
  normaliseSegment,
  PAGE_EVENT,
  SEGMENT_TYPES,
  type SegmentType,
} from './segment.ts';
export { parseEventTime, parseIsoTime } from './time.ts';
export { exportSignOf, hasRawIdentity, rederiveIdentity, type ExportSign } from './mixpanelExport.ts';
export {
  createImporter,
  importText,
  INVALID_UTF8_NOTE,
  type Importer,
  type ImporterOptions,
} from './importer.ts';
export {
  ImportReportBuilder,
  PROBLEM_LABELS,
  SAMPLE_LINES,
  type ImportReport,
  type NoteGroup,
  type ReasonGroup,
} from './report.ts';
export {
  csvColumnsFor,
  formatCsvCell,
  recordToNdjsonLine,
  toCsv,
  toCsvLine,
  toCsvRow,
  toNdjsonLine,
  type CsvWriteOptions,
} from './exportWriters.ts';
export {
  failureProperties,
  OUTPUT_PROPERTIES,
  resolvedEvents,
  toResolvedEvent,
  type ResolvedEventOptions,
} from './resolvedRows.ts';
