// One preamble for every command: parse the flags (node:util parseArgs, strict), answer --help with the usage,
// check the arguments in the command's order, then run. A mistake throws UsageError (exit 2 with the usage).
import type { ParseArgsConfig } from 'node:util';
import type { CliStreams } from './io.ts';
import { parseFlags, UsageError } from './options.ts';

/** A command's flags, as node:util parseArgs takes them. */
export type Flags = NonNullable<ParseArgsConfig['options']>;

/** Every command takes -h/--help. */
const HELP_FLAG = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** What parseArgs makes of `argv` under a command's flags (plus --help). */
export type Parsed<F extends Flags> = ReturnType<typeof parseFlags<{ options: F & typeof HELP_FLAG }>>;

/** A usage check: the message of the mistake, or undefined when the arguments pass. */
export type Check<F extends Flags> = (parsed: Parsed<F>) => string | undefined;

/** A command as the dispatcher runs it: arguments after its name → exit code. */
export type Command = (argv: string[], streams: CliStreams) => Promise<number>;

export interface CommandSpec<F extends Flags> {
  /** The text --help prints (and a usage mistake's caller prints after the message). */
  readonly usage: string;
  readonly flags: F;
  /** Usage checks, run after --help in this order; the first that fails is reported. */
  readonly checks?: readonly Check<F>[];
  /** The command itself, once the arguments passed every check. */
  run(parsed: Parsed<F>, streams: CliStreams): Promise<number>;
}

/** Builds a command from its usage, flags, checks and body; the preamble is the same for all. */
export function defineCommand<const F extends Flags>(spec: CommandSpec<F>): Command {
  const options = { ...spec.flags, ...HELP_FLAG };
  return async (argv, streams) => {
    const parsed: Parsed<F> = parseFlags<{ options: F & typeof HELP_FLAG }>(argv, { options });
    if ((parsed.values as { readonly help?: boolean }).help === true) {
      streams.stdout.write(spec.usage + '\n');
      return 0;
    }
    for (const check of spec.checks ?? []) {
      const mistake = check(parsed);
      if (mistake !== undefined) throw new UsageError(mistake);
    }
    return spec.run(parsed, streams);
  };
}

/** A flag one of the command's checks already required, typed as present for its body. */
export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}

/** Positional-argument checks, worded as every command words them. */
export const files = {
  /** FILE is optional (standard input otherwise): "expected one FILE, got 2". */
  atMostOne:
    (noun = 'FILE') =>
    ({ positionals }: { readonly positionals: readonly string[] }) =>
      positionals.length > 1 ? `expected one ${noun}, got ${positionals.length}` : undefined,
  /** FILE is required. */
  exactlyOne:
    (noun = 'FILE') =>
    ({ positionals }: { readonly positionals: readonly string[] }) =>
      positionals.length !== 1 ? `expected one ${noun}, got ${positionals.length}` : undefined,
  /** The command reads no file: `idmerge sql takes no FILE; got "x"`. */
  none:
    (command: string) =>
    ({ positionals }: { readonly positionals: readonly string[] }) =>
      positionals.length > 0 ? `idmerge ${command} takes no FILE; got "${positionals[0]}"` : undefined,
} as const;
