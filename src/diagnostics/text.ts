// Findings as readable text, grouped by severity: the words of the catalogue, the counts, the first events.
import type { Mode } from '../engine/index.ts';
import { plural } from './words.ts';
import { SEVERITIES, type EventRef, type Finding, type Severity } from './types.ts';

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const WIDTH = 100;

export interface TextOptions {
  readonly mode: Mode;
  /** How many events to list per finding. Default 5. */
  readonly eventsShown?: number;
  /** How many ids to list per finding. Default 5. */
  readonly idsShown?: number;
}

/**
 * An event's number: its 1-based position among the file's records, the number the app's table shows in its "#"
 * column and its "Go to event" box takes. One numbering for the app, the CLI and the tests.
 */
export function eventNumber(index: number): string {
  return `#${index + 1}`;
}

/** "event #11 (line 12)", or "event #11" when the line is unknown: the number first, the file's line after. */
export function describeEventRef(ref: EventRef): string {
  const event = `event ${eventNumber(ref.index)}`;
  return ref.line === undefined ? event : `${event} (line ${ref.line})`;
}

/** The whole report: a summary line, then each severity's findings. */
export function formatFindingsText(findings: readonly Finding[], options: TextOptions): string {
  const lines = [summaryLine(findings, options.mode)];
  for (const severity of SEVERITIES) {
    const group = findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const finding of group) lines.push('', ...findingLines(finding, options));
  }
  return lines.join('\n');
}

function summaryLine(findings: readonly Finding[], mode: Mode): string {
  if (findings.length === 0) return `No findings (mode: ${mode}).`;
  const counts = SEVERITIES.map((severity) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return severity === 'info' ? `${count} info` : plural(count, severity);
  });
  return `${plural(findings.length, 'finding')} (mode: ${mode}): ${counts.join(', ')}.`;
}

function findingLines(finding: Finding, options: TextOptions): string[] {
  const lines = [
    `  [${finding.severity}] ${finding.title} (${finding.id})`,
    `    ${plural(finding.count, 'event')} · rule ${finding.rule}`,
    ...wrap(finding.explanation, WIDTH - 4).map((line) => `    ${line}`),
  ];
  const ids = finding.ids ?? [];
  if (ids.length > 0)
    lines.push(
      `    ids: ${listWithRest(
        ids.map((id) => JSON.stringify(id)),
        finding.idCount ?? ids.length,
        options.idsShown ?? 5,
      )}`,
    );
  const events = finding.events.map(describeEventRef);
  if (events.length > 0)
    lines.push(`    events: ${listWithRest(events, finding.count, options.eventsShown ?? 5)}`);
  return lines;
}

/** The first `shown` items, then "… and N more" out of `total`. */
function listWithRest(items: readonly string[], total: number, shown: number): string {
  const head = items.slice(0, shown).join(', ');
  const rest = total - Math.min(shown, items.length);
  return rest > 0 ? `${head} … and ${rest.toLocaleString('en-US')} more` : head;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}
