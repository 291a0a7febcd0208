// Format detection from the first few KB: content decides, the file name only breaks ties.
import { IDENTITY_EVENT_NAMES } from '../engine/index.ts';
import { createCsvParser } from './csv.ts';
import { planCsvColumns } from './csvEvents.ts';
import { HAR_REASON, looksLikeHar } from './har/detect.ts';
import { createJsonValueScanner, WRAPPER_KEYS } from './jsonValues.ts';
import { isSegmentType } from './segment.ts';
import { isPlainObject, parseJsonText, stripBom } from './text.ts';
import type { ImportFormat } from './types.ts';

/** How much of a file `detectFormat` wants to see. */
export const DETECTION_SAMPLE_SIZE = 8192;

/** The format chosen for a file, and why, in words a user can check. */
export interface FormatDetection {
  readonly format: ImportFormat;
  /** Why, in words a user can check against the file. */
  readonly reason: string;
}

const SEGMENT_ID_KEYS = ['anonymousId', 'userId', 'previousId'] as const;
const SEGMENT_TEXT = /"type"\s*:\s*"(?:track|identify|page|screen|alias|group)"/;
const SEGMENT_ID_TEXT = /"(?:anonymousId|userId|previousId)"\s*:/;
const WRAPPER_TEXT = new RegExp(`^\\{\\s*"(?:${WRAPPER_KEYS.join('|')})"\\s*:\\s*\\[`);

/**
 * The one entry point for telling formats apart: add a new format's detector here, before the line vote if its
 * content is unambiguous. Guesses the format of a file from its first few KB (`DETECTION_SAMPLE_SIZE`; less is
 * fine for small files). First the line vote: when at least half of the first non-blank lines are each a whole
 * JSON object, it is NDJSON (Segment when most of those are Segment messages), so a broken, `42` or CSV-looking
 * first line cannot decide the file. Otherwise `[` → a JSON array (Segment when its first element is a Segment
 * message; Mixpanel import payloads with `$identify`/`$create_alias`/`$merge` are plain json-array). `{` → a JSON
 * document (read as json-array) when it spans lines or wraps its events in `events`/`batch`/… Anything else with
 * a comma in its first line (or a .csv name) → CSV, and else NDJSON, so every line is read and reported.
 */
export function detectFormat(sample: string, fileName?: string): FormatDetection {
  const text = stripBom(sample).trimStart();
  if (text === '') return { format: 'unknown', reason: 'the file is empty' };
  if (looksLikeHar(text)) return { format: 'har', reason: HAR_REASON };
  const vote = voteOnLines(text, sample.length >= DETECTION_SAMPLE_SIZE);
  if (vote.objects.length > 0 && vote.objects.length * 2 >= vote.lines) return detectFromVote(vote);
  if (text.startsWith('[')) return detectArray(text);
  if (text.startsWith('{')) return detectObjectStart(text, fileName);
  return detectDelimited(text, fileName);
}

/** How many lines the vote looks at. */
const VOTE_LINES = 20;

interface LineVote {
  /** Non-blank complete lines looked at. */
  readonly lines: number;
  /** Those that are each one whole JSON object (wrappers of events excluded: they are JSON documents). */
  readonly objects: Record<string, unknown>[];
}

/** Classifies the first VOTE_LINES non-blank lines; the last line is left out when the sample cut it short. */
function voteOnLines(text: string, truncated: boolean): LineVote {
  const lines = text.split(/\r\n|\r|\n/);
  if (truncated && lines.length > 1) lines.pop();
  const sampled = lines.filter((line) => line.trim() !== '').slice(0, VOTE_LINES);
  const objects = sampled
    .map((line) => (line.trimStart().startsWith('{') ? parseJsonText(line) : undefined))
    .flatMap((parsed) => (parsed?.ok === true && isPlainObject(parsed.value) ? [parsed.value] : []))
    .filter((value) => wrapperKeyOf(value) === undefined);
  return { lines: sampled.length, objects };
}

