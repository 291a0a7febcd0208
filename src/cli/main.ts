// The `idmerge` command line: one entry, subcommands over the same engine the app uses.
import { readFile } from 'node:fs/promises';
import type { CliStreams } from './io.ts';
import { UsageError } from './options.ts';
import { runResolve } from './resolveCommand.ts';

export const USAGE = `idmerge: Mixpanel ID Merge, resolved and explained (ID Merge Lab)

Usage:
  idmerge resolve [options] [FILE|-]     resolve an event stream; NDJSON out (--help for options)
  idmerge resolve --mappings [FILE|-]    the identity mappings table (distinct_id → resolved_distinct_id)
  idmerge simulate SCENARIO [--seed S]   the events a scenario's simulated devices send, as NDJSON
  idmerge sql --mode M --dialect D       SQL that resolves an events table in a warehouse (or --dbt models)
  idmerge load FILE --duckdb PATH|--postgres URL|--clickhouse URL   events, mappings and resolved events there
  idmerge reconcile --mappings FILE EVENTS   where Mixpanel's exported mappings disagree with the lab, and why
  idmerge lint [options] [FILE|-]        identity pitfalls in a stream, as text or --json (exit 1 on errors)
  idmerge import --as-scenario FILE      the scenario (SDK calls) that sent a recorded stream, e.g. a HAR
  idmerge rules [ID…]                    a rule (S-9, Q-5 …) in plain words, with its public source
  idmerge compare [options] [FILE|-]     every mode side by side: users, clusters, funnel, splits (--json)
  idmerge help                           this text`;

type Command = (argv: string[], streams: CliStreams) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  resolve: () => Promise.resolve(runResolve),
  lint: async () => (await import('./lintCommand.ts')).runLint,
  rules: async () => (await import('./rulesCommand.ts')).runRules,
  import: async () => (await import('./importCommand.ts')).runImport,
  compare: async () => (await import('./compareCommand.ts')).runCompare,
  sql: async () => (await import('./sqlCommand.ts')).runSql,
  load: async () => (await import('./loadCommand.ts')).runLoad,
  reconcile: async () => (await import('./reconcileCommand.ts')).runReconcile,
  simulate: async () => {
    const { runSimulate } = await import('./simulate.ts');
    return (argv, streams) =>
      runSimulate(argv, {
        readFile: (path) => readFile(path, 'utf8'),
        stdout: (line) => streams.stdout.write(line + '\n'),
        stderr: (line) => streams.stderr.write(line + '\n'),
      });
  },
};

/** Runs the CLI and returns its exit code: 0 ok, 1 bad input lines (or, for lint, an error finding), 2 a usage mistake. */
export async function runCli(argv: string[], streams: CliStreams = process): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    streams.stdout.write(USAGE + '\n');
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) return usageError(streams, `unknown command "${name}"`);
  try {
    return await (
      await load()
    )(rest, streams);
  } catch (error) {
    if (error instanceof UsageError) return usageError(streams, error.message);
    throw error;
  }
}

function usageError(streams: CliStreams, message: string): number {
  streams.stderr.write(`idmerge: ${message}\n\n${USAGE}\n`);
  return 2;
}
