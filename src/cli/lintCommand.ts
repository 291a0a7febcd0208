// `idmerge lint`: one pass over a file, the linter beside the reader; findings as text or JSON, errors → exit 1.
import type { Mode } from '../engine/index.ts';
import { createLinter, formatFindingsText, type Finding, type Linter } from '../diagnostics/index.ts';
import { defineCommand, files } from './command.ts';
import { rereadableSource, type CliStreams } from './io.ts';
import { ENGINE_FLAGS, ENGINE_FLAGS_HELP, engineOptions, UsageError } from './options.ts';
import { chooseFormat, IN_FLAG, readerFor, type RecordReader } from './readers.ts';
import { citedRulesFooter } from './rulesCommand.ts';
import { ProblemTally, summaryLine } from './accounting.ts';

export const LINT_USAGE = `Usage: idmerge lint [options] [FILE|-]

Checks a Mixpanel event stream (NDJSON, a JSON array, CSV with a header row, Segment messages, or a HAR
network log; detected automatically) for identity pitfalls under the chosen mode: placeholder ids, shared
devices without reset(), identify() with no event after it, special events the mode ignores, ids Mixpanel
refuses, hot shards, full clusters and more. Prints the findings grouped by severity, or JSON with --json. Reads standard input when
FILE is - or missing.

Exit status: 0 when there is no error-severity finding and every line was read; 1 when there is an error
finding or a line could not be read (reported on standard error with its line number); 2 on a usage mistake.

Options:
${ENGINE_FLAGS_HELP}
  --hot-shard-limit N                 events per distinct_id per UTC day before LIM-4 applies (default 200000)
  --json                              print { mode, findings, lines: { read, rejected } } as JSON
  --format auto|ndjson|json-array|csv|segment-ndjson|segment-json-array|har   input format (default auto);
                                      --in is the same flag (--in har reads a browser network log)
  -h, --help                          show this help`;

const FLAGS = {
  ...ENGINE_FLAGS,
  json: { type: 'boolean', default: false },
  'hot-shard-limit': { type: 'string' },
  format: { type: 'string', default: 'auto' },
  ...IN_FLAG,
} as const;

/** The formats --format takes, as for `idmerge resolve`. */

/** The JSON report `--json` prints. */
export interface LintReport {
  readonly mode: Mode;
  readonly findings: readonly Finding[];
  /** Records read, and lines that could not be read. */
  readonly lines: { readonly read: number; readonly rejected: number };
}

/** Runs the command; returns the exit code (0 clean, 1 error findings or bad lines, 2 usage). */
export const runLint = defineCommand({
  usage: LINT_USAGE,
  flags: FLAGS,
  checks: [files.atMostOne()],
  async run({ values, positionals }, streams) {
    const { mode, options } = engineOptions(values);
    const hotShardLimit = parseHotShardLimit(values['hot-shard-limit']);
    const linter = createLinter(mode, options, hotShardLimit === undefined ? {} : { hotShardLimit });
    const source = await rereadableSource(positionals[0], streams.stdin);
    try {
      const format = await chooseFormat(source.path, source.name, values.in ?? values.format);
      const lines = await readInto(readerFor(source.path, format, mode, source.name), linter, streams);
      const report: LintReport = { mode, findings: linter.finish(), lines };
      streams.stdout.write(render(report, values.json) + '\n');
      return exitCode(report);
    } finally {
      await source.release();
    }
  },
});

function parseHotShardLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--hot-shard-limit must be a whole number of at least 1; got "${text}"`);
  return limit;
}

/** One pass: each record goes to the linter as it is read; unreadable lines are reported as resolve reports them. */
async function readInto(
  reader: RecordReader,
  linter: Linter,
  streams: CliStreams,
): Promise<LintReport['lines']> {
  let read = 0;
  let rejected = 0;
  const tally = new ProblemTally();
  for await (const batch of reader.batches()) {
    for (const problem of batch.problems) {
      streams.stderr.write(`idmerge: line ${problem.line}: ${problem.reason}\n`);
      tally.add(problem);
    }
    rejected += batch.problems.length;
    for (const item of batch.items) linter.observe(item.record, read++, item.line);
  }
  // The same account as `idmerge resolve` prints (accounting.ts), when a line was not used.
  const account = reader.account();
  if (account !== undefined && rejected > 0) streams.stderr.write(summaryLine(account, tally) + '\n');
  const entries = reader.entrySummary?.();
  if (entries !== undefined && rejected > 0) streams.stderr.write(`idmerge: ${entries}\n`);
  if (rejected > 0) {
    const lines = rejected === 1 ? '1 line was' : `${rejected} lines were`;
    streams.stderr.write(`idmerge: ${lines} not read (see above); every other line was checked\n`);
  }
  return { read, rejected };
}

function render(report: LintReport, json: boolean): string {
  if (json) return JSON.stringify(report);
  const text = formatFindingsText(report.findings, { mode: report.mode });
  const { read, rejected } = report.lines;
  const unread = rejected === 0 ? '' : `, ${rejected} unreadable`;
  const footer = citedRulesFooter(text);
  return `${text}\n\n${read.toLocaleString('en-US')} records checked${unread}.${footer === '' ? '' : `\n\n${footer}`}`;
}

function exitCode(report: LintReport): number {
  const hasError = report.findings.some((finding) => finding.severity === 'error');
  return hasError || report.lines.rejected > 0 ? 1 : 0;
}