function detectFromVote(vote: LineVote): FormatDetection {
  const [first] = vote.objects;
  const segments = vote.objects.filter((value) => shapeOf(value) === 'segment');
  const base =
    segments.length * 2 > vote.objects.length
      ? {
          format: 'segment-ndjson' as const,
          reason: `first line is a JSON object with ${segmentKeysOf(segments[0] ?? {})}: Segment`,
        }
      : { format: 'ndjson' as const, reason: describeFirstLine(first ?? {}, shapeOf(first)) };
  if (vote.objects.length === vote.lines) return base;
  const share = `${vote.objects.length} of the first ${vote.lines} non-blank lines are JSON objects`;
  return { format: base.format, reason: `${share} (${base.reason}); the others are reported line by line` };
}

type Shape = 'segment' | 'mixpanel-event' | 'mixpanel-profile' | 'other';

function shapeOf(value: unknown): Shape {
  if (!isPlainObject(value)) return 'other';
  if (isSegmentType(value['type']) && SEGMENT_ID_KEYS.some((key) => key in value)) return 'segment';
  if (typeof value['event'] === 'string') return 'mixpanel-event';
  return '$distinct_id' in value ? 'mixpanel-profile' : 'other';
}

function segmentKeysOf(value: Record<string, unknown>): string {
  const keys = ['type', ...SEGMENT_ID_KEYS.filter((key) => key in value)].map((key) => `"${key}"`);
  return keys.length === 1 ? keys.join('') : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1) ?? ''}`;
}

/** The complete values among the sample's first ones, parsed; a truncated value is left out. */
function sampleValues(text: string): unknown[] {
  return createJsonValueScanner()
    .push(text)
    .values.slice(0, 20)
    .map((value) => parseJsonText(value.text))
    .flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
}

function detectArray(text: string): FormatDetection {
  const values = sampleValues(text);
  const first = values[0];
  if (first === undefined)
    return detectByText(text, 'json-array', 'a JSON array (its first element is longer than the sample)');
  if (isPlainObject(first) && shapeOf(first) === 'segment')
    return {
      format: 'segment-json-array',
      reason: `a JSON array whose first element has ${segmentKeysOf(first)}: Segment`,
    };
  return { format: 'json-array', reason: `a JSON array ${describeMixpanelValues(values)}` };
}

function describeMixpanelValues(values: readonly unknown[]): string {
  const identity = values.find(
    (value) => isPlainObject(value) && IDENTITY_EVENT_NAMES.has(String(value['event'])),
  );
  if (isPlainObject(identity))
    return `of Mixpanel events with ${String(identity['event'])}: an import payload`;
  const shape = shapeOf(values[0]);
  if (shape === 'mixpanel-event') return 'of Mixpanel events';
  if (shape === 'mixpanel-profile') return 'of Mixpanel profile updates';
  return 'whose first element is not a Mixpanel event: elements are checked one by one';
}

function detectObjectStart(text: string, fileName: string | undefined): FormatDetection {
  const newline = text.indexOf('\n');
  const firstLine = parseJsonText(newline === -1 ? text : text.slice(0, newline));
  if (firstLine.ok && isPlainObject(firstLine.value)) return detectFirstLineObject(firstLine.value);
  if (newline !== -1 && isSecondLineObject(text, newline))
    return { format: 'ndjson', reason: 'the first line is broken but the next one is a JSON object: NDJSON' };
  if (newline !== -1) return detectDocument(text);
  const named = fileName?.toLowerCase().endsWith('.json') === true;
  return detectByText(text, named ? 'json-array' : 'ndjson', 'a JSON object longer than the sample');
}

function detectFirstLineObject(value: Record<string, unknown>): FormatDetection {
  const wrapper = wrapperKeyOf(value);
  if (wrapper !== undefined) return detectWrapper(value, wrapper);
  const shape = shapeOf(value);
  if (shape === 'segment')
    return {
      format: 'segment-ndjson',
      reason: `first line is a JSON object with ${segmentKeysOf(value)}: Segment`,
    };
  return { format: 'ndjson', reason: describeFirstLine(value, shape) };
}

function describeFirstLine(value: Record<string, unknown>, shape: Shape): string {
  if (shape === 'mixpanel-profile') return 'first line is a Mixpanel profile update ("$distinct_id"): NDJSON';
  if (shape === 'other')
    return 'first line is a JSON object without "event": NDJSON, lines without an event are rejected';
  const properties = value['properties'];
  const exported = isPlainObject(properties) && 'mp_processing_time_ms' in properties;
  return `first line is a JSON object with "event" and "properties": Mixpanel NDJSON${exported ? ' (an export)' : ''}`;
}

function wrapperKeyOf(value: Record<string, unknown>): string | undefined {
  return WRAPPER_KEYS.find((key) => Array.isArray(value[key]));
}

function detectWrapper(value: Record<string, unknown>, key: string): FormatDetection {
  const elements = value[key] as unknown[];
  const segment = shapeOf(elements[0]) === 'segment';
  const reason = `a JSON object wrapping its ${segment ? 'Segment messages' : 'events'} in "${key}"`;
  return { format: segment ? 'segment-json-array' : 'json-array', reason };
}

function isSecondLineObject(text: string, newline: number): boolean {
  const end = text.indexOf('\n', newline + 1);
  const second = parseJsonText(text.slice(newline + 1, end === -1 ? text.length : end));
  return second.ok && isPlainObject(second.value);
}

/** A JSON object spread over several lines: one event, a wrapper, or pretty-printed objects in a row. */
function detectDocument(text: string): FormatDetection {
  const first = sampleValues(text)[0];
  if (first === undefined) return detectByText(text, 'json-array', 'a JSON object spanning several lines');
  const segment = shapeOf(first) === 'segment';
  const reason = `a JSON ${segment ? 'Segment message' : 'object'} spanning several lines`;
  return { format: segment ? 'segment-json-array' : 'json-array', reason };
}

/** When no value is complete within the sample, the keys it shows still tell Segment from Mixpanel. */
function detectByText(text: string, fallback: 'json-array' | 'ndjson', what: string): FormatDetection {
  const wrapped = WRAPPER_TEXT.test(text);
  const segment = SEGMENT_TEXT.test(text) && SEGMENT_ID_TEXT.test(text);
  const format = wrapped ? 'json-array' : fallback;
  if (!segment) return { format, reason: `${what}; no Segment "type" seen` };
  return {
    format: format === 'ndjson' ? 'segment-ndjson' : 'segment-json-array',
    reason: `${what} with Segment keys`,
  };
}

function detectDelimited(text: string, fileName: string | undefined): FormatDetection {
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const named = fileName?.toLowerCase().endsWith('.csv') === true;
  if (!firstLine.includes(',') && !named) {
    const tabs = firstLine.includes('\t') ? ' (tab-separated files are not supported: save it as CSV)' : '';
    const reason = `first line is neither JSON nor a comma-separated header${tabs}: read line by line as NDJSON, so each line is reported`;
    return { format: 'ndjson', reason };
  }
  return { format: 'csv', reason: describeHeader(text) };
}

function describeHeader(text: string): string {
  const parser = createCsvParser();
  const header = parser.push(text).records[0] ?? parser.end().records[0];
  const plan = planCsvColumns(header?.cells ?? []);
  const eventColumn = plan.columns[plan.targets.findIndex((target) => target.kind === 'event')];
  if (eventColumn === undefined)
    return 'first line is a comma-separated header without an event column (event, event_name or name): rows will be rejected';
  const count = plan.columns.length === 1 ? '1 column' : `${plan.columns.length} columns`;
  return `first line is a comma-separated header of ${count} with the event in "${eventColumn}"`;
}
