// `idmerge compare`: one read of a file, every chosen mode resolved side by side, the numbers that differ.
import { MODES, type Mode } from '../engine/index.ts';
import {
  capSplits,
  ComparisonBuilder,
  DEFAULT_WINDOW_SECONDS,
  modeVariants,
  parseWindow,
  reportOf,
  type FunnelSpec,
} from '../compare/index.ts';
import { defineCommand, files } from './command.ts';
import { rereadableSource, type CliStreams } from './io.ts';
import { formatCompareText } from './compareText.ts';
import { ENGINE_FLAGS, ENGINE_FLAGS_HELP, engineOptions, UsageError } from './options.ts';
import { chooseFormat, readerFor, type RecordReader } from './readers.ts';

export const COMPARE_USAGE = `Usage: idmerge compare [options] [FILE|-]

Resolves a Mixpanel event stream (NDJSON, a JSON array, CSV with a header row, or Segment messages; detected
automatically) under several identity systems in one read, and prints what each counts, side by side, with the
events that resolve differently and the identities one mode counts as one user and another as several.
Reads standard input when FILE is - or missing.

Definitions (the app's Compare view uses the same ones):
  events           event records (profile updates excluded), rejected ones included
  rejected         events refused as placeholder ids (LIM-1): attributed to no one
  users            distinct resolved distinct_ids among the accepted events (profile updates excluded;
                   an event with no usable id resolves to "" and counts for no one)
  identifiedUsers  users whose cluster holds a user id (an id sent as $user_id, $identified_id or alias,
                   or one never sent as an anonymous id that is neither $device: nor GUID-shaped)
  anonymousUsers   the other users (users = identifiedUsers + anonymousUsers)
  clusters         identities holding two or more ids; largestCluster: the most ids one identity holds
  failures         identity requests refused (S-9, O-7, O-11, O-14, L-2 …)
  funnel           users who did the steps in order, the last within the window of the first
                   (Mixpanel's funnels; default 30 days), counted by resolved distinct_id
  differences      events: events whose resolved distinct_id differs between two modes; splits: identities
                   that are one user in one mode and several in another, with the rules that make it so

Options:
  --modes LIST                        modes to compare, comma-separated (default simplified,original,legacy)
  --funnel "STEP,STEP,…"              event names of a funnel, in order
  --window DURATION                   the funnel's conversion window: 30d (default), 12h, 2w, 90m
  --json                              print {"modes": {…}, "differences": {"events", "splits"}} as JSON
  --max-splits N                      with --json, list at most N splits (the biggest first) and add
                                      differences.splitCount, how many there are in all (default: every one)
${ENGINE_FLAGS_HELP.split('\n').slice(1).join('\n')}
  --format auto|ndjson|json-array|csv|segment-ndjson|segment-json-array   input format (default auto)
  -h, --help                          show this help

Exit status: 0; 1 when a line could not be read (reported on standard error with its number; the rest is
compared); 2 on a usage mistake.`;

const { mode: _mode, ...OPTION_FLAGS } = ENGINE_FLAGS;
const FLAGS = {
  ...OPTION_FLAGS,
  modes: { type: 'string', default: MODES.join(',') },
  funnel: { type: 'string' },
  window: { type: 'string', default: '30d' },
  json: { type: 'boolean', default: false },
  'max-splits': { type: 'string' },
  format: { type: 'string', default: 'auto' },
} as const;

/** Runs the command; returns the exit code (0 ok, 1 some lines were bad, 2 usage). */
export const runCompare = defineCommand({
  usage: COMPARE_USAGE,
  flags: FLAGS,
  checks: [files.atMostOne()],
  async run({ values, positionals }, streams) {
    const modes = parseModes(values.modes);
    const funnel = parseFunnel(values.funnel, values.window);
    const maxSplits = parseMaxSplits(values['max-splits']);
    const { options } = engineOptions(values);
    const source = await rereadableSource(positionals[0], streams.stdin);
    try {
      const format = await chooseFormat(source.path, source.name, values.format);
      const builder = new ComparisonBuilder(modeVariants(modes, options));
      const problems = await readInto(
        readerFor(source.path, format, modes[0]!, source.name),
        builder,
        streams,
      );
      const report = reportOf(builder.finish(), funnel);
      const json = () => JSON.stringify(maxSplits === undefined ? report : capSplits(report, maxSplits));
      streams.stdout.write((values.json ? json() : formatCompareText(report, funnel, builder.size)) + '\n');
      return problems === 0 ? 0 : 1;
    } finally {
      await source.release();
    }
  },
});

function parseModes(text: string): Mode[] {
  const modes = text.split(',').map((mode) => mode.trim());
  for (const mode of modes) {
    if (!MODES.includes(mode as Mode))
      throw new UsageError(`--modes takes ${MODES.join(', ')} (comma-separated); got "${mode}"`);
  }
  if (new Set(modes).size !== modes.length) throw new UsageError('--modes names a mode twice');
  return modes as Mode[];
}

function parseMaxSplits(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const max = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(max))
    throw new UsageError(`--max-splits takes a whole number of splits (0 or more); got "${text}"`);
  return max;
}

function parseFunnel(steps: string | undefined, window: string): FunnelSpec | undefined {
  const windowSeconds = parseWindow(window);
  if (windowSeconds === undefined)
    throw new UsageError(`--window takes a duration such as 30d, 12h or 2w; got "${window}"`);
  if (steps === undefined) return undefined;
  const names = steps.split(',').map((step) => step.trim());
  if (names.some((name) => name === ''))
    throw new UsageError('--funnel takes event names separated by commas, none empty');
  return { steps: names, windowSeconds: windowSeconds ?? DEFAULT_WINDOW_SECONDS };
}

/** The single read: every record goes to every mode's resolver; unreadable lines are reported and skipped. */
async function readInto(
  reader: RecordReader,
  builder: ComparisonBuilder,
  streams: CliStreams,
): Promise<number> {
  let problems = 0;
  for await (const batch of reader.batches()) {
    for (const problem of batch.problems)
      streams.stderr.write(`idmerge: line ${problem.line}: ${problem.reason}\n`);
    problems += batch.problems.length;
    for (const item of batch.items) builder.add(item.record);
  }
  if (problems > 0) {
    const lines = problems === 1 ? '1 line was' : `${problems} lines were`;
    streams.stderr.write(`idmerge: ${lines} not read (see above); every other line was compared\n`);
  }
  return problems;
}
