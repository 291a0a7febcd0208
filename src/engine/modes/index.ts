// The identity systems the engine knows: one folder each, listed once here (see modeRules.ts to add one).
import { LEGACY } from './legacy/rules.ts';
import type { ModeRules } from './modeRules.ts';
import { ORIGINAL } from './original/rules.ts';
import { SIMPLIFIED } from './simplified/rules.ts';

const ALL = [SIMPLIFIED, ORIGINAL, LEGACY] as const;

/** The identity systems a Mixpanel project can run (spec G-2). */
export type Mode = (typeof ALL)[number]['mode'];

/** Every mode, in the order the app and the CLI list them. */
export const MODES: readonly Mode[] = ALL.map((rules) => rules.mode);

const BY_MODE = new Map<string, ModeRules<Mode>>(ALL.map((rules) => [rules.mode, rules]));

/** The rules of `mode`: what views, explanations, profiles and the linter ask instead of testing its name. */
export function modeRules(mode: Mode): ModeRules<Mode> {
  const rules = BY_MODE.get(mode);
  if (rules === undefined) throw new RangeError(`unknown mode: ${String(mode)}`);
  return rules;
}

/** The contract each mode fulfils, and the context its explanations get. */
export type { CanonicalState, ExplainContext, KeptApartPiece, ModeRules, ModeWords } from './modeRules.ts';
