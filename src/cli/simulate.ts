// `idmerge simulate`: plays a scenario and prints what its devices send, one Mixpanel JSON object per line.
import { parseArgs as parseArgsStrict } from 'node:util';
import type { StreamRecord } from '../engine/index.ts';
import { findScenario, LIBRARY } from '../scenarios/library/index.ts';
import { playScenario, ScenarioPlayError, type PlayOptions } from '../scenarios/play.ts';
import type { Scenario } from '../scenarios/types.ts';
import { parseScenarioText, problemWithPlace } from '../scenarios/validate.ts';
import { checkScenarioText } from './simulateCheck.ts';

/** What `runSimulate` needs from the outside world; injected so tests need no files or processes. */
export interface SimulateIo {
  readFile(path: string): Promise<string>;
  stdout(line: string): void;
  stderr(line: string): void;
}

export const SIMULATE_USAGE = [
  'usage: idmerge simulate SCENARIO [--seed S] [--sdk current|legacy]',
  '       idmerge simulate --check FILE',
  '       idmerge simulate --list',
  '',
  'SCENARIO is a scenario file (JSON, see src/scenarios/scenario.schema.json) or a library scenario id.',
  'Prints the events the scenario sends as NDJSON: events as {"event", "properties", "channel"},',
  'profile updates as engage objects ({"$distinct_id", "$set", …}). Pipe it into `idmerge resolve`.',
  "  --seed S   seed for generated ids (default: the scenario's seed, else its id)",
  '  --sdk V    simulate mixpanel-browser "current" (2.83) or "legacy" (before 2.46)',
  '  --check    validate and play FILE without printing the stream; each problem as FILE:LINE:COL: path: what',
  '  --list     list the library scenarios',
].join('\n');

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;

interface SimulateArgs {
  readonly source?: string;
  readonly list: boolean;
  readonly help: boolean;
  readonly check?: boolean;
  readonly options: PlayOptions;
}

/** Runs `idmerge simulate` with the arguments after the subcommand; resolves to the exit code. */
export async function runSimulate(argv: readonly string[], io: SimulateIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`idmerge simulate: ${args}`);
    io.stderr(SIMULATE_USAGE);
    return EXIT_USAGE;
  }
  if (args.help) return (io.stdout(SIMULATE_USAGE), EXIT_OK);
  if (args.list) return (listLibrary(io), EXIT_OK);
  if (args.source === undefined) {
    io.stderr('idmerge simulate: give a scenario file or a library scenario id');
    io.stderr(SIMULATE_USAGE);
    return EXIT_USAGE;
  }
  if (args.check === true) return checkFile(args.source, args.options, io);
  const scenario = await loadScenario(args.source, io);
  if (scenario === undefined) return EXIT_BAD_INPUT;
  return printStream(scenario, args, io);
}

function printStream(scenario: Scenario, args: SimulateArgs, io: SimulateIo): number {
  try {
    for (const record of playScenario(scenario, args.options).records)
      io.stdout(JSON.stringify(toWire(record)));
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof ScenarioPlayError)) throw error;
    io.stderr(`${args.source ?? scenario.id}: ${error.message}`);
    return EXIT_BAD_INPUT;
  }
}

/** A record as Mixpanel receives it: the event object with its channel, or the engage object. */
export function toWire(record: StreamRecord): object {
  if (record.kind === 'profile') return record.update;
  const { event, properties, channel } = record.event;
  return { event, properties, channel: channel ?? 'import' };
}

/** A library id when it names one and does not look like a path; otherwise a file, validated. */
async function loadScenario(source: string, io: SimulateIo): Promise<Scenario | undefined> {
  const fromLibrary = looksLikePath(source) ? undefined : findScenario(source);
  if (fromLibrary !== undefined) return fromLibrary;
  let text: string;
  try {
    text = await io.readFile(source);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    const hint = looksLikePath(source) ? '' : ' and no library scenario has this id (see --list)';
    io.stderr(`${source}: ${reason}${hint}`);
    return undefined;
  }
  const parsed = parseScenarioText(text);
  if (parsed.ok) return parsed.scenario;
  for (const problem of parsed.problems) io.stderr(problemWithPlace(source, problem));
  return undefined;
}

async function checkFile(source: string, options: PlayOptions, io: SimulateIo): Promise<number> {
  try {
    return checkScenarioText(source, await io.readFile(source), options, io);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    io.stderr(`${source}: ${reason}`);
    return EXIT_BAD_INPUT;
  }
}

function looksLikePath(source: string): boolean {
  return source.includes('/') || source.includes('\\') || source.endsWith('.json');
}

function listLibrary(io: SimulateIo): void {
  for (const scenario of LIBRARY) io.stdout(`${scenario.id}\t${scenario.modes.join(',')}\t${scenario.title}`);
}

const FLAGS = {
  seed: { type: 'string' },
  sdk: { type: 'string' },
  list: { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Parses the arguments with node:util's parseArgs, or returns what is wrong with them. */
function parseArgs(argv: readonly string[]): SimulateArgs | string {
  let parsed;
  try {
    parsed = parseArgsStrict({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    return usageProblem(error);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) return `unexpected argument ${positionals[1] ?? ''}`;
  for (const name of ['seed', 'sdk'] as const) if (values[name] === '') return `--${name} needs a value`;
  const sdkVersion = values.sdk;
  if (sdkVersion !== undefined && sdkVersion !== 'current' && sdkVersion !== 'legacy')
    return `--sdk must be current or legacy; got ${sdkVersion}`;
  const options: PlayOptions = {
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(sdkVersion === undefined ? {} : { sdkVersion }),
  };
  const source = positionals[0];
  return {
    ...(source === undefined ? {} : { source }),
    list: values.list,
    help: values.help,
    check: values.check,
    options,
  };
}

/** parseArgs' own message for a bad option, in this command's words where they differ. */
function usageProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /^Option '(?:-\w, )?(--\w+) <value>' argument missing/.exec(message);
  if (missing?.[1] !== undefined) return `${missing[1]} needs a value`;
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  return unknown?.[1] !== undefined ? `unknown option ${unknown[1]}` : message;
}
