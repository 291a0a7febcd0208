// The defaults of DECISIONS.md, and a checked way to override them.
import type { ResolveOptions } from './types.ts';
import { CANONICAL_STRATEGIES } from './types.ts';

/** The DECISIONS.md defaults for every open question. */
export const DEFAULT_OPTIONS: ResolveOptions = {
  linkOrder: 'ingestion',
  clusterLimit: 500,
  guidCheck: 'php',
  canonical: 'larger-cluster',
  devicePrefix: 'prefix-again',
  blockedIdMatch: 'exact',
};

/** Each option's name as the CLI's flags, the SQL script's header and error messages spell it. */
export const OPTION_FLAGS: Readonly<Record<keyof ResolveOptions, string>> = {
  clusterLimit: 'cluster-limit',
  canonical: 'canonical',
  linkOrder: 'link-order',
  guidCheck: 'guid-check',
  devicePrefix: 'device-prefix',
  blockedIdMatch: 'blocked-match',
};

/** Every option's name, in one fixed order (OPTION_FLAGS'). */
const OPTION_NAMES = Object.keys(OPTION_FLAGS) as readonly (keyof ResolveOptions)[];

/** Whether two option sets ask for the same thing, field by field (a missing field equals an undefined one). */
export function sameOptions(a: Partial<ResolveOptions>, b: Partial<ResolveOptions>): boolean {
  return OPTION_NAMES.every((name) => a[name] === b[name]);
}

/**
 * A cache key for an option set, built field by field in a fixed order: the same options in any property order
 * give the same key, and no JSON of the object (whose order follows how it was built) is involved.
 */
export function optionsKey(options: Partial<ResolveOptions>): string {
  return OPTION_NAMES.map((name) => `${OPTION_FLAGS[name]}=${options[name] ?? ''}`).join(' ');
}

const CHOICES: { readonly [K in keyof ResolveOptions]?: readonly string[] } = {
  linkOrder: ['ingestion', 'event-time'],
  guidCheck: ['php', 'strict-v4', 'off'],
  canonical: CANONICAL_STRATEGIES,
  devicePrefix: ['prefix-again', 'strip'],
  blockedIdMatch: ['exact', 'case-insensitive'],
};

/** Fills in defaults and throws a RangeError that names the bad option. */
export function withDefaults(partial: Partial<ResolveOptions> = {}): ResolveOptions {
  const options = { ...DEFAULT_OPTIONS, ...stripUndefined(partial) };
  for (const [key, allowed] of Object.entries(CHOICES)) {
    const value = options[key as keyof ResolveOptions] as string;
    if (!allowed.includes(value)) {
      throw new RangeError(`option ${key} must be one of ${allowed.join(', ')}; got "${value}"`);
    }
  }
  if (!Number.isInteger(options.clusterLimit) || options.clusterLimit < 1) {
    throw new RangeError(
      `option clusterLimit must be a whole number of at least 1; got ${options.clusterLimit}`,
    );
  }
  return options;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The assumptions in force, in words, for the app and the CLI to show (DECISIONS.md). */
export function describeAssumptions(options: ResolveOptions): readonly { question: string; text: string }[] {
  return [
    { question: 'Q-1', text: `A Simplified link is made by the first pair in ${options.linkOrder} order.` },
    {
      question: 'Q-2',
      text: `An Original merge fails when the cluster would exceed ${options.clusterLimit} ids.`,
    },
    {
      question: 'Q-3',
      text:
        options.guidCheck === 'off'
          ? 'The Original GUID check on $anon_id is off.'
          : `The Original GUID check on $anon_id uses the ${options.guidCheck === 'php' ? "PHP SDK's five-group pattern" : 'strict RFC 4122 v4 pattern'}.`,
    },
    { question: 'Q-5', text: `Original's canonical id: the "${options.canonical}" strategy.` },
    {
      question: 'Q-8',
      text:
        options.devicePrefix === 'strip'
          ? 'A $device_id already starting with $device: has the prefix stripped first.'
          : 'A $device_id already starting with $device: is prefixed again, as documented.',
    },
    { question: 'Q-12', text: `Placeholder ids (LIM-1) are matched ${options.blockedIdMatch}.` },
  ];
}
