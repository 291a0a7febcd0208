// The CLI's account of every line: the stderr summary and `--report json`, from the reader's LineAccount.
import { accountReport, PROBLEM_LABELS, problemKind, SAMPLE_LINES } from '../io/index.ts';
import type { ImportFormat, LineAccount, ProblemCode } from '../io/index.ts';
import type { LineProblem } from './readers.ts';

interface Group {
  count: number;
  readonly lines: number[];
  readonly example: string;
}

/** Problems grouped by code, with an exact count and the first SAMPLE_LINES lines of each. */
export class ProblemTally {
  private readonly groups = new Map<ProblemCode, Group>();
  total = 0;

  add(problem: LineProblem): void {
    let group = this.groups.get(problem.code);
    if (group === undefined) {
      group = { count: 0, lines: [], example: problem.reason };
      this.groups.set(problem.code, group);
    }
    group.count++;
    this.total++;
    if (group.lines.length < SAMPLE_LINES) group.lines.push(problem.line);
  }

  /** The groups of one kind, largest first. */
  byKind(kind: 'rejected' | 'unreadable'): Array<{ code: ProblemCode } & Group> {
    return [...this.groups]
      .filter(([code]) => problemKind(code) === kind)
      .map(([code, group]) => ({ code, ...group }))
      .sort((a, b) => b.count - a.count);
  }
}

/** The one-line summary: lines read = loaded + rejected (by reason) + unreadable (by reason) + blank + other. */
export function summaryLine(account: LineAccount, tally: ProblemTally): string {
  const reasons = (kind: 'rejected' | 'unreadable') => {
    const groups = tally.byKind(kind).map((group) => `${PROBLEM_LABELS[group.code]}: ${group.count}`);
    return groups.length === 0 ? '' : ` (${groups.join(', ')})`;
  };
  const values =
    account.values === account.valueLines
      ? ''
      : ` (${plural(account.values, 'value')} on ${plural(account.valueLines, 'line')})`;
  const parts = [
    `${account.loaded} loaded`,
    `${account.rejected} rejected${reasons('rejected')}`,
    `${account.unreadable} unreadable${reasons('unreadable')}`,
    `${account.blankLines} blank`,
  ];
  if (account.otherLines > 0)
    parts.push(`${account.otherLines} other (headers, brackets, continuation lines of multi-line values)`);
  return `idmerge: ${plural(account.linesRead, 'line')} read${values}: ${parts.join(', ')}`;
}

/** `--report json`: the same account, machine-readable; the app's import report shows the same fields. */
export function reportJson(format: ImportFormat, account: LineAccount, tally: ProblemTally): string {
  return JSON.stringify(
    accountReport(format, account, [...tally.byKind('rejected'), ...tally.byKind('unreadable')]),
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
