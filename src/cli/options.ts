// Command-line flags → engine options, with messages that name the flag when a value is wrong.
import { parseArgs } from 'node:util';
import { MODES, OPTION_FLAGS, withDefaults, type Mode, type ResolveOptions } from '../engine/index.ts';

/** A mistake in how the CLI was called: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

export const ENGINE_FLAGS = {
  mode: { type: 'string', default: 'simplified' },
  'cluster-limit': { type: 'string' },
  canonical: { type: 'string' },
  'link-order': { type: 'string' },
  'guid-check': { type: 'string' },
  'device-prefix': { type: 'string' },
  'blocked-match': { type: 'string' },
} as const;

export const ENGINE_FLAGS_HELP = `  --mode simplified|original|legacy   identity system (default simplified)
  --cluster-limit N                   Original: a merge fails past N ids (Q-2, default 500)
  --canonical STRATEGY                Original canonical id (Q-5): larger-cluster (default),
                                      user-id-when-present, first-seen
  --link-order ingestion|event-time   Simplified: which pair is "first" (Q-1, default ingestion)
  --guid-check php|strict-v4|off      Original $anon_id check (Q-3, default php)
  --device-prefix prefix-again|strip  a $device_id already starting with $device: (Q-8)
  --blocked-match exact|case-insensitive   placeholder ids (LIM-1, Q-12, default exact)`;

type Parsed = ReturnType<
  typeof parseArgs<{ options: typeof ENGINE_FLAGS; allowPositionals: true }>
>['values'];

export function parseFlags<T extends Parameters<typeof parseArgs>[0]>(argv: string[], config: T) {
  try {
    return parseArgs({ ...config, args: argv, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The mode and engine options the flags ask for. */
export function engineOptions(values: Partial<Parsed>): { mode: Mode; options: ResolveOptions } {
  const mode = values.mode ?? 'simplified';
  if (!MODES.includes(mode as Mode))
    throw new UsageError(`--mode must be one of ${MODES.join(', ')}; got "${mode}"`);
  const limit = values['cluster-limit'];
  const partial = {
    clusterLimit: limit === undefined ? undefined : Number(limit),
    canonical: values.canonical,
    linkOrder: values['link-order'],
    guidCheck: values['guid-check'],
    devicePrefix: values['device-prefix'],
    blockedIdMatch: values['blocked-match'],
  } as Partial<ResolveOptions>;
  try {
    return { mode: mode as Mode, options: withDefaults(partial) };
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(
        /^option (\w+)/,
        (_m, name: string) => `--${(OPTION_FLAGS as Record<string, string>)[name] ?? name}`,
      ),
    );
  }
}
