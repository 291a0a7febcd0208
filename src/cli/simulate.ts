// `idmerge simulate`: plays a scenario and prints what its devices send, one Mixpanel JSON object per line.
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

interface ArgState {
  source?: string;
  seed?: string;
  sdkVersion?: 'current' | 'legacy';
  list: boolean;
  help: boolean;
  check?: boolean;
}

const VALUE_OPTIONS = new Set(['--seed', '--sdk']);

/** Parses the arguments, or returns what is wrong with them. */
function parseArgs(argv: readonly string[]): SimulateArgs | string {
  const state: ArgState = { list: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = splitOption(argv[i] ?? '');
    const value = VALUE_OPTIONS.has(name) ? (inline ?? argv[++i]) : undefined;
    if (VALUE_OPTIONS.has(name) && (value === undefined || value === '')) return `${name} needs a value`;
    const problem = applyArg(state, name, value);
    if (problem !== undefined) return problem;
  }
  const { source, seed, sdkVersion, list, help, check } = state;
  const options: PlayOptions = {
    ...(seed === undefined ? {} : { seed }),
    ...(sdkVersion === undefined ? {} : { sdkVersion }),
  };
  return { ...(source === undefined ? {} : { source }), list, help, check: check === true, options };
}

function applyArg(state: ArgState, name: string, value: string | undefined): string | undefined {
  if (name === '--seed') state.seed = value ?? '';
  else if (name === '--sdk') {
    if (value !== 'current' && value !== 'legacy')
      return `--sdk must be current or legacy; got ${String(value)}`;
    state.sdkVersion = value;
  } else if (name === '--list') state.list = true;
  else if (name === '--check') state.check = true;
  else if (name === '--help' || name === '-h') state.help = true;
  else if (name.startsWith('-')) return `unknown option ${name}`;
  else if (state.source === undefined) state.source = name;
  else return `unexpected argument ${name}`;
  return undefined;
}

function splitOption(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0
    ? [arg.slice(0, equals), arg.slice(equals + 1)]
    : [arg, undefined];
}
