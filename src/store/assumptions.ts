// Which assumptions are in force (DECISIONS.md): the engine's words, marked where the user changed a default.
import {
  DEFAULT_OPTIONS,
  describeAssumptions,
  withDefaults,
  type Mode,
  type ResolveOptions,
} from '../engine/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import type { SdkVersion } from '../simulator/index.ts';

export const MODE_NAMES: { readonly [M in Mode]: string } = {
  simplified: 'Simplified',
  original: 'Original',
  legacy: 'Legacy',
};

/** Which open question each option answers, so a changed option marks its assumption. */
const QUESTION_OF: { readonly [K in keyof ResolveOptions]: string } = {
  linkOrder: 'Q-1',
  clusterLimit: 'Q-2',
  guidCheck: 'Q-3',
  canonical: 'Q-5',
  devicePrefix: 'Q-8',
  blockedIdMatch: 'Q-12',
};

export interface Assumption {
  readonly question: string;
  readonly text: string;
  readonly changed: boolean;
}

/** The options the user set to something other than the default. */
export function changedOptions(options: Partial<ResolveOptions>): (keyof ResolveOptions)[] {
  return (Object.keys(QUESTION_OF) as (keyof ResolveOptions)[]).filter(
    (key) => options[key] !== undefined && options[key] !== DEFAULT_OPTIONS[key],
  );
}

/** Every assumption in force, in the engine's words. */
export function assumptionsInForce(options: Partial<ResolveOptions>): Assumption[] {
  const changed = new Set(changedOptions(options).map((key) => QUESTION_OF[key]));
  return describeAssumptions(withDefaults(options)).map((a) => ({ ...a, changed: changed.has(a.question) }));
}

/** Short lines for what differs from the plain reading: changed options, SDK version, a mode not written for. */
export function departures(
  scenario: Scenario,
  mode: Mode,
  options: Partial<ResolveOptions>,
  sdkVersion: SdkVersion | undefined,
): string[] {
  const lines = assumptionsInForce(options)
    .filter((a) => a.changed)
    .map((a) => `${a.question}: ${a.text}`);
  if (sdkVersion !== undefined && sdkVersion !== (scenario.sdkVersion ?? 'current'))
    lines.push(`SDK version ${sdkVersion} instead of ${scenario.sdkVersion ?? 'current'}.`);
  const notWritten = modeMismatch(scenario, mode);
  if (notWritten !== undefined) lines.push(notWritten);
  return lines;
}

/** "written for Simplified; shown under Original" when the scenario was not written for the mode. */
export function modeMismatch(scenario: Scenario, mode: Mode): string | undefined {
  if (scenario.modes.includes(mode)) return undefined;
  const written = scenario.modes.map((m) => MODE_NAMES[m]).join(' and ');
  return `Written for ${written}; shown under ${MODE_NAMES[mode]}.`;
}
