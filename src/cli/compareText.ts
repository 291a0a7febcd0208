// `idmerge compare` for a terminal: one column per mode, the difference from the first mode in percent.
import {
  percentChange,
  share,
  type CompareReport,
  type FunnelSpec,
  type Split,
  type VariantSummary,
} from '../compare/index.ts';

type Count = Exclude<keyof VariantSummary, 'funnel'>;

const ROWS: ReadonlyArray<readonly [Count, string]> = [
  ['events', 'events'],
  ['rejected', 'rejected'],
  ['users', 'users'],
  ['identifiedUsers', 'identified users'],
  ['anonymousUsers', 'anonymous users'],
  ['clusters', 'clusters (2+ ids)'],
  ['largestCluster', 'largest cluster'],
  ['failures', 'failed identity requests'],
];

/** How many splits the text lists (all are in --json). */
const SPLITS_SHOWN = 10;

/** The report as an aligned table, then the funnel, the differing events and the biggest splits. */
export function formatCompareText(
  report: CompareReport,
  funnel: FunnelSpec | undefined,
  records: number,
): string {
  const modes = Object.keys(report.modes);
  const summaries = modes.map((mode) => report.modes[mode]!);
  const rows: string[][] = [['', ...modes]];
  for (const [key, label] of ROWS) rows.push([label, ...cells(summaries.map((s) => s[key]))]);
  if (funnel !== undefined) {
    rows.push([`funnel (${windowText(funnel.windowSeconds)} window)`, ...modes.map(() => '')]);
    funnel.steps.forEach((step, at) => {
      rows.push([`  ${at + 1}. ${step}`, ...cells(summaries.map((s) => s.funnel[at]?.users ?? 0))]);
    });
    const last = funnel.steps.length - 1;
    rows.push(['  conversion', ...summaries.map((s) => conversion(s, last))]);
  }
  const lines = [table(rows), ''];
  const events = summaries[0]?.events ?? 0;
  lines.push(
    `events resolved differently: ${report.differences.events} of ${events} (${records} records read)`,
  );
  const { splits } = report.differences;
  lines.push(
    `splits and merges: ${splits.length}${splits.length > SPLITS_SHOWN ? ` (the ${SPLITS_SHOWN} biggest)` : ''}`,
  );
  for (const split of splits.slice(0, SPLITS_SHOWN)) lines.push(`  ${describeSplit(split)}`);
  return lines.join('\n');
}

/** Values, each after the first with its difference from the first in percent. */
function cells(values: readonly number[]): string[] {
  const base = values[0] ?? 0;
  return values.map((value, at) => (at === 0 ? `${value}` : `${value} (${percentChange(value, base)})`));
}

function conversion(summary: VariantSummary, last: number): string {
  return share(summary.funnel[last]?.users ?? 0, summary.funnel[0]?.users ?? 0);
}

function windowText(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}-day`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600}-hour`;
  return `${seconds}-second`;
}

function describeSplit(split: Split): string {
  const into = split.into.length > 3 ? [...split.into.slice(0, 3), '…'] : split.into;
  return (
    `${split.user}: one user on ${split.joinedIn}, ${split.into.length} on ${split.splitIn} ` +
    `(${into.join(', ')}); ${split.events} events; ${split.rules.join(', ')}`
  );
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}
