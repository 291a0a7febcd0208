// `idmerge import --as-scenario FILE`: a recorded stream (a HAR, or any format resolve reads) → scenario JSON.
import { basename } from 'node:path';
import type { StreamRecord } from '../engine/index.ts';
import { scenarioFromLog } from '../scenarios/fromLog.ts';
import { replayDifferences } from '../scenarios/fromLogReplay.ts';
import { HarReader } from './harReader.ts';
import { defineCommand, files } from './command.ts';
import { rereadableSource } from './io.ts';
import { chooseFormat, IN_FLAG, readerFor } from './readers.ts';

export const IMPORT_USAGE = `Usage: idmerge import --as-scenario [options] [FILE|-]

Infers the SDK and server calls that produced a recorded stream, and prints them as the scenario JSON that
\`idmerge simulate\` and the app read. FILE is a browser network log (HAR) or any file \`idmerge resolve\` reads.
Devices come from $device_id, track from events, identify from $identify, alias from $create_alias, reset where
an identified device's id is replaced, people.* from profile updates, server calls for events no client SDK sent.

Private by default: the scenario keeps event names and identity fields only. Profile properties keep their names
with the value "(redacted)". The project token, headers and cookies never appear.

Options:
  --as-scenario                       print the inferred scenario (required)
  --keep NAME[,NAME…]                 also keep these properties' values
  --include-failed                    HAR: include requests that failed (status ≥ 400 or no response)
  --format|--in FORMAT                input format (default auto; see idmerge resolve --help)
  -h, --help                          show this help

Exit status: 0, or 1 when some input could not be read or the replay would not send the same identity fields
(both reported on standard error); 2 on a usage mistake.`;

const FLAGS = {
  'as-scenario': { type: 'boolean', default: false },
  keep: { type: 'string' },
  'include-failed': { type: 'boolean', default: false },
  format: { type: 'string', default: 'auto' },
  ...IN_FLAG,
} as const;

/** Runs the command; returns the exit code. */
export const runImport = defineCommand({
  usage: IMPORT_USAGE,
  flags: FLAGS,
  checks: [
    ({ values }) =>
      values['as-scenario'] ? undefined : 'import needs --as-scenario (to resolve a file, use resolve)',
    files.atMostOne(),
  ],
  async run({ values, positionals }, streams) {
    const source = await rereadableSource(positionals[0], streams.stdin);
    try {
      const format = await chooseFormat(source.path, source.name, values.in ?? values.format);
      const reader =
        format === 'har'
          ? new HarReader(source.path, 'simplified', values['include-failed'])
          : readerFor(source.path, format, 'simplified', source.name);
      const records: StreamRecord[] = [];
      let problems = 0;
      for await (const batch of reader.batches()) {
        for (const problem of batch.problems)
          streams.stderr.write(`idmerge: line ${problem.line}: ${problem.reason}\n`);
        problems += batch.problems.length;
        for (const item of batch.items) records.push(item.record);
      }
      const keepProperties = (values.keep ?? '').split(',').filter((name) => name !== '');
      const title = source.name === undefined ? 'standard input' : basename(source.name);
      const scenario = scenarioFromLog(records, { title, keepProperties });
      streams.stdout.write(JSON.stringify(scenario, null, 2) + '\n');
      const differences = replayDifferences(records, scenario);
      for (const { record, difference } of differences)
        streams.stderr.write(`idmerge: the replay differs at record ${record}: ${difference}\n`);
      return problems > 0 || differences.length > 0 ? 1 : 0;
    } finally {
      await source.release();
    }
  },
});
